# Documentation: the Doxygen API reference and the man pages.
# Included by the top-level CMakeLists.txt (after every other directory).
#
#   cmake --build build --target docs   API reference in build/doc/api/html,
#                                       from include/shenzhen.h; any Doxygen
#                                       warning (an undocumented public symbol
#                                       above all) fails the target.
#   man pages shenzhen(1), libshenzhen(3) are written by hand in roff
#   (but for shenzhen(1)'s SYNOPSIS and OPTIONS, from the command's tables)
#   (libshenzhen/doc/*.in), stamped with PROJECT_VERSION, gzipped as Debian
#   wants them and built with ALL; installed in the `cli` and `dev` components.

set(SHZ_DOC_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SHZ_DOCS_OUTPUT_DIR ${PROJECT_BINARY_DIR}/doc/api)
# The date printed in the man pages' footer: that of the release in CHANGELOG.md.
include(${SHZ_DOC_DIR}/release.cmake)
set(SHZ_MAN_DATE ${SHZ_RELEASE_DATE})

# ---- API reference ---------------------------------------------------------
find_package(Doxygen QUIET)
configure_file(${SHZ_DOC_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/doc/Doxyfile @ONLY)
if(DOXYGEN_FOUND)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${SHZ_DOCS_OUTPUT_DIR}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${SHZ_DOCS_OUTPUT_DIR}
    # Doxygen exits non-zero on the first warning with WARN_AS_ERROR; the log is
    # printed so that the failure says what to fix.
    COMMAND ${CMAKE_COMMAND} -DDOXYGEN=${DOXYGEN_EXECUTABLE}
            -DDOXYFILE=${PROJECT_BINARY_DIR}/doc/Doxyfile
            -DLOG=${SHZ_DOCS_OUTPUT_DIR}/warnings.log
            -DHEADERS=${PROJECT_SOURCE_DIR}/include/shenzhen.h,${PROJECT_BINARY_DIR}/include/shenzhen_version.h
            -P ${SHZ_DOC_DIR}/run-doxygen.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/include/shenzhen.h ${SHZ_DOC_DIR}/Doxyfile.in
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/doc
    COMMENT "Generating the API reference with Doxygen (warnings are errors)"
    VERBATIM)
else()
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E echo "docs: doxygen not found (apt-get install doxygen)"
    COMMAND ${CMAKE_COMMAND} -E false
    VERBATIM)
endif()

# ---- man pages ---------------------------------------------------------------
# shz_add_man_page(<source.in> <section> <component> [FILTER <executable target>])
# FILTER writes the page from the configured source at build time (`FILTER IN OUT`).
function(shz_add_man_page source section component)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "FILTER" "")
  get_filename_component(name ${source} NAME_WLE)          # shenzhen.1
  set(page ${PROJECT_BINARY_DIR}/doc/man/${name})
  if(arg_FILTER)
    configure_file(${source} ${page}.configured @ONLY)
    add_custom_command(OUTPUT ${page}
      COMMAND ${arg_FILTER} ${page}.configured ${page}
      DEPENDS ${page}.configured ${arg_FILTER}
      COMMENT "Writing man page ${name}")
  else()
    configure_file(${source} ${page} @ONLY)
  endif()
  add_custom_command(OUTPUT ${page}.gz
    # -n: no name or time stamp in the gzip header, so the packages are reproducible.
    COMMAND gzip -9 -n -c ${page} > ${page}.gz
    DEPENDS ${page}
    COMMENT "Compressing man page ${name}")
  set_property(GLOBAL APPEND PROPERTY SHZ_MAN_PAGES ${page}.gz)
  install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section}
    COMPONENT ${component})
endfunction()

# The command's synopsis and options come from its own option table.
shz_add_man_page(${SHZ_DOC_DIR}/shenzhen.1.in 1 cli FILTER shenzhen_man_options)
shz_add_man_page(${SHZ_DOC_DIR}/libshenzhen.3.in 3 dev)
get_property(shz_man_pages GLOBAL PROPERTY SHZ_MAN_PAGES)
add_custom_target(man ALL DEPENDS ${shz_man_pages})

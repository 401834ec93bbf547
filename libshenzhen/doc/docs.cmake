# Documentation: the Doxygen API reference and the man pages.
# Included by the top-level CMakeLists.txt (after every other directory).
#
#   cmake --build build --target docs   API reference in build/doc/api/html,
#                                       from include/shenzhen.h; any Doxygen
#                                       warning (an undocumented public symbol
#                                       above all) fails the target.
#   man pages: shenzhen(1), libshenzhen(3), shenzhen-json(5) (the JSON
#   export) and shenzhen-search(7) (query syntax, matching, ranking) are
#   written by hand in roff (libshenzhen/doc/*.in); a page per public function,
#   enum and struct (shz_search(3), shz_status(3), ...) is generated from the
#   header's comments (Doxygen XML, then man3.py). All are stamped with
#   PROJECT_VERSION, gzipped as Debian wants them and built with ALL; shenzhen(1)
#   (whose SYNOPSIS and OPTIONS are written from the command's option table) is
#   installed in the `cli` component, the rest in `dev`.

set(SHZ_DOC_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SHZ_DOCS_OUTPUT_DIR ${PROJECT_BINARY_DIR}/doc/api)
# The date printed in the man pages' footer: that of the release in CHANGELOG.md.
include(${SHZ_DOC_DIR}/../packaging/release.cmake)
set(SHZ_MAN_DATE ${SHZ_RELEASE_DATE})

# ---- API reference ---------------------------------------------------------
find_package(Doxygen QUIET)
set(SHZ_DOXY_AUTOBRIEF YES)
set(SHZ_DOXY_WARN_AS_ERROR FAIL_ON_WARNINGS)
set(SHZ_DOXY_HTML YES)
set(SHZ_DOXY_XML NO)
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

# shenzhen-json(5) states the schema and edition of the catalogue compiled in.
file(READ ${SHZ_CATALOGUE} shz_catalogue_json)
string(JSON SHZ_DATA_SCHEMA GET "${shz_catalogue_json}" schema)
string(JSON SHZ_DATA_EDITION GET "${shz_catalogue_json}" edition)
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SHZ_CATALOGUE})

# The command's synopsis and options come from its own option table.
shz_add_man_page(${SHZ_DOC_DIR}/shenzhen.1.in 1 cli FILTER shenzhen_man_options)
shz_add_man_page(${SHZ_DOC_DIR}/libshenzhen.3.in 3 dev)
shz_add_man_page(${SHZ_DOC_DIR}/shenzhen-json.5.in 5 dev)
shz_add_man_page(${SHZ_DOC_DIR}/shenzhen-search.7.in 7 dev)
get_property(shz_man_pages GLOBAL PROPERTY SHZ_MAN_PAGES)

# A page per public function, enum and struct, from the header's comments, so
# that `man shz_search` works. Doxygen writes XML (its own man output would make
# a page of every struct member name, "size" or "limit"); man3.py writes the
# pages. Doxygen warnings do not stop this (the docs target and the pkg_docs
# test fail on them); an unknown construct in a comment is kept as plain text.
option(SHZ_API_MAN_PAGES "Generate and install a man page per public function (needs Doxygen)" ON)
if(SHZ_API_MAN_PAGES)
  if(NOT DOXYGEN_FOUND)
    message(FATAL_ERROR "doxygen not found: the man pages of the functions are generated from "
      "include/shenzhen.h by Doxygen (apt-get install doxygen), or configure with "
      "-DSHZ_API_MAN_PAGES=OFF to build without them")
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(shz_man3_xml ${PROJECT_BINARY_DIR}/doc/man3-xml)
  set(shz_man3_dir ${PROJECT_BINARY_DIR}/doc/man/man3)
  set(SHZ_DOCS_OUTPUT_DIR ${shz_man3_xml})
  set(SHZ_DOXY_AUTOBRIEF NO) # man3.py takes NAME from the first clause ("e.g." does not end it)
  set(SHZ_DOXY_WARN_AS_ERROR NO)
  set(SHZ_DOXY_HTML NO)
  set(SHZ_DOXY_XML YES)
  configure_file(${SHZ_DOC_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/doc/Doxyfile.man3 @ONLY)
  add_custom_command(OUTPUT ${shz_man3_dir}.stamp
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${shz_man3_xml}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${shz_man3_xml}
    COMMAND ${DOXYGEN_EXECUTABLE} ${PROJECT_BINARY_DIR}/doc/Doxyfile.man3
    COMMAND ${Python3_EXECUTABLE} ${SHZ_DOC_DIR}/man3.py ${shz_man3_xml}/xml ${shz_man3_dir}
            ${PROJECT_VERSION} ${SHZ_MAN_DATE}
    COMMAND ${CMAKE_COMMAND} -E touch ${shz_man3_dir}.stamp
    DEPENDS ${PROJECT_SOURCE_DIR}/include/shenzhen.h
            ${PROJECT_BINARY_DIR}/include/shenzhen_version.h
            ${SHZ_DOC_DIR}/Doxyfile.in ${SHZ_DOC_DIR}/man3.py
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/doc
    COMMENT "Generating a man page per public function from include/shenzhen.h"
    VERBATIM)
  list(APPEND shz_man_pages ${shz_man3_dir}.stamp)
  install(DIRECTORY ${shz_man3_dir}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man3 COMPONENT dev
    FILES_MATCHING PATTERN "*.3.gz")
endif()
add_custom_target(man ALL DEPENDS ${shz_man_pages})

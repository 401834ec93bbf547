# Debian packages with CPack: `cpack -G DEB` in the build directory.
# Included by the top-level CMakeLists.txt after every install() rule exists.
#
# Every install() rule of the project names one of these COMPONENTs, and each
# component becomes one Debian package, following Debian's library split:
#
#   COMPONENT  Debian package     Section      contents
#   runtime    libshenzhen1       libs         libshenzhen.so.1 (+ the SONAME link)
#   dev        libshenzhen-dev    libdevel     headers, libshenzhen.so, libshenzhen.a,
#                                              shenzhen.pc, CMake package, libshenzhen(3)
#   cli        shenzhen           utils        the `shenzhen` command, shenzhen(1)
#   python     python3-shenzhen   python       the Python package `shenzhen`
#   lua        lua-shenzhen       interpreters the Lua module `shenzhen`
#
# A component without install rules (e.g. the bindings when SHZ_BINDINGS=OFF)
# is simply not packaged. Packages are built for the prefix /usr whatever
# CMAKE_INSTALL_PREFIX is; configure with -DCMAKE_INSTALL_PREFIX=/usr to get
# Debian's multiarch library directory (PACKAGING.md; tests/pkg does).

set(SHZ_PACKAGE_COMPONENTS runtime dev cli python lua)

set(SHZ_DEB_NAME_runtime libshenzhen${SHZ_SOVERSION})
set(SHZ_DEB_NAME_dev libshenzhen-dev)
set(SHZ_DEB_NAME_cli shenzhen)
set(SHZ_DEB_NAME_python python3-shenzhen)
set(SHZ_DEB_NAME_lua lua-shenzhen)

# ---- per-package documents: copyright and changelog ----------------------------
# Debian wants /usr/share/doc/<package>/{copyright,changelog.gz} in every binary
# package. They are installed only by component installs (as CPack does), never
# by a plain `cmake --install`, thanks to EXCLUDE_FROM_ALL.
include(${CMAKE_CURRENT_LIST_DIR}/release.cmake)  # SHZ_RELEASE_DATE_RFC2822
set(SHZ_DEB_MAINTAINER "libshenzhen developers <libshenzhen@example.invalid>")
set(SHZ_DEB_DOC_STAGING ${PROJECT_BINARY_DIR}/packaging/doc)
configure_file(${CMAKE_CURRENT_LIST_DIR}/debian-changelog.in
               ${SHZ_DEB_DOC_STAGING}/changelog @ONLY)
add_custom_command(OUTPUT ${SHZ_DEB_DOC_STAGING}/changelog.gz
  COMMAND gzip -9 -n -c ${SHZ_DEB_DOC_STAGING}/changelog > ${SHZ_DEB_DOC_STAGING}/changelog.gz
  DEPENDS ${SHZ_DEB_DOC_STAGING}/changelog
  COMMENT "Compressing the Debian changelog")
add_custom_target(shz_deb_docs ALL DEPENDS ${SHZ_DEB_DOC_STAGING}/changelog.gz)

get_cmake_property(shz_installed_components COMPONENTS)
set(CPACK_COMPONENTS_ALL "")
foreach(comp IN LISTS SHZ_PACKAGE_COMPONENTS)
  if(comp IN_LIST shz_installed_components)
    list(APPEND CPACK_COMPONENTS_ALL ${comp})
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${SHZ_DEB_DOC_STAGING}/changelog.gz
      DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${SHZ_DEB_NAME_${comp}}
      COMPONENT ${comp} EXCLUDE_FROM_ALL)
  endif()
endforeach()
foreach(comp IN LISTS shz_installed_components)
  if(NOT comp IN_LIST SHZ_PACKAGE_COMPONENTS)
    message(WARNING "packaging: install rules in COMPONENT '${comp}' are in no Debian package; "
      "use one of: ${SHZ_PACKAGE_COMPONENTS} (see libshenzhen/packaging/packaging.cmake)")
  endif()
endforeach()

# ---- common settings -----------------------------------------------------------
# cpack (and `make install`) must not rebuild the tree: it packages what was
# built, like `cmake --install`. Without this, cpack's "preinstall" step runs
# the whole build, at the same time as any test that is running.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME libshenzhen)
set(CPACK_PACKAGE_VENDOR "libshenzhen")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Empty, so that CPackDeb does not put it before each component's own
# description (whose first line is that package's synopsis).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "${SHZ_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)              # executables and shared objects
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build.*/")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <package>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SHZ_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SOURCE libshenzhen)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps computes the dependencies of every ELF file (libc6, libcjson1…).
# It must find libshenzhen.so.1, needed by the command and the binding modules:
# the build tree has it. That library belongs to no installed package, so
# dpkg-shlibdeps cannot name its package; the explicit Depends below do.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
get_target_property(shz_libdir shenzhen LIBRARY_OUTPUT_DIRECTORY)
if(NOT shz_libdir)
  get_target_property(shz_libdir shenzhen BINARY_DIR)
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${shz_libdir})
# libshenzhen1's DEBIAN/shlibs: "libshenzhen 1 libshenzhen1 (>= VERSION)". Within
# a SONAME the ABI only grows, so programs built now run with any later 1.x.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(shz_ver ${PROJECT_VERSION})
set(shz_lib ${SHZ_DEB_NAME_runtime})

# runtime -> libshenzhen1
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${shz_lib})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "")          # shlibdeps only: libc6, libcjson1
# Control files as dh_makeshlibs writes them:
# - triggers: "activate-noawait ldconfig" updates the loader's cache;
# - symbols: every exported symbol with the version that added it, generated
#   from shenzhen.map (node SHENZHEN_X.Y -> X.Y.0), so that dpkg-shlibdeps
#   gives programs the lowest libshenzhen1 version they need.
# CPack would also write postinst/postrm scripts calling ldconfig, which Debian
# replaced by the trigger (lintian: maintscript-calls-ldconfig). Naming a
# postinst and a postrm in CONTROL_EXTRA stops it; those paths intentionally
# do not exist, and CPack skips control files that do not exist.
file(STRINGS ${PROJECT_SOURCE_DIR}/libshenzhen/runtime/shenzhen.map shz_map_lines)
set(shz_symbols "libshenzhen.so.${SHZ_SOVERSION} ${SHZ_DEB_NAME_runtime} #MINVER#\n")
string(APPEND shz_symbols "* Build-Depends-Package: ${SHZ_DEB_NAME_dev}\n")
set(shz_node "")
foreach(line IN LISTS shz_map_lines)
  if(line MATCHES "^[ \t]*(SHENZHEN_([0-9]+)\\.([0-9]+))[ \t]*{")
    set(shz_node ${CMAKE_MATCH_1})
    set(shz_node_version ${CMAKE_MATCH_2}.${CMAKE_MATCH_3}.0)
    string(APPEND shz_symbols " ${shz_node}@${shz_node} ${shz_node_version}\n")
  elseif(shz_node AND line MATCHES "^[ \t]*(shz_[A-Za-z0-9_]+)[ \t]*;")
    string(APPEND shz_symbols " ${CMAKE_MATCH_1}@${shz_node} ${shz_node_version}\n")
  endif()
endforeach()
file(WRITE ${PROJECT_BINARY_DIR}/packaging/symbols.new "${shz_symbols}")
configure_file(${PROJECT_BINARY_DIR}/packaging/symbols.new
               ${PROJECT_BINARY_DIR}/packaging/control/symbols COPYONLY)
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/libshenzhen/runtime/shenzhen.map)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_LIST_DIR}/debian/triggers
  ${PROJECT_BINARY_DIR}/packaging/control/symbols
  ${PROJECT_BINARY_DIR}/packaging/control/no-maintainer-scripts/postinst
  ${PROJECT_BINARY_DIR}/packaging/control/no-maintainer-scripts/postrm)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
"C library of the 47 Shenzhen Special Economic Zone measures
libshenzhen serves the 47 innovative measures of the Shenzhen Special
Economic Zone (NDRC notice 1072 of 2021) and the notice itself, in
Simplified Chinese, Traditional Chinese and English, from tables compiled
into the library, with script-insensitive full-text search and JSON export.
.
This package contains the shared library.")

# dev -> libshenzhen-dev
set(CPACK_DEBIAN_DEV_PACKAGE_NAME ${SHZ_DEB_NAME_dev})
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The static library and the CMake package (find_dependency(cJSON), utf8proc) need
# cJSON's and utf8proc's development files.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${shz_lib} (= ${shz_ver}), libcjson-dev, libutf8proc-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "pkgconf | pkg-config, cmake")
set(CPACK_DEBIAN_DEV_DESCRIPTION
"C library of the 47 Shenzhen Special Economic Zone measures - development
libshenzhen serves the 47 innovative measures of the Shenzhen Special
Economic Zone (NDRC notice 1072 of 2021) and the notice itself, in
Simplified Chinese, Traditional Chinese and English, from tables compiled
into the library.
.
This package contains the header, the static library, the pkg-config file,
the CMake package (find_package(shenzhen 1 CONFIG)) and libshenzhen(3).")

# cli -> shenzhen
set(CPACK_DEBIAN_CLI_PACKAGE_NAME ${SHZ_DEB_NAME_cli})
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "${shz_lib} (>= ${shz_ver})")
set(CPACK_DEBIAN_CLI_DESCRIPTION
"browse and search the 47 Shenzhen Special Economic Zone measures
The shenzhen command lists, shows, searches and exports as JSON the 47
innovative measures of the Shenzhen Special Economic Zone (NDRC notice 1072
of 2021), in Simplified Chinese, Traditional Chinese and English.")

# python -> python3-shenzhen
set(shz_python_depends "python3")
if(DEFINED SHZ_PYTHON_EXECUTABLE)      # set by bindings/python
  set(shz_python ${SHZ_PYTHON_EXECUTABLE})
else()
  set(shz_python python3)
endif()
execute_process(COMMAND ${shz_python} -c "import sys; print('%d %d' % sys.version_info[:2])"
  OUTPUT_VARIABLE shz_pyver OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE shzi_rc)
if(shzi_rc EQUAL 0 AND shz_pyver MATCHES "^([0-9]+) ([0-9]+)$")
  math(EXPR shz_next "${CMAKE_MATCH_2} + 1")
  # A compiled extension module serves one Python minor version.
  set(shz_python_depends
    "python3 (>= ${CMAKE_MATCH_1}.${CMAKE_MATCH_2}~), python3 (<< ${CMAKE_MATCH_1}.${shz_next})")
endif()

# shz_binding_package(<component> <section> <depends> <language>)
# A binding's package: the library of this version or later, the interpreter
# (<depends>), and a description naming <language>.
function(shz_binding_package component section depends language)
  string(TOUPPER ${component} c)
  set(CPACK_DEBIAN_${c}_PACKAGE_NAME ${SHZ_DEB_NAME_${component}} PARENT_SCOPE)
  set(CPACK_DEBIAN_${c}_PACKAGE_SECTION ${section} PARENT_SCOPE)
  set(CPACK_DEBIAN_${c}_PACKAGE_DEPENDS "${shz_lib} (>= ${shz_ver}), ${depends}" PARENT_SCOPE)
  set(CPACK_DEBIAN_${c}_DESCRIPTION
"${language} module for the 47 Shenzhen Special Economic Zone measures
libshenzhen serves the 47 innovative measures of the Shenzhen Special
Economic Zone (NDRC notice 1072 of 2021), in Simplified Chinese,
Traditional Chinese and English, with full-text search.
.
This package contains the ${language} module shenzhen." PARENT_SCOPE)
endfunction()

shz_binding_package(python python "${shz_python_depends}" "Python 3")

# lua -> lua-shenzhen
shz_binding_package(lua interpreters lua5.4 "Lua 5.4")

# Strip what CPACK_STRIP_FILES leaves (.comment, .note; debug sections of .a),
# as dh_strip would, after CPack stages the files.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/debian/strip.cmake)

include(CPack)

foreach(comp IN LISTS SHZ_PACKAGE_COMPONENTS)
  cpack_add_component(${comp} DISPLAY_NAME ${SHZ_DEB_NAME_${comp}})
endforeach()

# Installation: libraries with SONAME links, headers, pkg-config file and a
# CMake package (find_package(shenzhen 1 CONFIG) -> shenzhen::shenzhen).
include(CMakePackageConfigHelpers)

install(TARGETS shenzhen shenzhen_static EXPORT shenzhenTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/shenzhen.h
              ${PROJECT_BINARY_DIR}/include/shenzhen_version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

# shz_install_rpath(<target> <install dir relative to the prefix>)
# An installed program or module finds libshenzhen relative to itself, so that
# it starts in any prefix, and still does after the prefix is moved (tests/pkg
# checks both). Used by the command and the binding modules.
function(shz_install_rpath target dir)
  file(RELATIVE_PATH rel ${CMAKE_INSTALL_PREFIX}/${dir} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN/${rel}")
endfunction()

set(SHZ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/shenzhen)
install(EXPORT shenzhenTargets NAMESPACE shenzhen:: DESTINATION ${SHZ_CMAKE_DIR}
  COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/shenzhenConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/shenzhenConfig.cmake INSTALL_DESTINATION ${SHZ_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/shenzhenConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/shenzhenConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/shenzhenConfigVersion.cmake
  DESTINATION ${SHZ_CMAKE_DIR} COMPONENT dev)

# pkg-config paths relative to ${pcfiledir}, so the installed tree can be moved.
# An absolute CMAKE_INSTALL_LIBDIR or INCLUDEDIR (as some distributions pass)
# is written as it is, and then the tree cannot be moved.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SHZ_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SHZ_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH shz_up /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
  string(REGEX REPLACE "/$" "" shz_up "${shz_up}")   # "../.." rather than "../../"
  set(SHZ_PC_PREFIX "\${pcfiledir}/${shz_up}")
  set(SHZ_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SHZ_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SHZ_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# Libs.private: the libraries that libshenzhen.a needs, read from the static
# library's link interface (imported targets by their file name, plain names
# as -l options), so that the pc file follows the build.
get_target_property(shz_static_deps shenzhen_static INTERFACE_LINK_LIBRARIES)
set(SHZ_PC_LIBS_PRIVATE "")
foreach(dep IN LISTS shz_static_deps)
  if(dep MATCHES "^\\$<BUILD_INTERFACE:" OR dep STREQUAL "")
    continue() # the build tree's view of a dependency
  endif()
  if(dep MATCHES "^\\$<INSTALL_INTERFACE:(.*)>$")
    set(dep ${CMAKE_MATCH_1})
  endif()
  if(dep MATCHES "^\\$<LINK_ONLY:(.*)>$")
    set(dep ${CMAKE_MATCH_1})
  endif()
  if(TARGET ${dep})
    # The library file: IMPORTED_LOCATION, or that of its first configuration.
    get_target_property(file ${dep} IMPORTED_LOCATION)
    if(NOT file)
      get_target_property(configs ${dep} IMPORTED_CONFIGURATIONS)
      if(configs)
        list(GET configs 0 config)
        get_target_property(file ${dep} IMPORTED_LOCATION_${config})
      endif()
    endif()
    if(NOT file)
      message(FATAL_ERROR "install.cmake: no library file for ${dep}, a dependency of "
        "libshenzhen.a, to name in the pkg-config file's Libs.private")
    endif()
    get_filename_component(dep "${file}" NAME)
  endif()
  if(dep MATCHES "^-")
    string(APPEND SHZ_PC_LIBS_PRIVATE " ${dep}")
  elseif(dep MATCHES "(^|/)lib([^/.]+)\\.(so|a)")
    string(APPEND SHZ_PC_LIBS_PRIVATE " -l${CMAKE_MATCH_2}")
  elseif(dep MATCHES "^[A-Za-z0-9_+-]+$")
    string(APPEND SHZ_PC_LIBS_PRIVATE " -l${dep}")
  else()
    message(FATAL_ERROR "install.cmake: cannot write '${dep}', a dependency of libshenzhen.a, "
      "as a pkg-config Libs.private entry")
  endif()
endforeach()
string(STRIP "${SHZ_PC_LIBS_PRIVATE}" SHZ_PC_LIBS_PRIVATE)
configure_file(${CMAKE_CURRENT_LIST_DIR}/shenzhen.pc.in ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

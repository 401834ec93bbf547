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

set(SHZ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/shenzhen)
install(EXPORT shenzhenTargets NAMESPACE shenzhen:: DESTINATION ${SHZ_CMAKE_DIR}
  COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/shenzhenConfig.cmake.in
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
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/shenzhen.pc.in ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

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

# pkg-config paths relative to ${prefix}, so the installed tree can be moved.
file(RELATIVE_PATH SHZ_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/shenzhen.pc.in ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/shenzhen.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

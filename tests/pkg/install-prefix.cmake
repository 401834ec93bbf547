# cmake -DBUILD=<build dir> -DPREFIX=<dir> -P install-prefix.cmake
# The fixture of tests/pkg: a fresh `cmake --install` of the whole build into PREFIX.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD} --prefix ${PREFIX} failed (${rc}):\n${out}${err}")
endif()
file(GLOB_RECURSE files RELATIVE "${PREFIX}" LIST_DIRECTORIES false "${PREFIX}/*")
list(SORT files)
list(LENGTH files count)
list(JOIN files "\n  " listing)
message(STATUS "installed ${count} files into ${PREFIX}:\n  ${listing}")

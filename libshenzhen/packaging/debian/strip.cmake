# CPACK_PRE_BUILD_SCRIPTS: finishes stripping the staged files as dh_strip does.
# CPACK_STRIP_FILES has already stripped the symbols of executables and shared
# objects; this removes the .comment and .note sections from them (lintian:
# binary-has-unneeded-section) and strips static libraries of their debug
# sections (lintian: unstripped-static-library), keeping their symbol tables.
find_program(SHZ_STRIP NAMES strip REQUIRED)
file(GLOB_RECURSE shz_files LIST_DIRECTORIES false "${CPACK_TEMPORARY_DIRECTORY}/*")
foreach(f IN LISTS shz_files)
  if(IS_SYMLINK "${f}")
    continue()
  endif()
  if(f MATCHES "\\.a$")
    set(args --strip-debug --enable-deterministic-archives)
  else()
    file(READ "${f}" magic LIMIT 4 HEX)
    if(NOT magic STREQUAL "7f454c46")   # not ELF
      continue()
    endif()
    set(args)
  endif()
  execute_process(COMMAND ${SHZ_STRIP} ${args} --remove-section=.comment --remove-section=.note
                          "${f}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strip ${args} failed on ${f}: ${err}")
  endif()
endforeach()

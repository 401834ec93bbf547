# cmake -DDOXYGEN=<exe> -DDOXYFILE=<file> -DLOG=<warnings log> -DHEADERS=<h,…> -P run-doxygen.cmake
# Runs Doxygen and fails, printing every warning, if it warned at all (the
# Doxyfile sets WARN_AS_ERROR = FAIL_ON_WARNINGS and WARN_LOGFILE = LOG).
# Doxygen only reports undocumented members of documented files: a public
# header without a @file comment would have its macros and functions left out
# silently, so that is an error too.
string(REPLACE "," ";" HEADERS "${HEADERS}")   # comma-separated: a ; would split the command
set(missing "")
foreach(header IN LISTS HEADERS)
  file(STRINGS "${header}" file_cmd REGEX "[@\\\\]file")
  if(NOT file_cmd)
    string(APPEND missing "${header}: no @file comment, so Doxygen ignores what it declares\n")
  endif()
endforeach()
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE rc)
set(warnings "")
if(EXISTS ${LOG})
  file(READ ${LOG} warnings)
endif()
if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "" OR NOT missing STREQUAL "")
  message(FATAL_ERROR
    "Doxygen failed (exit ${rc}); document these in the public headers:\n${missing}${warnings}")
endif()
get_filename_component(dir ${LOG} DIRECTORY)
message(STATUS "API reference: ${dir}/html/index.html")

# cmake -DC=<program> -DPYTHON=<python3> -DLUA=<lua5.4> -DNAME=<example> -DARG=<arg>
#       [-DFAILS=ON] -P compare_examples.cmake
# The same example in C, Python and Lua must print the same bytes: the three
# programs are one program, written three times. With FAILS, the argument is
# one they must all refuse: exit status 1 and the same message on stderr.
set(dir ${CMAKE_CURRENT_LIST_DIR})
set(stream OUTPUT_VARIABLE)
set(status 0)
if(FAILS)
  set(stream ERROR_VARIABLE)
  set(status 1)
endif()
execute_process(COMMAND ${C} ${ARG} RESULT_VARIABLE rc_c ${stream} out_c)
execute_process(COMMAND ${PYTHON} ${dir}/python/${NAME}.py ${ARG} RESULT_VARIABLE rc_py
                ${stream} out_py)
execute_process(COMMAND ${LUA} ${dir}/lua/${NAME}.lua ${ARG} RESULT_VARIABLE rc_lua
                ${stream} out_lua)
if(NOT rc_c EQUAL status OR NOT rc_py EQUAL status OR NOT rc_lua EQUAL status)
  message(FATAL_ERROR "exit status C ${rc_c}, Python ${rc_py}, Lua ${rc_lua} (expected ${status})")
endif()
if(out_c STREQUAL "")
  message(FATAL_ERROR "no output")
endif()
if(NOT out_py STREQUAL out_c)
  message(FATAL_ERROR "Python prints otherwise than C:\n--- C\n${out_c}--- Python\n${out_py}")
endif()
if(NOT out_lua STREQUAL out_c)
  message(FATAL_ERROR "Lua prints otherwise than C:\n--- C\n${out_c}--- Lua\n${out_lua}")
endif()
message("C, Python and Lua agree:\n${out_c}")

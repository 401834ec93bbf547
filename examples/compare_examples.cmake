# cmake -DC=<program> -DPYTHON=<python3> -DLUA=<lua5.4> -DNAME=<example> -DARG=<arg> -P compare_examples.cmake
# The same example in C, Python and Lua must print the same bytes: the three
# programs are one program, written three times.
set(dir ${CMAKE_CURRENT_LIST_DIR})
execute_process(COMMAND ${C} ${ARG} RESULT_VARIABLE rc_c OUTPUT_VARIABLE out_c)
execute_process(COMMAND ${PYTHON} ${dir}/python/${NAME}.py ${ARG} RESULT_VARIABLE rc_py
                OUTPUT_VARIABLE out_py)
execute_process(COMMAND ${LUA} ${dir}/lua/${NAME}.lua ${ARG} RESULT_VARIABLE rc_lua
                OUTPUT_VARIABLE out_lua)
if(NOT rc_c EQUAL 0 OR NOT rc_py EQUAL 0 OR NOT rc_lua EQUAL 0)
  message(FATAL_ERROR "exit status C ${rc_c}, Python ${rc_py}, Lua ${rc_lua}")
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

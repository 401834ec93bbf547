# Python binding benchmark (included from tests/python/CMakeLists.txt): a quick
# run under ctest that reports ratios and never fails on timing.
add_test(NAME python_bench
  COMMAND ${SHZ_PYTHON_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/bench/python_bench.py --quick)
set_tests_properties(python_bench PROPERTIES
  ENVIRONMENT "PYTHONPATH=${SHZ_PYTHONPATH}" LABELS bench)

# Text search (issue #3): the engine, the shared normalization and its folding
# table. Included from libshenzhen/CMakeLists.txt before shenzhen_code is
# defined; appends to SHZ_CODE_SOURCES. shz_t2s_gen comes from
# data/tools/gen/index.cmake. The index itself (index_data.c) is generated per
# catalogue by shz_gen beside catalogue_data.c.
set(SHZ_T2S_TABLE ${CMAKE_CURRENT_BINARY_DIR}/t2s_table.c)
add_custom_command(OUTPUT ${SHZ_T2S_TABLE}
  COMMAND shz_t2s_gen ${PROJECT_SOURCE_DIR}/data/t2s.tsv ${SHZ_T2S_TABLE}
  DEPENDS shz_t2s_gen ${PROJECT_SOURCE_DIR}/data/t2s.tsv
  COMMENT "Compiling data/t2s.tsv into a C table (library)"
  VERBATIM)
list(APPEND SHZ_CODE_SOURCES search.c normalize.c ${SHZ_T2S_TABLE})

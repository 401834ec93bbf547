# Search index support in the generator (issue #3): the generator normalizes the
# catalogue's text with the library's own normalize.c and folding table, so
# text and queries fold identically. Included from data/tools/gen/CMakeLists.txt.

# data/t2s.tsv -> t2s_table.c, a sorted table of code point pairs (no relocations).
add_executable(shz_t2s_gen t2s_gen.c)
target_include_directories(shz_t2s_gen PRIVATE ${PROJECT_SOURCE_DIR}/libshenzhen)
set(SHZ_T2S_TSV ${PROJECT_SOURCE_DIR}/data/t2s.tsv CACHE INTERNAL "Folding table source")
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/t2s_table.c
  COMMAND shz_t2s_gen ${SHZ_T2S_TSV} ${CMAKE_CURRENT_BINARY_DIR}/t2s_table.c
  DEPENDS shz_t2s_gen ${SHZ_T2S_TSV}
  COMMENT "Compiling data/t2s.tsv into a C table (generator)"
  VERBATIM)
target_sources(shz_gen PRIVATE
  ${PROJECT_SOURCE_DIR}/libshenzhen/normalize.c ${CMAKE_CURRENT_BINARY_DIR}/t2s_table.c)

# The release date of PROJECT_VERSION, read from CHANGELOG.md ("## [1.0.0] - 2026-11-28"),
# so that the man pages and the Debian changelog print the date the changelog gives.
# Sets SHZ_RELEASE_DATE (YYYY-MM-DD) and SHZ_RELEASE_DATE_RFC2822 ("Sat, 28 Nov 2026
# 00:00:00 +0000"). A version with no entry yet is dated today (or SOURCE_DATE_EPOCH).
include_guard(GLOBAL)

set(SHZ_RELEASE_DATE "")
if(EXISTS ${PROJECT_SOURCE_DIR}/CHANGELOG.md)
  string(REPLACE "." "\\." shz_ver_re "${PROJECT_VERSION}")
  file(STRINGS ${PROJECT_SOURCE_DIR}/CHANGELOG.md shz_line
       REGEX "^## \\[${shz_ver_re}\\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
  if(shz_line MATCHES "- ([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])")
    set(SHZ_RELEASE_DATE ${CMAKE_MATCH_1})
  endif()
endif()
if(SHZ_RELEASE_DATE STREQUAL "")
  string(TIMESTAMP SHZ_RELEASE_DATE "%Y-%m-%d" UTC)
  message(STATUS "CHANGELOG.md has no dated entry for ${PROJECT_VERSION}: dating it ${SHZ_RELEASE_DATE}")
endif()

# Day of the week by Zeller's congruence (0 = Saturday).
string(REGEX MATCH "^([0-9]+)-([0-9]+)-([0-9]+)$" _ "${SHZ_RELEASE_DATE}")
math(EXPR shz_y "${CMAKE_MATCH_1}")
math(EXPR shz_m "${CMAKE_MATCH_2}")
math(EXPR shz_d "${CMAKE_MATCH_3}")
if(shz_m LESS 3)
  math(EXPR shz_m "${shz_m} + 12")
  math(EXPR shz_y "${shz_y} - 1")
endif()
math(EXPR shz_h "(${shz_d} + (13 * (${shz_m} + 1)) / 5 + ${shz_y} + ${shz_y} / 4 - ${shz_y} / 100 + ${shz_y} / 400) % 7")
set(shz_days Sat Sun Mon Tue Wed Thu Fri)
set(shz_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(GET shz_days ${shz_h} shz_dayname)
math(EXPR shz_mi "${CMAKE_MATCH_2} - 1")
list(GET shz_months ${shz_mi} shz_monthname)
set(SHZ_RELEASE_DATE_RFC2822
    "${shz_dayname}, ${CMAKE_MATCH_3} ${shz_monthname} ${CMAKE_MATCH_1} 00:00:00 +0000")

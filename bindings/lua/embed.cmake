# cmake -DIN=<file> -DOUT=<header> -DNAME=<identifier> -P embed.cmake
# Writes <file>'s bytes as `static const char NAME[]` (no NUL: the size is exact).
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('[^']*',){16})" "\\1\n  " bytes "${bytes}")
file(WRITE ${OUT} "/* Generated from ${IN} by embed.cmake; do not edit. */\n"
  "static const char ${NAME}[] = {\n  ${bytes}\n};\n")

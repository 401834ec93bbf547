# cmake -DIN=file -DOUT=digest-file -P sha256.cmake
# Writes the lowercase hex SHA-256 of IN to OUT, so the generator can embed the
# data edition's digest at the same build step that reads the data.
file(SHA256 "${IN}" digest)
file(WRITE "${OUT}" "${digest}")

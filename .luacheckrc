-- luacheck's configuration (.ci/lint runs it on every Lua file and the rockspec).
-- The bindings are built for Lua 5.4; the specs run under busted.
std = "lua54"
max_line_length = 100 -- as the C code (.clang-format) and Python (.flake8)
files["tests/lua/*_spec.lua"] = { std = "+busted" }
files["**/*.rockspec"] = { std = "rockspec" }

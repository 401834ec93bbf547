-- LuaRocks package of the Lua module `shenzhen` (libshenzhen's Lua binding).
-- Built with CMake from the whole source tree; only the module is installed:
--   luarocks --lua-version 5.4 --local make bindings/lua/shenzhen-1.17.0-1.rockspec
-- The version is project(VERSION) of CMakeLists.txt; tests/pkg checks that the
-- file name, `version` and the source tag agree with it.
rockspec_format = "3.0"
package = "shenzhen"
version = "1.17.0-1"

source = {
   url = "git+https://example.invalid/libshenzhen.git",
   tag = "v1.17.0",
}

description = {
   summary = "The 47 innovative measures of the Shenzhen Special Economic Zone",
   detailed = [[
NDRC notice 发改地区〔2021〕1072号 and its 47 measures in Simplified Chinese,
Traditional Chinese and English, compiled into the module, with
script-insensitive full-text search and JSON export:

   local shenzhen = require("shenzhen")
   for m in shenzhen.measures() do print(m.id, m.title) end
   for _, hit in ipairs(shenzhen.search("科技", {limit = 5})) do … end
]],
   homepage = "https://example.invalid/libshenzhen",
   license = "MIT",
   labels = { "chinese", "search", "data" },
}

dependencies = {
   "lua >= 5.4, < 5.5",
}

build = {
   type = "cmake",
   variables = {
      CMAKE_BUILD_TYPE = "Release",
      CMAKE_INSTALL_PREFIX = "$(PREFIX)",
      BUILD_TESTING = "OFF",
      SHZ_WERROR = "OFF",
      -- The Lua module alone (no shared library, command, examples, man pages
      -- or Python module), linked with the static library so that the
      -- deployed shenzhen.so needs no libshenzhen.so.1 beside it.
      SHZ_MODULES_ONLY = "ON",
      SHZ_PYTHON = "OFF",
      SHZ_LUA_STATIC = "ON",
      LUA_INCLUDE_DIR = "$(LUA_INCDIR)",
   },
   -- LuaRocks installs the module itself; `cmake --install` would install the
   -- whole project (library, headers, command) into the rock.
   install_pass = false,
   install = {
      lib = {
         shenzhen = "build.luarocks/bindings/lua/shenzhen.so",
      },
   },
}

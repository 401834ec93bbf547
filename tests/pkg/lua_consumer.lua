-- Requires the installed Lua module `shenzhen` (never the build tree's).
-- Usage: lua5.4 lua_consumer.lua PREFIX VERSION
local prefix, version = arg[1], arg[2]
local failures = 0
local function check(ok, what)
  print((ok and "ok: " or "FAIL: ") .. what)
  if not ok then failures = failures + 1 end
end

local path = package.searchpath("shenzhen", package.cpath)
check(path ~= nil and path:sub(1, #prefix + 1) == prefix .. "/",
  "module found at " .. tostring(path))
local shenzhen = require("shenzhen")
check(shenzhen.version == version,
  ("shenzhen.version == %q (got %q)"):format(version, tostring(shenzhen.version)))
local n = 0
for _ in shenzhen.measures() do n = n + 1 end
check(n > 0, ("shenzhen.measures() iterates %d measures"):format(n))
check(shenzhen.get(1) ~= nil and shenzhen.get(1).id == 1, "shenzhen.get(1).id == 1")
local missing, message = shenzhen.get(0)
check(missing == nil and type(message) == "string", "shenzhen.get(0) is nil, message")
local ok, hits = pcall(shenzhen.search, "深圳")
check(ok and type(hits) == "table",
  ("shenzhen.search() ran (%s hits)"):format(ok and #hits or hits))
os.exit(failures == 0 and 0 or 1)

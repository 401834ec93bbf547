-- list_category.lua [id]: the measures of one category (default 1).
local shenzhen = require("shenzhen")

local category, message = shenzhen.category(math.tointeger(tonumber(arg[1] or "1")) or 0)
if not category then
  io.stderr:write("category: ", message, "\n")
  os.exit(1)
end
print(string.format("%d. %s", category.id, category.title))
for m in shenzhen.measures(category.id) do
  print(string.format("  %2d  %s", m.id, m.title))
end

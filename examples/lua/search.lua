-- search.lua [query]: hits best first, the match in each snippet [bracketed].
local shenzhen = require("shenzhen")

local query = arg[1] or "科技"
local ok, hits = pcall(shenzhen.search, query, { limit = 10 })
if not ok then
  io.stderr:write("search ", query, ": ", hits.message, "\n") -- hits is a shenzhen.Error
  os.exit(1)
end
print(string.format("%d hits for %s", #hits, query))
for _, hit in ipairs(hits) do
  local s, match = hit.snippet, hit.snippet_match
  print(string.format("%2d  %-8s %s[%s]%s", hit.measure.id, hit.field, s:sub(1, match.first - 1),
    s:sub(match.first, match.last), s:sub(match.last + 1)))
end

-- search.lua [query]: hits best first with their relevance, the match in each snippet
-- [bracketed] ("related" for a closely related measure of the first hit, listed after the
-- matches), then why the first hit has its relevance, term by term.
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
  local field = hit.match.related and "related" or hit.field
  local shown = s
  if match.last >= match.first then
    shown = s:sub(1, match.first - 1) .. "[" .. s:sub(match.first, match.last) .. "]"
      .. s:sub(match.last + 1)
  end
  print(string.format("%2d  %.2f  %-8s %s", hit.measure.id, hit.relevance, field, shown))
end
if #hits > 0 then
  print(string.format("why %d:", hits[1].measure.id))
  for _, e in ipairs(hits[1]:explain()) do
    print(string.format("    %s  %s  %s  weight %.3f  contribution %.3f", e.term, e.field or "-",
      e.how, e.weight, e.contribution))
  end
end

-- search_dump.lua <queries.txt> <lang>: the Lua side of the differential test.
-- One JSON array a line, as tests/python/search_dump.c prints, except that
-- spans are what Lua exposes: [field, lang, first, last] (1-based bytes).
local shenzhen = require("shenzhen")
local path, lang = arg[1], arg[2]
local FIELD_BIT = { title = 1, body = 2, summary = 4, pinyin = 8, initials = 16, aliases = 32 }
local LANG = { ["zh-Hans"] = 0, ["zh-Hant"] = 1, en = 2 }
-- Lua errors are messages, "shenzhen: <shz_errstr() text>": map them back.
local function status_of(message)
  local c = require("shenzhen_c")
  for code = 1, 32 do
    if message:find(c.shz_errstr(code), 1, true) then
      return code
    end
  end
  return -1
end

for query in io.lines(path) do
  local ok, hits = pcall(shenzhen.search, query, { lang = lang })
  if not ok then
    io.write(string.format("[%d, []]\n", status_of(hits)))
  else
    local parts = {}
    for _, hit in ipairs(hits) do
      local spans = {}
      for _, s in ipairs(hit.spans) do
        spans[#spans + 1] = string.format("[%d, %d, %d, %d]", FIELD_BIT[s.field], LANG[s.lang],
          s.first, s.last)
      end
      parts[#parts + 1] = string.format("[%d, %d, %d, [%s]]", hit.measure.id, hit.score,
        FIELD_BIT[hit.field], table.concat(spans, ", "))
    end
    io.write(string.format("[0, [%s]]\n", table.concat(parts, ", ")))
  end
end

-- search_dump.lua <queries.txt> <lang>: the Lua side of the differential test.
-- One JSON array a line, as tests/python/search_dump.c prints, except that
-- spans are what Lua exposes: [field, lang, first, last] (1-based bytes).
local shenzhen = require("shenzhen")
local path, lang = arg[1], arg[2]
local c = require("shenzhen_c")
-- Field bits and language codes as C numbers them, from the library's names.
local FIELD_BIT, LANG = {}, {}
for i, name in ipairs(shenzhen.FIELDS) do
  FIELD_BIT[name] = 1 << (i - 1)
end
for _, tag in ipairs(shenzhen.LANGUAGES) do
  LANG[tag] = c.shz_lang_parse(tag)
end

for query in io.lines(path) do
  local ok, hits = pcall(shenzhen.search, query, { lang = lang })
  if not ok then
    assert(shenzhen.is_error(hits), tostring(hits))
    io.write(string.format("[%d, []]\n", hits.code))
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

-- search_dump.lua <queries.txt> <lang> <mode> [related|matches]: the Lua side of the
-- differential test. One JSON array a line, as tests/python/search_dump.c prints, except that
-- spans are what Lua exposes: [field, lang, first, last] (1-based bytes). "matches" searches
-- with related = false.
local shenzhen = require("shenzhen")
local json = require("dkjson") -- Debian lua-dkjson, a dependency of lua-busted
local path, lang, mode = arg[1], arg[2], arg[3]
local with_related = arg[4] ~= "matches"

-- search_dump.lua --catalogue: [id, [related ids], [aliases]] a measure.
if path == "--catalogue" then
  for _, m in ipairs(shenzhen.measures()) do
    local related, aliases = {}, {}
    for i, r in ipairs(m.related) do
      related[i] = tostring(r.id)
    end
    for i, alias in ipairs(m.aliases) do
      aliases[i] = json.encode(alias)
    end
    io.write(string.format("[%d, [%s], [%s]]\n", m.id, table.concat(related, ", "),
      table.concat(aliases, ", ")))
  end
  return
end
local c = require("shenzhen_c")
-- Field bits and language codes as C numbers them, from the library's names.
local FIELD_BIT, LANG = {}, {}
for i, name in ipairs(shenzhen.FIELDS) do
  FIELD_BIT[name] = 1 << (i - 1)
end
for _, tag in ipairs(shenzhen.LANGUAGES) do
  LANG[tag] = c.shz_lang_parse(tag)
end
local HOW = { exact = 1, tolerant = 2 }
local EXPLAIN_HOW = { none = 0, exact = 1, stem = 2, tolerant = 3 }

for query in io.lines(path) do
  local ok, hits = pcall(shenzhen.search, query,
    { lang = lang, mode = mode, related = with_related })
  if not ok then
    assert(shenzhen.is_error(hits), tostring(hits))
    io.write(string.format("[%d, [], []]\n", hits.code))
  else
    local parts = {}
    for _, hit in ipairs(hits) do
      local spans = {}
      for _, s in ipairs(hit.spans) do
        spans[#spans + 1] = string.format("[%d, %d, %d, %d]", FIELD_BIT[s.field], LANG[s.lang],
          s.first, s.last)
      end
      local flags, how = 0, {}
      for bit, name in ipairs(shenzhen.MATCH_FLAGS) do
        flags = flags | (hit.match[name] and 1 << (bit - 1) or 0)
      end
      for t, term in ipairs(hits.terms) do
        how[t] = HOW[hit.terms[term.text]] or 0
      end
      local why = {}
      for t, e in ipairs(hit:explain()) do
        why[t] = string.format("[%d, %d, %.17g, %.17g]", EXPLAIN_HOW[e.how],
          e.field and FIELD_BIT[e.field] or 0, e.weight, e.contribution)
      end
      parts[#parts + 1] = string.format("[%d, %d, %d, [%s], %d, [%s], %.17g, [%s]]",
        hit.measure.id, hit.score, FIELD_BIT[hit.field], table.concat(spans, ", "), flags,
        table.concat(how, ", "), hit.relevance, table.concat(why, ", "))
    end
    local terms = {}
    for t, term in ipairs(hits.terms) do
      terms[t] = string.format("[%s, %d]", json.encode(term.text), term.measures)
    end
    io.write(string.format("[0, [%s], [%s]]\n", table.concat(parts, ", "),
      table.concat(terms, ", ")))
  end
end

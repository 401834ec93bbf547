-- busted spec for the Lua module: the whole surface, errors included.
-- Written against whatever catalogue is compiled in.
local shenzhen = require("shenzhen")
local c = require("shenzhen_c")
local json = require("dkjson") -- Debian lua-dkjson, a dependency of lua-busted

local function count(iter)
  local n = 0
  for _ in iter do
    n = n + 1
  end
  return n
end

-- The files the library was compiled from: the build passes them, a
-- checkout's data/ otherwise.
local function data_file(variable, name)
  local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  return os.getenv(variable) or (here .. "/../../data/" .. name)
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  return text
end

-- Lowercase hex SHA-256 of a file, from coreutils' sha256sum.
local function sha256(path)
  local p = assert(io.popen("sha256sum -- '" .. path:gsub("'", "'\\''") .. "'"))
  local out = p:read("a")
  assert(p:close())
  return (out:match("^(%x+)"))
end

local function a_query()
  -- first two characters (6 UTF-8 bytes) of measure 1's title
  return shenzhen.get(1).title:sub(1, utf8.offset(shenzhen.get(1).title, 3) - 1)
end

describe("module", function()
  it("has versions", function()
    assert.are.equal(c.shz_version(), shenzhen.version)
    assert.is_true(math.type(shenzhen.version_number) == "integer")
    local catalogue = read(data_file("SHZ_CATALOGUE", "catalogue.json"))
    assert.are.equal(json.decode(catalogue).edition, shenzhen.data_version)
    assert.are.equal(sha256(data_file("SHZ_CATALOGUE", "catalogue.json")), shenzhen.data_sha256)
    local errata = json.decode(read(data_file("SHZ_ERRATA", "errata.json")))
    assert.are.equal(#errata, shenzhen.errata_count)
  end)

  it("takes its field and language lists from the library", function()
    for i, name in ipairs(shenzhen.FIELDS) do
      assert.are.equal(c.shz_field_name(1 << (i - 1)), name)
      assert.are.equal("string", type(shenzhen.get(1):text(name, "zh-Hans") or ""))
    end
    assert.is_nil(c.shz_field_name(1 << #shenzhen.FIELDS))
    assert.is_true(#shenzhen.FIELDS >= 5)
    for i, tag in ipairs(shenzhen.LANGUAGES) do
      assert.are.equal(c.shz_lang_name(i - 1), tag)
      assert.are.equal(i - 1, c.shz_lang_parse(tag))
    end
    assert.is_nil(c.shz_lang_name(#shenzhen.LANGUAGES))
    assert.is_true(#shenzhen.LANGUAGES >= 3)
  end)

  it("sets no global", function()
    assert.is_nil(rawget(_G, "shenzhen_c"))
    assert.is_nil(rawget(_G, "shenzhen"))
  end)

  it("has the document", function()
    local d = shenzhen.document
    assert.are.equal("发改地区〔2021〕1072号", d.number)
    assert.are.equal("2021-07-21", d.date)
    assert.is_truthy(d.title and d.title_hant and d.title_en and d.translation_note)
    assert.is_true(#d.paragraphs >= 1)
    assert.are.equal(#d.paragraphs, #d.paragraphs_hant)
    assert.are.equal(#d.paragraphs, #d.paragraphs_en)
    assert.are.equal(c.shz_document_paragraph(0, c.SHZ_LANG_EN), d.paragraphs_en[1])
  end)
end)

describe("arrays", function()
  it("are arrays that are also iterators", function()
    local all = shenzhen.measures()
    assert.are.equal(c.shz_measure_count(), #all)
    assert.are.equal(c.shz_category_count(), #shenzhen.categories())
    local n = 0
    for i, m in ipairs(all) do
      assert.are.equal(i, m.id)
      n = n + 1
    end
    assert.are.equal(#all, n)
    for _, cat in ipairs(shenzhen.categories()) do
      local ids = {}
      for m in shenzhen.measures(cat.id) do
        ids[#ids + 1] = m.id
      end
      local direct = {}
      for m in cat.measures do
        direct[#direct + 1] = m.id
      end
      assert.are.same(ids, direct)
      assert.are.equal(#cat.measures, #shenzhen.measures(cat.id))
    end
    local hits = shenzhen.search(a_query())
    local seen = 0
    for hit in hits do
      seen = seen + 1
      assert.are.equal(hits[seen], hit)
    end
    assert.are.equal(#hits, seen)
    for _ in shenzhen.search("zzzzqqqq") do
      error("no hit expected")
    end
  end)

  it("are new each call, so a caller may change them", function()
    local a = shenzhen.measures()
    table.sort(a, function(x, y) return x.id > y.id end)
    assert.are.equal(#a, a[1].id)
    assert.are.equal(1, shenzhen.measures()[1].id)
    table.remove(shenzhen.categories())
    assert.are.equal(c.shz_category_count(), #shenzhen.categories())
  end)
end)

describe("measures", function()
  it("iterates in id order", function()
    local expected = 1
    for m in shenzhen.measures() do
      assert.are.equal(expected, m.id)
      assert.are.equal("integer", math.type(m.id))
      expected = expected + 1
    end
    assert.are.equal(c.shz_measure_count(), expected - 1)
  end)

  it("iterates per category", function()
    local total = 0
    for cat in shenzhen.categories() do
      assert.are.equal(cat, shenzhen.category(cat.id))
      assert.is_truthy(tostring(cat):find(cat.title, 1, true))
      for m in shenzhen.measures(cat.id) do
        assert.are.equal(cat, m.category)
        total = total + 1
      end
    end
    assert.are.equal(count(shenzhen.measures()), total)
    assert.are.equal(c.shz_category_count(), count(shenzhen.categories()))
  end)

  it("has every field", function()
    for m in shenzhen.measures() do
      assert.are.equal(m, shenzhen.get(m.id))
      for _, name in ipairs({ "title", "title_hant", "title_en", "body", "body_hant", "body_en",
        "summary_en", "pinyin", "initials" }) do
        assert.are.equal("string", type(m[name]), name)
      end
      assert.are.equal("table", type(m.keywords))
      assert.are.equal("table", type(m.cites))
      assert.are.equal(c.shz_measure_alias_count(m._handle), #m.aliases)
      for i, alias in ipairs(m.aliases) do
        assert.are.equal(c.shz_measure_alias(m._handle, i - 1), alias)
      end
      assert.are.equal(m.body_en, m:text("body", "en"))
      assert.are.equal(m.title_hant, m:text("title", "zh-Hant"))
      assert.are.equal(m.summary_en, m:text("summary", "en"))
      assert.are.equal(m.title, m:text("title"))
    end
  end)

  it("is readable with tostring", function()
    local m = shenzhen.get(1)
    assert.are.equal("1. " .. m.title, tostring(m))
  end)

  it("returns nil, message for unknown ids", function()
    for _, id in ipairs({ 0, -1, 10000, math.maxinteger, math.mininteger }) do
      local m, message = shenzhen.get(id)
      assert.is_nil(m)
      assert.is_truthy(message:find("no measure", 1, true))
    end
    assert.are.equal(shenzhen.get(1), shenzhen.get(1.0))
    local cat, message = shenzhen.category(99)
    assert.is_nil(cat)
    assert.is_truthy(message)
    local text, why, code = shenzhen.get(1):text("summary", "zh-Hant")
    assert.is_nil(text)
    assert.is_truthy(why)
    assert.are.equal(c.SHZ_ERR_NO_TEXT, code)
    assert.are.equal(c.SHZ_ERR_NOT_FOUND, select(3, shenzhen.get(0)))
  end)

  it("raises on misuse", function()
    for _, bad in ipairs({ "1", 1.5, true, {}, 2 ^ 64 }) do
      assert.has_error(function() shenzhen.get(bad) end)
    end
    assert.has_error(function() shenzhen.get() end)
    assert.has_error(function() shenzhen.measures(99) end)
    assert.has_error(function() shenzhen.get(1):text("nope") end)
    assert.has_error(function() shenzhen.get(1):text("title", "fr") end)
  end)
end)

describe("search", function()
  it("returns hits best first", function()
    local q = a_query()
    local hits = shenzhen.search(q)
    assert.is_true(#hits >= 1)
    local ids, last = {}, math.huge
    for _, hit in ipairs(hits) do
      ids[hit.measure.id] = true
      assert.is_true(hit.score <= last)
      last = hit.score
      assert.are.equal(shenzhen.get(hit.measure.id), hit.measure)
      -- A match has spans in a text field; a measure listed as related to the first hit may
      -- hold no term (its snippet is then the start of its body).
      if not hit.match.related then
        local text_fields = { title = 1, body = 1, summary = 1, pinyin = 1, initials = 1 }
        assert.is_truthy(text_fields[hit.field])
        assert.is_true(#hit.spans >= 1)
      end
      for _, span in ipairs(hit.spans) do
        local text = hit.measure:text(span.field, span.lang)
        assert.is_true(span.first >= 1 and span.last <= #text and span.first <= span.last)
        if span.field == "title" and span.lang == "zh-Hans" then
          assert.are.equal(q, text:sub(span.first, span.last))
        end
      end
      assert.is_true(#hit.snippet > 0)
      local match = hit.snippet:sub(hit.snippet_match.first, hit.snippet_match.last)
      assert.is_true(#match > 0 or hit.match.related)
      -- The snippet's text, without its "…" marks, is its origin's text from origin.first.
      local origin = hit.snippet_origin
      assert.are.equal(hit.field, origin.field)
      local shown = hit.snippet
      if origin.first > 1 then
        assert.are.equal("\u{2026}", shown:sub(1, 3))
        shown = shown:sub(4)
      end
      local source = hit.measure:text(origin.field, origin.lang)
      if origin.field == "aliases" then -- the keywords and aliases, joined
        local all = { table.unpack(hit.measure.keywords) }
        table.move(hit.measure.aliases, 1, #hit.measure.aliases, #all + 1, all)
        source = table.concat(all, "; ")
      end
      if source:sub(origin.first, origin.first + #shown - 1) ~= shown then
        assert.are.equal("\u{2026}", shown:sub(-3))
        shown = shown:sub(1, -4)
      end
      assert.are.equal(shown, source:sub(origin.first, origin.first + #shown - 1))
      assert.is_truthy(tostring(hit):find("score", 1, true))
    end
    assert.is_true(ids[1])
  end)

  it("searches in English: English snippets, spans and marks", function()
    local hits = shenzhen.search("personal bankruptcy", { lang = "en" })
    assert.is_true(#hits >= 1)
    local whole = 0
    for _, hit in ipairs(hits) do
      assert.are.equal("en", hit.snippet_origin.lang)
      for _, span in ipairs(hit.spans) do
        assert.are.equal("en", span.lang)
      end
      local match = hit.snippet:sub(hit.snippet_match.first, hit.snippet_match.last)
      if match:lower() == "personal bankruptcy" then whole = whole + 1 end
    end
    assert.is_true(whole >= 1)
  end)

  it("takes options", function()
    local q = a_query()
    assert.are.equal(1, #shenzhen.search(q, { limit = 1 }))
    assert.are.equal(#shenzhen.search(q), #shenzhen.search(q, { limit = 0 })) -- as in C
    assert.is_true(#shenzhen.search(q, { lang = "zh-Hant" }) >= 1)
    local syllable = shenzhen.get(1).pinyin:match("%S+")
    local matches = 0
    for _, hit in ipairs(shenzhen.search(syllable, { fields = "pinyin" })) do
      if not hit.match.related then
        assert.are.equal("pinyin", hit.field)
        matches = matches + 1
      end
    end
    assert.is_true(matches >= 1)
    assert.are.equal(matches, #shenzhen.search(syllable, { fields = "pinyin", related = false }))
    assert.is_true(#shenzhen.search(q, { fields = { "title", "body" } }) >= 1)
    assert.are.equal(0, #shenzhen.search("zzzzqqqq"))
  end)

  it("raises catchable errors on misuse", function()
    local cases = {
      { 42 }, { nil }, { {} }, { "" }, { "   " }, { string.rep("x", 5000) }, { '"unclosed' },
      { "\xff\xfe" }, { "x", 5 }, { "x", { bogus = 1 } }, { "x", { limit = -1 } },
      { "x", { limit = 1.5 } }, { "x", { lang = "fr" } }, { "x", { lang = 3 } },
      { "x", { fields = { "nope" } } }, { "x", { fields = {} } }, { "x", { fields = 1 } },
      { "x", { related = 0 } }, { "x", { related = "false" } },
    }
    for i, args in ipairs(cases) do
      local ok, err = pcall(shenzhen.search, args[1], args[2])
      assert.is_false(ok, "case " .. i)
      assert.is_true(shenzhen.is_error(err), "case " .. i)
      assert.are.equal("integer", math.type(err.code))
      assert.are.equal(err.code, shenzhen.status[err.name])
      assert.are.equal("shenzhen: " .. err.message, tostring(err))
    end
  end)

  it("raises errors that carry the library's status", function()
    local expected = {
      { "", "EMPTY_QUERY" }, { string.rep("x", 5000), "QUERY_TOO_LONG" },
      { '"unclosed', "BAD_QUERY" }, { "\xff\xfe", "BAD_UTF8" },
      { "x", "BAD_LANG", { lang = "fr" } }, { "x", "BAD_OPTIONS", { limit = -1 } },
      { 42, "INVALID_ARG" },
    }
    for _, case in ipairs(expected) do
      local ok, err = pcall(shenzhen.search, case[1], case[3])
      assert.is_false(ok)
      assert.are.equal(case[2], err.name)
      assert.are.equal(c["SHZ_ERR_" .. case[2]], err.code)
    end
    local _, err = pcall(shenzhen.search, "")
    assert.are.equal(c.shz_errstr(c.SHZ_ERR_EMPTY_QUERY), err.message)
    assert.are.equal(shenzhen.Error, getmetatable(err))
    -- Blamed on the caller, as error(message, 2) would be.
    local line
    local ok, located = pcall(function()
      line = debug.getinfo(1, "l").currentline + 1
      shenzhen.get("1")
    end)
    assert.is_false(ok)
    assert.are.equal("INVALID_ARG", located.name)
    local expect = "shenzhen_spec.lua:" .. line .. ": shenzhen: bad argument #1 to 'get'"
    assert.is_truthy(tostring(located):find(expect, 1, true), tostring(located))
    -- Every status the library has is named.
    local n = 0
    for name, code in pairs(shenzhen.status) do
      assert.are.equal(c["SHZ_ERR_" .. name], code)
      n = n + 1
    end
    local unknown, code = c.shz_errstr(-1), 1
    while c.shz_errstr(code) ~= unknown do
      code = code + 1
    end
    assert.are.equal(code - 1, n)
  end)

  it("prints an uncaught error well", function()
    local lua = arg and arg[-1] or "lua5.4"
    local p = assert(io.popen(lua .. [[ -e 'require("shenzhen").search("")' 2>&1]]))
    local out = p:read("a")
    p:close()
    assert.is_truthy(out:find("shenzhen: query is empty", 1, true), out)
    assert.is_falsy(out:find("table: 0x", 1, true), out)
  end)

  it("accepts embedded NULs", function()
    assert.are.equal("table", type(shenzhen.search(a_query() .. "\0")))
  end)
end)

describe("low-level module", function()
  it("reports errors as nil, message, status", function()
    local h, message, status = c.shz_measure_get(100000)
    assert.is_nil(h)
    assert.are.equal(c.shz_errstr(c.SHZ_ERR_NOT_FOUND), message)
    assert.are.equal(c.SHZ_ERR_NOT_FOUND, status)
    assert.has_error(function() c.shz_lang_parse(12) end)
    assert.has_error(function() c.shz_measure_at(-1) end)
    assert.are.equal(c.SHZ_LANG_EN, c.shz_lang_parse("EN"))
    assert.is_truthy(c.shz_json_catalogue(0):find('"measures"', 1, true))
  end)
end)

describe("1.1 search", function()
  it("has the library's modes and match flags", function()
    assert.are.same({ best = c.SHZ_SEARCH_BEST, all_terms = c.SHZ_SEARCH_ALL_TERMS },
      shenzhen.SEARCH_MODES)
    assert.are.same({ "all_terms", "tolerant", "related" }, shenzhen.MATCH_FLAGS)
    for bit, name in ipairs(shenzhen.MATCH_FLAGS) do
      assert.are.equal(c["SHZ_MATCH_" .. name:upper()], 1 << (bit - 1))
    end
  end)

  it("matches every term literally in all_terms mode", function()
    local title = shenzhen.get(1).title
    local a = title:sub(1, utf8.offset(title, 3) - 1)
    local b = title:sub(utf8.offset(title, 3), utf8.offset(title, 5) - 1)
    local hits = shenzhen.search(a .. " " .. b, { mode = "all_terms" })
    assert.is_true(#hits >= 1)
    assert.are.same({ a, b }, { hits.terms[1].text, hits.terms[2].text })
    for _, hit in ipairs(hits) do
      assert.is_true(hit.match.all_terms)
      assert.are.same({ [a] = "exact", [b] = "exact" }, hit.terms)
    end
    local none = shenzhen.search(a .. " qzxwvkj", { mode = "all_terms" })
    assert.are.equal(0, #none)
    assert.are.equal(0, none.terms[2].measures)
    assert.is_true(none.terms[1].measures > 0)
  end)

  it("allows partial matches in best mode, all-terms hits first", function()
    local title = shenzhen.get(1).title
    local hits = shenzhen.search(title:sub(1, utf8.offset(title, 3) - 1) .. " qzxwvkj")
    assert.is_true(#hits >= 1)
    assert.are.equal("qzxwvkj", hits.terms[#hits.terms].text)
    assert.are.equal(0, hits.terms[#hits.terms].measures)
    for _, hit in ipairs(hits) do
      assert.is_nil(hit.match.all_terms)
      assert.is_nil(hit.terms.qzxwvkj)
    end
    for _, q in ipairs({ "个人 破产", "数据 要素 跨境", "科技金融" }) do
      local partial = false
      for _, hit in ipairs(shenzhen.search(q)) do
        assert.is_false(partial and hit.match.all_terms == true, q)
        partial = partial or not hit.match.all_terms
      end
    end
  end)
end)

describe("related measures", function()
  it("are the library's, nearest first, never the measure itself", function()
    local some = false
    for m in shenzhen.measures() do
      assert.are.equal(c.shz_measure_related_count(m._handle), #m.related)
      local seen = {}
      for i, r in ipairs(m.related) do
        assert.are.equal(c.shz_measure_id(c.shz_measure_related(m._handle, i - 1)), r.id)
        assert.are.equal(shenzhen.get(r.id), r)
        assert.are_not.equal(m, r)
        assert.is_nil(seen[r])
        seen[r] = true
      end
      some = some or #m.related > 0
    end
    assert.is_true(some)
  end)
end)

describe("related reasons and topics", function()
  it("give each link its reason and grade, the same from both ends", function()
    for m in shenzhen.measures() do
      assert.are.equal(#m.related, #m.related.reasons)
      assert.are.equal(#m.related, #m.related.grades)
      for i, r in ipairs(m.related) do
        assert.are.equal(c.shz_measure_related_reason(m._handle, i - 1, c.SHZ_LANG_EN),
          m.related.reasons_en[i])
        local back
        for j, x in ipairs(r.related) do
          if x == m then back = j end
        end
        assert.is_not_nil(back)
        assert.are.equal(m.related.reasons[i], r.related.reasons[back])
        assert.are.equal(m.related.grades[i], r.related.grades[back])
      end
    end
  end)
  it("tag every measure with 1 to 4 topics, each topic listing its measures", function()
    local topics = shenzhen.topics()
    assert.is_true(#topics >= 20 and #topics <= 40)
    for _, t in ipairs(topics) do
      assert.are.equal(t, shenzhen.topic(t.key))
      assert.are.equal(t, shenzhen.topic(t.id))
      assert.is_true(#t.measures > 0)
    end
    for m in shenzhen.measures() do
      assert.is_true(#m.topics >= 1 and #m.topics <= 4)
      assert.are.equal(#m.topics, #m.topic_reasons)
      assert.are.equal(#m.aliases, #m.alias_kinds)
    end
    assert.are.equal("healthcare", shenzhen.get(28).topics[1].key)
    assert.are.equal("基礎研究", shenzhen.get(1).keywords_hant[1])
    local none, message = shenzhen.topic("no-such-topic")
    assert.is_nil(none)
    assert.matches("no topic", message)
    assert.has_error(function() shenzhen.topic(1.5) end)
  end)
end)

describe("1.2 relevance", function()
  it("gives each hit a relevance in [0, 1], never increasing, filtered by min_relevance",
     function()
    local loose = shenzhen.search("知识产权保护", { min_relevance = 0 })
    local strict = shenzhen.search("知识产权保护", { min_relevance = 0.5 })
    local matches = shenzhen.search("知识产权保护", { min_relevance = 0.5, related = false })
    assert.is_true(#matches > 0 and #matches < #loose)
    local last = 1
    for _, hit in ipairs(loose) do
      assert.is_true(hit.relevance <= last)
      -- at 0 a measure that holds any of the query matches: a related one holds nothing
      if hit.match.related then
        assert.are.equal(0, hit.relevance)
      else
        assert.is_true(hit.relevance > 0)
      end
      last = hit.relevance
    end
    -- The matches reach min_relevance; the best match's related measures, after them, do not.
    for i, hit in ipairs(strict) do
      assert.are.equal(i > #matches, hit.match.related == true)
      if i <= #matches then
        assert.are.equal(matches[i].measure, hit.measure)
        assert.is_true(hit.relevance >= 0.5 - 1e-4)
      else
        assert.is_true(hit.relevance < 0.5)
      end
    end
    assert.has_error(function() shenzhen.search("知识产权", { min_relevance = 1.5 }) end)
    assert.has_error(function() shenzhen.search("知识产权", { min_relevance = "0.5" }) end)
  end)
end)

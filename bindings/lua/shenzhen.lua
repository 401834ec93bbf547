-- shenzhen.lua: what require("shenzhen") returns. Compiled into shenzhen.so
-- and run with the SWIG module shenzhen_c (the whole C API) as its argument.
-- (The lines below are run by the bindings_snippets test.)
--
--   local shenzhen = require("shenzhen")
--   local m = assert(shenzhen.get(1))          -- a measure table, or nil, message, code
--   print(#shenzhen.measures(), #shenzhen.measures(2)) -- arrays: all, those of category 2
--   for _, cat in ipairs(shenzhen.categories()) do print(cat) end
--   for m in shenzhen.measures(2) do print(m) end -- an array called is its own iterator
--   for _, hit in ipairs(shenzhen.search("科技", { limit = 5 })) do print(hit) end
--   local ok, err = pcall(shenzhen.search, "")   -- misuse raises a shenzhen.Error:
--   assert(not ok and err.code == shenzhen.status.EMPTY_QUERY)
--   print(err.name, err.message, tostring(err))
--
-- Lookups that can miss return nil, message, code; misuse (wrong types, a bad
-- query, bad options) raises a shenzhen.Error, to be caught with pcall: a
-- table { code = <shz_status>, name = "EMPTY_QUERY", message = "…",
-- where = "file:line" } that prints as "file:line: shenzhen: message".
local c = ...

local shenzhen = {
  version = c.shz_version(),
  version_number = c.shz_version_number(),
  data_version = c.shz_data_version(),
  data_sha256 = c.shz_data_sha256(),
  errata_count = c.shz_errata_count(),
  LANGUAGES = {}, -- the library's language tags, in shz_lang order
  FIELDS = {}, -- the library's field names, in bit order
}

local HANS, HANT, EN = c.SHZ_LANG_ZH_HANS, c.SHZ_LANG_ZH_HANT, c.SHZ_LANG_EN
local FIELD_BIT, FIELD_NAME = {}, {} -- name -> bit, bit -> name

-- Both lists come from the library: walk the values until it names none.
while c.shz_lang_name(#shenzhen.LANGUAGES) do
  shenzhen.LANGUAGES[#shenzhen.LANGUAGES + 1] = c.shz_lang_name(#shenzhen.LANGUAGES)
end
while c.shz_field_name(1 << #shenzhen.FIELDS) do
  local bit = 1 << #shenzhen.FIELDS
  shenzhen.FIELDS[#shenzhen.FIELDS + 1] = c.shz_field_name(bit)
  FIELD_BIT[c.shz_field_name(bit)], FIELD_NAME[bit] = bit, c.shz_field_name(bit)
end

-- ---- Errors ------------------------------------------------------------------

-- shenzhen.status: every status code by name, from the library's SHZ_ERR_*
-- constants (shenzhen.status.EMPTY_QUERY == c.SHZ_ERR_EMPTY_QUERY).
local STATUS_NAME = {}
shenzhen.status = {}
for key, value in pairs(c) do
  local name = type(key) == "string" and key:match("^SHZ_ERR_(.+)$")
  if name then
    shenzhen.status[name], STATUS_NAME[value] = value, name
  end
end

-- The metatable of the errors the module raises (see the top of this file).
local Error = { __name = "shenzhen.Error" }
Error.__index = Error
function Error.__tostring(e)
  return (e.where and e.where .. ": " or "") .. "shenzhen: " .. e.message
end
shenzhen.Error = Error

-- Whether value is an error raised by this module.
function shenzhen.is_error(value)
  return getmetatable(value) == Error
end

-- Raises a shenzhen.Error for status code, blamed on the function `level`
-- calls up from here (as debug.getinfo counts: 1 is raise's caller).
local function raise(level, code, fmt, ...)
  local info = debug.getinfo(level + 1, "Sl")
  local where = info and info.currentline > 0 and info.short_src .. ":" .. info.currentline or nil
  error(setmetatable({ code = code, name = STATUS_NAME[code] or tostring(code),
    message = string.format(fmt, ...), where = where }, Error), level + 1)
end

-- Raises a misuse error blamed on the caller of the public function: misuse
-- is called by that function, nested_misuse by a helper it called.
local function misuse(code, fmt, ...)
  raise(3, code, fmt, ...)
end

local function nested_misuse(code, fmt, ...)
  raise(4, code, fmt, ...)
end

local INVALID_ARG, BAD_OPTIONS = c.SHZ_ERR_INVALID_ARG, c.SHZ_ERR_BAD_OPTIONS

-- shenzhen.SEARCH_MODES: the search modes by name ("best", "all_terms"), and
-- shenzhen.MATCH_FLAGS: the names of a hit's match flags in bit order, both
-- from the library's SHZ_SEARCH_* and SHZ_MATCH_* constants.
shenzhen.SEARCH_MODES, shenzhen.MATCH_FLAGS = {}, {}
do
  local bits = {}
  for key, value in pairs(c) do
    local mode = type(key) == "string" and key:match("^SHZ_SEARCH_(.+)$")
    local flag = type(key) == "string" and key:match("^SHZ_MATCH_(.+)$")
    if mode and math.type(value) == "integer" then
      shenzhen.SEARCH_MODES[mode:lower()] = value
    elseif flag then
      bits[#bits + 1] = { name = flag:lower(), bit = value }
    end
  end
  table.sort(bits, function(a, b) return a.bit < b.bit end)
  for i, flag in ipairs(bits) do
    shenzhen.MATCH_FLAGS[i] = flag.name
  end
end

local function lang_code(lang, fname)
  if type(lang) ~= "string" then
    nested_misuse(INVALID_ARG, "bad argument 'lang' to '%s' (string expected, got %s)", fname,
      type(lang))
  end
  local code, _, status = c.shz_lang_parse(lang)
  if not code then
    nested_misuse(status,
      "bad argument 'lang' to '%s' (unknown language %q; see shenzhen.LANGUAGES)", fname, lang)
  end
  return code
end

-- ---- Arrays ------------------------------------------------------------------

-- What measures(), categories(), search() and cat.measures return: plain
-- arrays (#, ipairs, table.sort) with one addition: an array called is its own
-- iterator, so `for m in shenzhen.measures() do` works as `for _, m in ipairs(…)`.
local positions = setmetatable({}, { __mode = "k" }) -- array -> { item -> index }
local array_mt = {
  __call = function(list, _, previous)
    if previous == nil then
      return list[1]
    end
    local index = positions[list]
    if not index then
      index = {}
      for i, item in ipairs(list) do
        index[item] = i
      end
      positions[list] = index
    end
    local i = index[previous]
    return i and list[i + 1]
  end,
}

local function array(list)
  return setmetatable(list, array_mt)
end

local function copy(list)
  return array(table.move(list, 1, #list, 1, {}))
end

local function text_or_nil(...)
  local text = ...
  return text -- nil when that field has no text in that language
end

-- ---- Measures and categories, built once on first use ---------------------

local measure_methods = {}
local measure_mt = {
  __index = measure_methods,
  __tostring = function(m)
    return string.format("%d. %s", m.id, m.title)
  end,
}
local category_mt = {
  __tostring = function(cat)
    return string.format("category %d. %s (%d measures)", cat.id, cat.title, #cat.measures)
  end,
}

local all_measures, all_categories, by_id -- arrays in id order, measures by id

-- The text of field (a name in shenzhen.FIELDS) in lang (default "zh-Hans"):
-- what a search span's offsets refer to. nil, message when it has none.
function measure_methods.text(m, field, lang)
  local bit = FIELD_BIT[field]
  if not bit then
    misuse(INVALID_ARG, "bad argument 'field' to 'text' (unknown field %s)", tostring(field))
  end
  return c.shz_measure_text(m._handle, bit, lang_code(lang or "zh-Hans", "text"))
end

local function strings(count, item, handle)
  local list = {}
  for i = 0, count(handle) - 1 do
    list[#list + 1] = item(handle, i)
  end
  return list
end

-- The items of a list in lang, through an accessor (handle, index, lang).
local function lang_strings(count, item, handle, lang)
  local list = {}
  for i = 0, count(handle) - 1 do
    list[i + 1] = item(handle, i, lang)
  end
  return array(list)
end

local all_topics

local function build()
  if all_measures then
    return all_measures
  end
  local categories, category_by_id = {}, {}
  for i = 0, c.shz_category_count() - 1 do
    local handle = c.shz_category_at(i)
    local cat = setmetatable({
      id = c.shz_category_id(handle),
      title = c.shz_category_title(handle, HANS),
      title_hant = c.shz_category_title(handle, HANT),
      title_en = c.shz_category_title(handle, EN),
      measures = array({}),
    }, category_mt)
    categories[#categories + 1] = cat
    category_by_id[cat.id] = cat
  end
  local measures, measure_by_id = {}, {}
  for i = 0, c.shz_measure_count() - 1 do
    local h = c.shz_measure_at(i)
    local cat = category_by_id[c.shz_category_id(c.shz_measure_category(h))]
    local m = setmetatable({
      id = c.shz_measure_id(h),
      category = cat,
      title = c.shz_measure_text(h, c.SHZ_FIELD_TITLE, HANS),
      title_hant = c.shz_measure_text(h, c.SHZ_FIELD_TITLE, HANT),
      title_en = c.shz_measure_text(h, c.SHZ_FIELD_TITLE, EN),
      body = c.shz_measure_text(h, c.SHZ_FIELD_BODY, HANS),
      body_hant = c.shz_measure_text(h, c.SHZ_FIELD_BODY, HANT),
      body_en = c.shz_measure_text(h, c.SHZ_FIELD_BODY, EN),
      summary_en = text_or_nil(c.shz_measure_text(h, c.SHZ_FIELD_SUMMARY, EN)),
      pinyin = c.shz_measure_text(h, c.SHZ_FIELD_PINYIN, HANS),
      initials = c.shz_measure_text(h, c.SHZ_FIELD_PINYIN_INITIALS, HANS),
      keywords = strings(c.shz_measure_keyword_count, c.shz_measure_keyword, h),
      cites = strings(c.shz_measure_cite_count, c.shz_measure_cite, h),
      aliases = strings(c.shz_measure_alias_count, c.shz_measure_alias, h),
      keywords_hant = lang_strings(c.shz_measure_keyword_count, c.shz_measure_keyword_in, h, HANT),
      aliases_hant = lang_strings(c.shz_measure_alias_count, c.shz_measure_alias_in, h, HANT),
      alias_kinds = array({}),
      topic_reasons = lang_strings(c.shz_measure_topic_count, c.shz_measure_topic_reason, h, HANS),
      _handle = h,
    }, measure_mt)
    for k = 0, c.shz_measure_alias_count(h) - 1 do
      local ok, kind = pcall(c.shz_measure_alias_kind, h, k)
      m.alias_kinds[k + 1] = ok and c.shz_alias_kind_name(kind) or ""
    end
    measures[#measures + 1] = m
    measure_by_id[m.id] = m
    cat.measures[#cat.measures + 1] = m
  end
  -- Related measures, closely related first as the catalogue curates them; the array also
  -- holds why: reasons (zh-Hans), reasons_hant, reasons_en and grades (2 or 1), index for index.
  for _, m in ipairs(measures) do
    local h = m._handle
    m.related = array({})
    m.related.reasons, m.related.reasons_hant, m.related.reasons_en, m.related.grades =
      array({}), array({}), array({}), array({})
    for i = 0, c.shz_measure_related_count(h) - 1 do
      m.related[i + 1] = measure_by_id[c.shz_measure_id(c.shz_measure_related(h, i))]
      m.related.reasons[i + 1] = c.shz_measure_related_reason(h, i, HANS)
      m.related.reasons_hant[i + 1] = c.shz_measure_related_reason(h, i, HANT)
      m.related.reasons_en[i + 1] = c.shz_measure_related_reason(h, i, EN)
      m.related.grades[i + 1] = c.shz_measure_related_grade(h, i)
    end
  end
  local topics = {}
  for t = 0, c.shz_topic_count() - 1 do
    local th = c.shz_topic_at(t)
    local topic = {
      id = c.shz_topic_id(th),
      key = c.shz_topic_key(th),
      name = c.shz_topic_name(th, HANS),
      name_hant = c.shz_topic_name(th, HANT),
      name_en = c.shz_topic_name(th, EN),
      definition = c.shz_topic_definition(th, HANS),
      definition_hant = c.shz_topic_definition(th, HANT),
      definition_en = c.shz_topic_definition(th, EN),
      measures = array({}),
    }
    for i = 0, c.shz_topic_measure_count(th) - 1 do
      topic.measures[i + 1] = measure_by_id[c.shz_measure_id(c.shz_topic_measure_at(th, i))]
    end
    topics[#topics + 1] = topic
  end
  for _, m in ipairs(measures) do
    m.topics = array({})
    for k = 0, c.shz_measure_topic_count(m._handle) - 1 do
      m.topics[k + 1] = topics[c.shz_topic_id(c.shz_measure_topic_at(m._handle, k))]
    end
  end
  all_categories, all_measures, by_id, all_topics = categories, measures, measure_by_id, topics
  return measures
end

local function check_id(id, fname)
  -- Numbers only: math.tointeger would also take the string "1".
  local n = type(id) == "number" and math.tointeger(id)
  if not n then
    nested_misuse(INVALID_ARG, "bad argument #1 to '%s' (integer expected, got %s)", fname,
      math.type(id) or type(id))
  end
  return n
end

local NOT_FOUND = c.SHZ_ERR_NOT_FOUND

-- The measure with that id (1 to #shenzhen.measures()), or nil, message, code.
function shenzhen.get(id)
  id = check_id(id, "get")
  build()
  local m = by_id[id]
  if not m then
    return nil, string.format("no measure has id %d", id), NOT_FOUND
  end
  return m
end

-- The category with that id, or nil, message, code.
function shenzhen.category(id)
  id = check_id(id, "category")
  build()
  for _, cat in ipairs(all_categories) do
    if cat.id == id then
      return cat
    end
  end
  return nil, string.format("no category has id %d", id), NOT_FOUND
end

-- A new array of the measures in id order; of one category when given its id.
function shenzhen.measures(category_id)
  local list = build()
  if category_id ~= nil then
    local cat, message, code = shenzhen.category(category_id)
    if not cat then
      misuse(code, "bad argument #1 to 'measures' (%s)", message)
    end
    list = cat.measures
  end
  return copy(list)
end

-- A new array of the topics in id order; each has key, name(_hant/_en), definition(_hant/_en)
-- and measures.
function shenzhen.topics()
  build()
  return copy(all_topics)
end

-- The topic with that key ("healthcare") or id, or nil, message, code.
function shenzhen.topic(key)
  if type(key) ~= "string" and math.type(key) ~= "integer" then
    nested_misuse(INVALID_ARG, "bad argument #1 to 'topic' (string or integer expected, got %s)",
      math.type(key) or type(key))
  end
  build()
  for _, t in ipairs(all_topics) do
    if t.key == key or t.id == key then
      return t
    end
  end
  return nil, string.format("no topic has key or id %s", tostring(key)), NOT_FOUND
end

-- A new array of the categories in id order.
function shenzhen.categories()
  build()
  return copy(all_categories)
end

-- ---- Search ----------------------------------------------------------------

local hit_methods = {}
local hit_mt = {
  __index = hit_methods,
  __tostring = function(hit)
    -- a related measure is said to be one, not shown as a weak match
    return string.format("hit %d (%sscore %d, %s): %s", hit.measure.id,
      hit.match.related and "related, " or "", hit.score, hit.field, hit.snippet)
  end,
}

local OPTIONS = { limit = true, lang = true, fields = true, mode = true, min_relevance = true,
  topics = true, related = true }
local HOW = { "exact", "tolerant" } -- shz_results_hit_term() 1 and 2

-- How a term counts in a hit, by shz_explain_how value: "none", "exact", "stem", "tolerant",
-- from the library's SHZ_EXPLAIN_* constants.
local EXPLAIN_HOW = {}
for key, value in pairs(c) do
  local how = type(key) == "string" and key:match("^SHZ_EXPLAIN_(.+)$")
  if how then
    EXPLAIN_HOW[value] = how:lower()
  end
end

-- What hit:explain() reads, by hit: { results = <the C results>, index = <0-based>, terms =
-- <the query's terms, an array of strings of the search's own> }. Weak keys: the results live
-- as long as one of their hits does.
local hit_source = setmetatable({}, { __mode = "k" })

-- Why the hit has its relevance, term by term: a new array, in the order of the query's
-- terms (the search array's `terms`), of
--   { term = "个人", field = "title", how = "exact", weight = 0.5, contribution = 0.41 }
-- field: the field the term is best held in (nil when the hit does not hold it); how: "exact",
-- "stem", "tolerant" or "none"; weight: the term's share of the query's weight (the weights
-- add up to 1, or for a long query to at most 1/0.6: shenzhen-search(7)); contribution: the
-- weight times how firmly the hit holds the term. The contributions add up to hit.relevance
-- (to within 1/65535).
function hit_methods.explain(hit)
  local source = type(hit) == "table" and hit_source[hit]
  if not source then
    misuse(INVALID_ARG, "bad argument #1 to 'explain' (a hit of shenzhen.search expected, got %s)",
      type(hit) == "table" and "another table" or type(hit))
  end
  local list = array({})
  for t, term in ipairs(source.terms) do
    local field, how, weight, contribution = c.shz_results_explain(source.results, source.index,
      t - 1)
    if not field then
      misuse(contribution, "explain: %s", how) -- nil, message, status
    end
    list[t] = { term = term, field = FIELD_NAME[field], how = EXPLAIN_HOW[how] or "none",
      weight = weight, contribution = contribution }
  end
  return list
end

-- The bit mask of the topics option: a topic's key, a topic (a table of shenzhen.topics()),
-- or an array of them.
local function topic_mask(topics)
  if type(topics) == "string" or (type(topics) == "table" and getmetatable(topics) == nil
      and type(topics.key) == "string") then
    topics = { topics }
  elseif type(topics) ~= "table" then
    nested_misuse(BAD_OPTIONS,
      "bad option 'topics' (a topic key, a topic or an array of them expected, got %s)",
      math.type(topics) or type(topics))
  end
  local mask = 0
  for _, item in ipairs(topics) do
    local key = type(item) == "table" and item.key or item
    if type(key) ~= "string" then
      nested_misuse(BAD_OPTIONS, "bad option 'topics' (topic key expected, got %s)",
        math.type(key) or type(key))
    end
    local topic = shenzhen.topic(key)
    if not topic then
      nested_misuse(BAD_OPTIONS, "bad option 'topics' (unknown topic %q; see shenzhen.topics())",
        key)
    end
    mask = mask | (1 << (topic.id - 1))
  end
  if mask == 0 then
    nested_misuse(BAD_OPTIONS, "bad option 'topics' (empty)")
  end
  return mask
end

local function field_mask(fields)
  if type(fields) == "string" then
    fields = { fields }
  elseif type(fields) ~= "table" then
    nested_misuse(BAD_OPTIONS, "bad option 'fields' (string or array of strings expected, got %s)",
      type(fields))
  end
  local mask = 0
  for _, name in ipairs(fields) do
    local bit = FIELD_BIT[name]
    if not bit then
      nested_misuse(BAD_OPTIONS, "bad option 'fields' (unknown field %s)", tostring(name))
    end
    mask = mask | bit
  end
  if mask == 0 then
    nested_misuse(BAD_OPTIONS, "bad option 'fields' (empty)")
  end
  return mask
end

-- Searches the catalogue: an array of hits (see Arrays), best first, each
--   { measure = <measure>, score = <integer>, relevance = <number in [0, 1]>,
--     field = "title"|…,
--     spans = { { field = "body", lang = "zh-Hans", first = 7, last = 12 }, … },
--     snippet = "…", snippet_match = { first = 4, last = 9 },
--     snippet_origin = { field = "body", lang = "zh-Hans", first = 31 },
--     match = { all_terms = true, tolerant = true }, -- the flags it has (related: see below)
--     terms = { ["个人"] = "exact", … } }              -- the query terms it matched
-- where text:sub(span.first, span.last) is the match within
-- measure:text(span.field, span.lang), and snippet:sub(m.first, m.last) the
-- best match inside the snippet; the snippet's text (after a leading "…") starts
-- at byte snippet_origin.first of measure:text(snippet_origin.field,
-- snippet_origin.lang) (for "aliases": the keywords and aliases joined by
-- "; "); hit:explain() says why the hit has its relevance, term by term (see
-- hit_methods.explain); the array's `terms` field lists the query's terms as analysed,
-- { { text = "个人", measures = 2 }, … } (measures = 0: the term matched
-- nothing). opts: mode ("best", the default: ranked, partial
-- matches allowed, or "all_terms": every term literally), limit (integer >= 0;
-- nil or 0 mean no limit, as in C), min_relevance (a number in [0, 1]: the
-- least relevance of a best-match hit; default the precision rule's), lang
-- ("zh-Hans", "zh-Hant" or, since 1.2, "en"), fields (a name or an array of
-- names), topics (a topic's key such as "healthcare", a topic of shenzhen.topics(), or an
-- array of them: only the measures that carry one of them), related (a boolean, default
-- true: in best-match mode the measures closely related to the best match, grade 2 in
-- measure.related of the first hit, that do not match the query follow the matches, each
-- with match.related = true and a relevance no more than the last match's, the share of the
-- query it holds, often 0; they obey topics and only fill the room limit leaves; false: the matches
-- alone).
function shenzhen.search(query, opts)
  if type(query) ~= "string" then
    misuse(INVALID_ARG, "bad argument #1 to 'search' (string expected, got %s)", type(query))
  end
  if opts == nil then
    opts = {}
  elseif type(opts) ~= "table" then
    misuse(INVALID_ARG, "bad argument #2 to 'search' (table expected, got %s)", type(opts))
  end
  for key in pairs(opts) do
    if not OPTIONS[key] then
      misuse(BAD_OPTIONS, "bad option '%s' to 'search'", tostring(key))
    end
  end
  local options = c.shz_search_options()
  local limit = opts.limit
  if limit ~= nil then
    limit = type(limit) == "number" and math.tointeger(limit)
    if not limit or limit < 0 then
      misuse(BAD_OPTIONS, "bad option 'limit' (non-negative integer expected, got %s)",
        tostring(opts.limit))
    end
    options.limit = limit
  end
  if opts.lang ~= nil then
    options.lang = lang_code(opts.lang, "search")
  end
  if opts.fields ~= nil then
    options.fields = field_mask(opts.fields)
  end
  if opts.mode ~= nil then
    local mode = shenzhen.SEARCH_MODES[opts.mode]
    if not mode then
      misuse(BAD_OPTIONS, "bad option 'mode' (\"best\" or \"all_terms\" expected, got %s)",
        tostring(opts.mode))
    end
    options.mode = mode
  end
  if opts.topics ~= nil then
    options.topics = topic_mask(opts.topics)
  end
  if opts.min_relevance ~= nil then
    local least = opts.min_relevance
    if type(least) ~= "number" or not (least >= 0 and least <= 1) then
      misuse(BAD_OPTIONS, "bad option 'min_relevance' (number in [0, 1] expected, got %s)",
        tostring(least))
    end
    options.min_relevance = least + 0.0
  end
  if opts.related ~= nil then
    if type(opts.related) ~= "boolean" then
      misuse(BAD_OPTIONS, "bad option 'related' (boolean expected, got %s)",
        math.type(opts.related) or type(opts.related))
    end
    if not opts.related then
      options.flags = c.SHZ_ONLY_MATCHES
    end
  end
  local results, message, status = c.shz_search(query, options)
  if not results and status == c.SHZ_ERR_BAD_LANG and opts.lang ~= nil then
    misuse(status, "bad argument 'lang' to 'search' (it does not take %q)", opts.lang)
  elseif not results then
    misuse(status, "%s", message)
  end
  build()
  local hits = array({})
  -- The query's terms as analysed, each with the measures holding it.
  local terms = {}
  for t = 0, c.shz_results_term_count(results) - 1 do
    terms[t + 1] = { text = c.shz_results_term(results, t),
      measures = c.shz_results_term_measures(results, t) }
  end
  hits.terms = terms
  -- explain's own copy: a caller may change hits.terms
  local term_texts = {}
  for t, term in ipairs(terms) do
    term_texts[t] = term.text
  end
  local count = c.shz_results_count(results)
  for i = 0, count - 1 do
    local spans = {}
    for s = 0, c.shz_results_span_count(results, i) - 1 do
      local field, byte_start, byte_end = c.shz_results_span(results, i, s)
      local lang = c.shz_lang_name(c.shz_results_span_lang(results, i, s))
      spans[#spans + 1] = { field = FIELD_NAME[field], lang = lang, first = byte_start + 1,
        last = byte_end }
    end
    local match_start, match_end = c.shz_results_snippet_match(results, i)
    local origin_field, origin_lang, origin_byte = c.shz_results_snippet_origin(results, i)
    local flags, match, matched = c.shz_results_match(results, i), {}, {}
    for bit, name in ipairs(shenzhen.MATCH_FLAGS) do
      match[name] = flags & (1 << (bit - 1)) ~= 0 or nil
    end
    for t, term in ipairs(terms) do
      matched[term.text] = HOW[c.shz_results_hit_term(results, i, t - 1)]
    end
    hits[#hits + 1] = setmetatable({
      measure = by_id[c.shz_measure_id(c.shz_results_measure(results, i))],
      score = c.shz_results_score(results, i),
      relevance = c.shz_results_relevance(results, i),
      field = FIELD_NAME[c.shz_results_field(results, i)],
      spans = spans,
      snippet = c.shz_results_snippet(results, i),
      snippet_match = { first = match_start + 1, last = match_end },
      snippet_origin = { field = FIELD_NAME[origin_field], lang = c.shz_lang_name(origin_lang),
        first = origin_byte + 1 },
      match = match,
      terms = matched,
    }, hit_mt)
    hit_source[hits[#hits]] = { results = results, index = i, terms = term_texts }
  end
  return hits
end

-- ---- The notice --------------------------------------------------------------

local function doc_text(field, lang)
  return text_or_nil(c.shz_document_text(field, lang))
end

local document = {
  number = doc_text(c.SHZ_DOC_NUMBER, HANS),
  date = doc_text(c.SHZ_DOC_DATE, HANS),
  translation_note = doc_text(c.SHZ_DOC_TRANSLATION_NOTE, EN),
  paragraphs = {},
  paragraphs_hant = {},
  paragraphs_en = {},
}
for name, field in pairs({ title = c.SHZ_DOC_TITLE, issuer = c.SHZ_DOC_ISSUER,
  addressees = c.SHZ_DOC_ADDRESSEES, attachment = c.SHZ_DOC_ATTACHMENT }) do
  document[name] = doc_text(field, HANS)
  document[name .. "_hant"] = doc_text(field, HANT)
  document[name .. "_en"] = doc_text(field, EN)
end
for i = 0, c.shz_document_paragraph_count() - 1 do
  document.paragraphs[i + 1] = c.shz_document_paragraph(i, HANS)
  document.paragraphs_hant[i + 1] = c.shz_document_paragraph(i, HANT)
  document.paragraphs_en[i + 1] = c.shz_document_paragraph(i, EN)
end
shenzhen.document = document

return shenzhen

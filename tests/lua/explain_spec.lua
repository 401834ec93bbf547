-- busted spec: hit.relevance and hit:explain() over many queries, explain's errors, and the
-- topics option of shenzhen.search.
--
-- For every query of the development sets (tests/relevance/queries.json and dev_extra.json;
-- never the held-out test.json), in best-match mode at the default threshold and at
-- min_relevance 0, and in all-terms mode: relevance lies in [0, 1] and never increases down
-- the list; a hit reaches min_relevance unless it is flagged related (one of the first hit's
-- closely related measures, after every match, that the same search with related = false does not
-- list, so it holds no more than the last match; never
-- in all-terms mode); hit:explain() has one entry per query term, in the order of the
-- array's terms, each a run of the query's letters; weights in [0, 1] adding up to 1 (to at
-- most 1 / 0.6 for a long query, whose known words count 60% beyond four rare words),
-- contributions in [0, weight]; a term not held has how "none", no field and contributes 0, a
-- held one names its field and agrees with hit.terms; and the contributions add up to the
-- relevance to within TOLERANCE. The checks are also fed perturbed hits, to show that each
-- can fail.
local shenzhen = require("shenzhen")
local c = require("shenzhen_c")
local json = require("dkjson") -- Debian lua-dkjson, a dependency of lua-busted

-- The library keeps the relevance to 1/65535 (shz_results_explain), plus float sums.
local TOLERANCE = 1 / 65535 + 1e-9
local HOW_OF_TERMS = { exact = "exact", stem = "exact", tolerant = "tolerant" }

local function development_queries()
  local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  local queries = {}
  for _, name in ipairs({ "queries.json", "dev_extra.json" }) do -- never test.json: held out
    local f = assert(io.open(here .. "/../relevance/" .. name, "rb"))
    for _, item in ipairs(json.decode(f:read("a"))) do
      queries[#queries + 1] = item.query
    end
    f:close()
  end
  return queries
end

local QUERIES = development_queries()

-- The query as its terms are cut from it: ASCII lower case, no ASCII or CJK punctuation or
-- spaces (the development sets are written in Simplified Chinese and ASCII).
local function letters(query)
  local out = query:lower():gsub("[%s%p]", "")
  for _, mark in ipairs({ "，", "。", "？", "！", "、", "：", "；", "（", "）", "“", "”",
    "《", "》", "　" }) do
    out = out:gsub(mark, "")
  end
  return out
end

-- The properties of one hit; fails with a message naming the query.
local function check_hit(query, terms, relevance, explanation, held)
  assert(relevance >= 0 and relevance <= 1,
    string.format("%s: relevance %s outside [0, 1]", query, relevance))
  assert(#explanation == #terms,
    string.format("%s: %d explanations for %d terms", query, #explanation, #terms))
  local weights, total = 0, 0
  for t, e in ipairs(explanation) do
    assert(e.term == terms[t].text,
      string.format("%s: explain's term %s is not the query's %s", query, e.term, terms[t].text))
    assert(letters(query):find(e.term, 1, true),
      string.format("%s: %s is not a term of the query", query, e.term))
    assert(e.weight >= 0 and e.weight <= 1, query .. ": weight out of [0, 1]")
    assert(e.contribution >= 0 and e.contribution <= e.weight + 1e-12,
      string.format("%s: contribution %s out of [0, weight %s]", query, e.contribution, e.weight))
    if e.how == "none" then
      assert(e.field == nil and e.contribution == 0, query .. ": a term not held counts")
    else
      assert(HOW_OF_TERMS[e.how], query .. ": unknown how " .. tostring(e.how))
      assert(type(e.field) == "string", query .. ": a held term has no field")
    end
    assert(held[e.term] == HOW_OF_TERMS[e.how],
      string.format("%s: %s is %s in explain, %s in hit.terms", query, e.term, e.how,
        tostring(held[e.term])))
    weights, total = weights + e.weight, total + e.contribution
  end
  if #explanation > 0 then
    assert(weights >= 1 - 1e-9 and weights <= 1 / 0.6 + 1e-9,
      query .. ": weights add up to " .. weights)
  end
  assert(math.abs(total - relevance) <= TOLERANCE,
    string.format("%s: contributions add up to %.9f, relevance is %.9f", query, total, relevance))
end

-- Whether measure is closely related (grade 2) to the measure to.
local function is_related(measure, to)
  for i, r in ipairs(to.related) do
    if r == measure then return to.related.grades[i] == 2 end
  end
  return false
end

-- matches: the set of the measures the same search lists with related = false.
local function check_results(query, hits, least, mode, matches)
  matches = matches or {}
  local previous, related_from = 1, nil
  for rank, hit in ipairs(hits) do
    assert(hit.relevance <= previous,
      string.format("%s: hit %d has relevance %s above %s", query, rank, hit.relevance, previous))
    if hit.match.related then
      related_from = related_from or rank
      assert((mode or "best") == "best",
        string.format("%s: hit %d is related in %s mode", query, rank, mode))
      assert(not matches[hit.measure],
        string.format("%s: related hit %d is a match", query, rank))
      assert(is_related(hit.measure, hits[1].measure),
        string.format("%s: hit %d is not closely related to hit 1", query, rank))
    else
      assert(not related_from,
        string.format("%s: match %d after the related hit %s", query, rank, related_from))
      -- the library compares the threshold in its units of 1/65535
      assert(hit.relevance >= least - 1 / 65535,
        string.format("%s: hit %d below min_relevance %s", query, rank, least))
    end
    previous = hit.relevance
    check_hit(query, hits.terms, hit.relevance, hit:explain(), hit.terms)
  end
end

describe("relevance and explain", function()
  it("reads both development sets", function()
    assert.is_true(#QUERIES > 200)
  end)

  for _, case in ipairs({
    { name = "best", opts = {}, least = c.SHZ_MIN_RELEVANCE_DEFAULT },
    { name = "best at min_relevance 0", opts = { min_relevance = 0 }, least = 0 },
    { name = "all_terms", opts = { mode = "all_terms" }, least = 0, mode = "all_terms" },
  }) do
    it("hold for every development query: " .. case.name, function()
      local hits, related = 0, 0
      for _, query in ipairs(QUERIES) do
        local results = shenzhen.search(query, case.opts)
        local matches = {}
        local alone = {}
        for k, v in pairs(case.opts) do alone[k] = v end
        alone.related = false
        for _, hit in ipairs(shenzhen.search(query, alone)) do matches[hit.measure] = true end
        check_results(query, results, case.least, case.mode, matches)
        hits = hits + #results
        for _, hit in ipairs(results) do
          related = related + (hit.match.related and 1 or 0)
        end
      end
      assert.is_true(hits > 0, "no query found anything, so nothing was checked")
      assert.is_true(related > 0 or case.mode == "all_terms", "no related hit was checked")
    end)
  end

  describe("the checks themselves", function()
    local query = "个人破产 科技创新"
    local hits = shenzhen.search(query, { min_relevance = 0 })
    local function copy(list)
      local out = {}
      for i, e in ipairs(list) do
        out[i] = { term = e.term, field = e.field, how = e.how, weight = e.weight,
          contribution = e.contribution }
      end
      return out
    end

    it("pass a real hit", function()
      assert.is_true(#hits > 2)
      check_hit(query, hits.terms, hits[1].relevance, hits[1]:explain(), hits[1].terms)
    end)

    it("catch a contribution that does not add up", function()
      local bad = copy(hits[1]:explain())
      for _, e in ipairs(bad) do
        if e.how ~= "none" then
          e.contribution = e.contribution * 0.999
          break
        end
      end
      assert.has_error(function()
        check_hit(query, hits.terms, hits[1].relevance, bad, hits[1].terms)
      end)
    end)

    it("catch a relevance outside [0, 1]", function()
      assert.has_error(function()
        check_hit(query, hits.terms, 1.5, hits[1]:explain(), hits[1].terms)
      end)
    end)

    it("catch a term that is not the query's", function()
      local bad = copy(hits[1]:explain())
      bad[1].term = "不在"
      assert.has_error(function()
        check_hit(query, hits.terms, hits[1].relevance, bad, hits[1].terms)
      end)
    end)

    it("catch a relevance that rises down the list", function()
      local matches = shenzhen.search(query, { min_relevance = 0, related = false })
      assert.is_true(matches[#matches].relevance < matches[1].relevance)
      local swapped = { matches[#matches], matches[1], terms = hits.terms }
      assert.error_matches(function()
        check_results(query, swapped, 0)
      end, "above")
    end)

    it("catch a related hit that matches, or a match after a related hit", function()
      -- Two companions (grade 2) that both match: the second, flagged related, is a match.
      local both = "水污染治理 生态文明"
      local pair = shenzhen.search(both, { min_relevance = 0 })
      assert.is_true(is_related(pair[2].measure, pair[1].measure))
      local flagged = setmetatable({ match = { related = true } }, { __index = pair[2] })
      local listed = { pair[1], flagged, terms = pair.terms }
      assert.error_matches(function()
        check_results(both, listed, 0, "best", { [pair[2].measure] = true })
      end, "is a match")
      local related
      for _, hit in ipairs(hits) do
        related = related or (hit.match.related and hit)
      end
      local unflagged = setmetatable({ match = {} }, { __index = related })
      assert.error_matches(function()
        check_results(query, { hits[1], related, unflagged, terms = hits.terms }, 0)
      end, "after the related hit")
    end)
  end)
end)

describe("hit:explain()", function()
  local hits = shenzhen.search("个人破产")

  it("gives tables with the documented names", function()
    local list = hits[1]:explain()
    assert.is_true(#list > 0)
    for _, e in ipairs(list) do
      assert.are.equal("string", type(e.term))
      assert.is_true(e.field == nil or type(e.field) == "string")
      assert.is_truthy(({ none = 1, exact = 1, stem = 1, tolerant = 1 })[e.how])
      assert.are.equal("float", math.type(e.weight))
      assert.are.equal("float", math.type(e.contribution))
    end
    -- an array called is its own iterator, like every array of the module
    local n = 0
    for _ in list do
      n = n + 1
    end
    assert.are.equal(#list, n)
  end)

  it("gives a new array each call", function()
    local first = hits[1]:explain()
    first[1].weight = -1
    first[1] = nil
    assert.is_true(hits[1]:explain()[1].weight >= 0)
  end)

  it("does not follow changes to the search array's terms", function()
    local mine = shenzhen.search("个人破产")
    local before = mine[1]:explain()
    table.remove(mine.terms, 1)
    mine.terms[1] = { text = "changed", measures = 0 }
    assert.are.same(before, mine[1]:explain())
  end)

  it("keeps working after the search array and a collection are gone", function()
    local hit = shenzhen.search("个人破产")[1]
    local before = hit:explain()
    collectgarbage()
    collectgarbage()
    local after = hit:explain()
    assert.are.same(before, after)
  end)

  it("agrees with the command's --json --explain", function()
    local command = os.getenv("SHZ_CLI")
    if not command then
      pending("SHZ_CLI not set")
      return
    end
    local p = assert(io.popen("'" .. command .. "' search 个人破产 --json --explain"))
    local out = json.decode(p:read("a"))
    p:close()
    assert.are.equal(#hits, #out.hits)
    for i, hit in ipairs(hits) do
      for t, e in ipairs(hit:explain()) do
        local got = out.hits[i].explain[t]
        assert.are.equal(e.term, got.term)
        assert.are.equal(e.how, got.how)
        assert.are.equal(e.field, got.field ~= json.null and got.field or nil)
        assert.is_true(math.abs(e.contribution - got.contribution) <= 1e-14)
      end
    end
  end)

  it("refuses what is not a hit, with a shenzhen.Error", function()
    local hit = hits[1]
    for _, bad in ipairs({ false, 1, "hit", {} }) do
      local ok, err = pcall(hit.explain, bad)
      assert.is_false(ok)
      assert.is_true(shenzhen.is_error(err))
      assert.are.equal(shenzhen.status.INVALID_ARG, err.code)
      assert.matches("a hit of shenzhen.search expected", err.message)
    end
    local ok, err = pcall(hit.explain)
    assert.is_false(ok)
    assert.matches("got nil", err.message)
    -- a copy of a hit's fields is not a hit
    local fake = setmetatable({}, getmetatable(hit))
    for k, v in pairs(hit) do
      fake[k] = v
    end
    ok, err = pcall(fake.explain, fake)
    assert.is_false(ok)
    assert.matches("another table", err.message)
  end)
end)

describe("search's topics option", function()
  local function ids(hits)
    local out = {}
    for i, hit in ipairs(hits) do
      out[i] = hit.measure.id .. ":" .. hit.relevance
    end
    return out
  end
  local function carrying(hits, keys)
    local out = {}
    for _, hit in ipairs(hits) do
      for _, t in ipairs(hit.measure.topics) do
        if keys[t.key] then
          out[#out + 1] = hit.measure.id .. ":" .. hit.relevance
          break
        end
      end
    end
    return out
  end

  -- listed (a filtered search with related measures) is matches (the same with related =
  -- false), then related hits that carry one of keys; returns their number.
  local function related_follow(query, keys, listed, matches)
    for i, hit in ipairs(listed) do
      if i <= #matches then
        assert(hit.measure == matches[i].measure and not hit.match.related, query)
      else
        assert(hit.match.related, query)
        assert(#carrying({ hit }, keys) == 1, query .. ": a related hit without the topic")
      end
    end
    return #listed - #matches
  end

  it("keeps exactly the matches that carry the topic, in order", function()
    local topics = shenzhen.topics()
    local checked = 0
    local related = 0
    for n, query in ipairs(QUERIES) do
      local topic = topics[n % #topics + 1]
      local everything = shenzhen.search(query, { min_relevance = 0, related = false })
      local got = shenzhen.search(query, { min_relevance = 0, topics = topic.key,
        related = false })
      assert.are.same(carrying(everything, { [topic.key] = true }), ids(got))
      related = related + related_follow(query, { [topic.key] = true },
        shenzhen.search(query, { min_relevance = 0, topics = topic.key }), got)
      checked = checked + #got
    end
    assert.is_true(checked > 0)
    assert.is_true(related > 0, "no filtered search listed a related measure")
  end)

  it("takes keys, topics and arrays of both alike", function()
    local first, second = shenzhen.topics()[1], shenzhen.topics()[2]
    local query = first.measures[1].title
    local by_key = ids(shenzhen.search(query, { topics = { first.key, second.key } }))
    assert.is_true(#by_key > 0)
    assert.are.same(by_key, ids(shenzhen.search(query, { topics = { first, second } })))
    assert.are.same(by_key, ids(shenzhen.search(query, { topics = { first.key, second } })))
    assert.are.same(ids(shenzhen.search(query, { topics = first.key })),
      ids(shenzhen.search(query, { topics = first })))
    local everything = shenzhen.search(query, { min_relevance = 0, related = false })
    local keys = { [first.key] = true, [second.key] = true }
    local matches = shenzhen.search(query, { min_relevance = 0, topics = { first, second },
      related = false })
    assert.are.same(carrying(everything, keys), ids(matches))
    related_follow(query, keys,
      shenzhen.search(query, { min_relevance = 0, topics = { first, second } }), matches)
  end)

  it("refuses unknown keys and wrong types clearly", function()
    for _, case in ipairs({
      { "no-such-topic", "unknown topic \"no%-such%-topic\"" },
      { { "healthcare", "nope" }, "unknown topic \"nope\"" },
      { {}, "empty" },
      { 3, "got integer" },
      { { 3 }, "topic key expected, got integer" },
      { true, "got boolean" },
    }) do
      local ok, err = pcall(shenzhen.search, "科技", { topics = case[1] })
      assert.is_false(ok)
      assert.is_true(shenzhen.is_error(err))
      assert.are.equal(shenzhen.status.BAD_OPTIONS, err.code)
      assert.matches(case[2], err.message)
    end
  end)
end)

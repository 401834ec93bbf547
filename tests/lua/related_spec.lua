-- busted spec: search's related option. In best-match mode a search that has matches lists
-- after them the measures closely related to its first hit (measure.related, grade 2) that do
-- not match the query, each with match.related = true, ranked among themselves by the
-- relevance they hold, no more than the last match's, hit:explain() adding up to it;
-- related = false gives the matches alone, the default's array up to its first related
-- hit; anything but a boolean is a BAD_OPTIONS error. Written against whatever catalogue is
-- compiled in: the queries are its keywords.
local shenzhen = require("shenzhen")

local TOLERANCE = 1 / 65535 + 1e-9

-- What a hit array says, comparable across searches: one string a hit.
local function listed(hits, last)
  local out = {}
  for i = 1, math.min(#hits, last or #hits) do
    local hit = hits[i]
    out[i] = string.format("%d %d %.17g %s %s", hit.measure.id, hit.score, hit.relevance,
      hit.field, hit.match.related and "related" or "match")
  end
  return out
end

-- Whether other is closely related (grade 2) to m.
local function closely_related(m, other)
  for i, r in ipairs(m.related) do
    if r == other then return m.related.grades[i] == 2 end
  end
  return false
end

-- { measure, keyword } for every keyword whose only match is its measure.
local function answered_by_one()
  local found = {}
  for m in shenzhen.measures() do
    for _, kw in ipairs(m.keywords) do
      local matches = shenzhen.search(kw, { related = false })
      if #matches == 1 and matches[1].measure == m then
        found[#found + 1] = { m, kw }
      end
    end
  end
  return found
end

describe("search's related option", function()
  local cases = answered_by_one()

  it("lists one measure's related measures after it, flagged, holding no more than it", function()
    assert.is_true(#cases > 20)
    local with_related, holding = 0, 0
    for _, case in ipairs(cases) do
      local m, kw = case[1], case[2]
      local hits = shenzhen.search(kw)
      assert.are.equal(m, hits[1].measure)
      assert.is_nil(hits[1].match.related)
      assert.matches("^hit %d+ %(score", tostring(hits[1]))
      local previous = hits[1].relevance
      for i = 2, #hits do
        local hit = hits[i]
        assert.is_true(hit.match.related, kw)
        assert.matches("^hit %d+ %(related, score", tostring(hit))
        assert.is_true(closely_related(m, hit.measure), kw)
        assert.is_true(hit.relevance >= 0 and hit.relevance <= hits[1].relevance, kw)
        assert.is_true(hit.relevance <= previous, kw)
        previous = hit.relevance
        local total = 0
        for _, e in ipairs(hit:explain()) do
          total = total + e.contribution
        end
        assert.is_true(math.abs(total - hit.relevance) <= TOLERANCE, kw)
        holding = holding + (hit.relevance > 0 and 1 or 0)
      end
      with_related = with_related + (#hits > 1 and 1 or 0)
    end
    assert.is_true(with_related > #cases // 2)
    assert.is_true(holding > 0, "no related hit held any of its query")
  end)

  it("gives exactly the matches when false, the default's array up to its related hits",
    function()
    local checked, with_related = 0, 0
    for n, case in ipairs(cases) do
      local kw = case[2]
      for _, extra in ipairs({ {}, { limit = 2 }, { lang = "zh-Hant" }, { min_relevance = 0 },
        { topics = shenzhen.topics()[n % 3 + 1].key } }) do
        local opts, only_opts = {}, { related = false }
        for k, v in pairs(extra) do
          opts[k], only_opts[k] = v, v
        end
        local default = shenzhen.search(kw, opts)
        local only = shenzhen.search(kw, only_opts)
        for _, hit in ipairs(only) do
          assert.is_nil(hit.match.related, kw)
        end
        assert.are.same(listed(only), listed(default, #only))
        for i = #only + 1, #default do
          assert.is_true(default[i].match.related, kw)
        end
        opts.related = true
        assert.are.same(listed(default), listed(shenzhen.search(kw, opts)))
        checked = checked + 1
        with_related = with_related + (#default > #only and 1 or 0)
      end
    end
    assert.is_true(checked > 100 and with_related > 50)
  end)

  it("lists none in all_terms mode", function()
    local kw = cases[1][2]
    assert.is_true(#shenzhen.search(kw) > 1)
    local hits = shenzhen.search(kw, { mode = "all_terms" })
    assert.is_true(#hits >= 1)
    for _, hit in ipairs(hits) do
      assert.is_nil(hit.match.related)
    end
  end)

  it("refuses anything but a boolean, as the other options refuse a wrong type", function()
    for _, wrong in ipairs({ 0, 1, "false", "", {}, 0.0 }) do
      local ok, err = pcall(shenzhen.search, "个人破产", { related = wrong })
      assert.is_false(ok)
      assert.is_true(shenzhen.is_error(err))
      assert.are.equal(shenzhen.status.BAD_OPTIONS, err.code)
      assert.matches("bad option 'related' %(boolean expected", err.message)
    end
  end)

  it("still finds nothing for a question about pets", function()
    -- Pets are a subject no measure addresses. The English query's words are weakly held by
    -- some measures (found at min_relevance 0: runs, family); none matches, so none has related
    -- measures.
    local hamster = "hamster runs on its wheel all night and wakes the family"
    for _, query in ipairs({ hamster, "鹦鹉总是啄羽毛怎么办" }) do
      assert.are.equal(0, #shenzhen.search(query), query)
      assert.are.equal(0, #shenzhen.search(query, { related = false }), query)
    end
    assert.is_true(#shenzhen.search(hamster, { min_relevance = 0 }) > 0)
  end)
end)

-- luacheck: std lua54+busted
-- Allocation failures through the Lua binding. Run with LD_LIBRARY_PATH naming
-- the directory of the allocation-failure test build of libshenzhen.so.1
-- (tests/alloc/CMakeLists.txt), so that the module loads that build, and with
-- shenzhen_alloctest (alloc_hook_lua.c) on LUA_CPATH to arm its countdown.
-- For search and each JSON export, the n-th allocation is made to fail for
-- n = 1, 2, ... until the call succeeds (the whole catalogue's thousands of
-- points sampled: every 25th, the first and last 25; the C test walks them
-- all): shenzhen.search must raise an error
-- saying "out of memory", the raw shenzhen_c exports must return
-- nil, "out of memory", SHZ_ERR_NO_MEMORY (the module's convention for
-- errors), no block may leak, and the call that finally succeeds must give
-- what an undisturbed call gives. Prints the failure points per function.
local shenzhen = require("shenzhen")
local c = require("shenzhen_c")
local hook = require("shenzhen_alloctest")

local points = {}

-- Calls fn with allocation n failing (0: none): ok, value, attempts.
local function attempt(fn, n, persistent)
  hook.fail(n, persistent)
  local ok, value = fn()
  local attempts = hook.allocations()
  hook.fail(0)
  return ok, value, attempts
end

-- SHZ_ALLOC_STRIDE=N (1 to 1000, default 1), as in tests/alloc/walk.c: a walk that is not sampled
-- visits failure points 1, 1 + N, 1 + 2N, ... and the last; a sampled one (every k-th) visits
-- every (k * N)-th between its first and last k. .ci/sanitize sets it for ASan, whose check of
-- each point repeats the same cleanup at many times the cost.
local stride = math.tointeger(tonumber(os.getenv("SHZ_ALLOC_STRIDE") or "1")) or 1
if stride < 1 or stride > 1000 then
  stride = 1
end

-- Makes allocation n of fn fail in one mode, for every n up to the call's allocations (with
-- sample k > 0: the first k, every k-th and the last k), then for the one after the last, which
-- must succeed. fn returns true, value or false, message. Returns the failure points walked.
local function walk(name, fn, persistent, sample)
  collectgarbage()
  local live_at_start = hook.live()
  local ok, expected, total = attempt(fn, 0, false)
  assert(ok, name .. ": " .. tostring(expected))
  collectgarbage() -- garbage of the undisturbed call; what expected holds stays (a hit keeps
  local live_before = hook.live() -- its search's results, for hit:explain())
  local walked = 0
  for n = 1, total do
    local visited
    if sample then
      visited = n <= sample or n % (sample * stride) == 0 or n > total - sample
    else
      visited = (n - 1) % stride == 0 or n == total
    end
    if visited then
      local failed, message, attempts = attempt(fn, n, persistent)
      assert(not failed, name .. ": allocation " .. n .. " failed, yet the call succeeded")
      assert(attempts >= n)
      assert.matches("out of memory", message, 1, true)
      assert.are.equal(live_before, hook.live(), name .. ": allocation " .. n .. " failed, leaked")
      walked = walked + 1
    end
  end
  local value, attempts
  ok, value, attempts = attempt(fn, total + 1, persistent)
  assert(ok and attempts == total, name .. ": " .. tostring(value))
  assert.are.same(expected, value, name .. ": the call after the walk differs")
  value, expected = nil, nil -- luacheck: ignore 311 (dropped so the collector frees them)
  collectgarbage()
  assert.are.equal(live_at_start, hook.live(), name .. ": blocks leaked")
  return walked
end

local function walk_both(fn_name, name, fn, sample)
  local once = walk(name, fn, false, sample)
  local persistent = walk(name, fn, true, sample)
  assert.are.equal(once, persistent, name .. ": once and persistent differ")
  local t = points[fn_name] or { calls = 0, points = 0 }
  t.calls, t.points = t.calls + 1, t.points + once
  points[fn_name] = t
  return once
end

-- A raw export as ok, value: checks the convention nil, message, status on failure.
local function export(fn, ...)
  local args = table.pack(...)
  return function()
    local json, message, status = fn(table.unpack(args, 1, args.n))
    if json then
      return true, json
    end
    assert.are.equal(c.SHZ_ERR_NO_MEMORY, status)
    return false, message
  end
end

local FLAGS = { c.SHZ_JSON_COMPACT, c.SHZ_JSON_PRETTY, c.SHZ_JSON_ASCII,
  c.SHZ_JSON_PRETTY | c.SHZ_JSON_ASCII }

describe("allocation failures", function()
  teardown(function()
    local names = {}
    for name in pairs(points) do
      names[#names + 1] = name
    end
    table.sort(names)
    for _, name in ipairs(names) do
      io.stderr:write(string.format("alloc walk (Lua): %-20s %4d calls, %7d failure points "
        .. "walked in each mode (once, persistent)\n",
        name, points[name].calls, points[name].points))
    end
  end)

  it("runs against the test build", function()
    local loaded = {}
    for line in io.lines("/proc/self/maps") do
      local path = line:match("(/%S*libshenzhen%.so[%.%d]*)$")
      if path then
        loaded[path] = true
      end
    end
    local paths = {}
    for path in pairs(loaded) do
      paths[#paths + 1] = path
    end
    assert.are.equal(1, #paths)
    assert.are.equal(os.getenv("LD_LIBRARY_PATH"), paths[1]:match("^(.*)/[^/]*$"))
    hook.fail(1)
    local json, message, status = c.shz_json_measure(c.shz_measure_at(0), 0)
    hook.fail(0)
    assert.is_nil(json)
    assert.are.equal("out of memory", message)
    assert.are.equal(c.SHZ_ERR_NO_MEMORY, status)
  end)

  it("search raises an error for each failure", function()
    local queries = { "秒批", "改革 创新", '"深圳 经济特区"', "創新", "shenzhen", "sz", "qqqqxyz" }
    local options = { {}, { limit = 2 }, { lang = "zh-Hant" }, { fields = { "title", "summary" } },
      { mode = "all_terms" } }
    for _, query in ipairs(queries) do
      for _, opts in ipairs(options) do
        walk_both("shenzhen.search", "search " .. query, function()
          return pcall(shenzhen.search, query, opts)
        end)
      end
    end
  end)

  it("the JSON exports return nil, message, status for each failure", function()
    for _, flags in ipairs(FLAGS) do
      -- Sampled: the C test walks every failure point of the whole catalogue; here each takes
      -- the same way out of the binding.
      assert.is_true(walk_both("shz_json_catalogue", "catalogue " .. flags,
        export(c.shz_json_catalogue, flags), 25) > 100)
      for i = 0, c.shz_category_count() - 1 do
        assert.is_true(walk_both("shz_json_category", "category " .. i .. " " .. flags,
          export(c.shz_json_category, c.shz_category_at(i), flags)) > 0)
      end
      for i = 0, c.shz_measure_count() - 1 do
        assert.is_true(walk_both("shz_json_measure", "measure " .. i .. " " .. flags,
          export(c.shz_json_measure, c.shz_measure_at(i), flags)) > 0)
      end
    end
  end)
end)

-- The bad-input matrix (tests/badinput/matrix.json) through the Lua
-- binding, from the same file the C, command and Python tests read:
--  * every "bindings" call with a "lua" expectation runs through the module's
--    own API: "error" must raise an error pcall catches (a shenzhen.Error
--    with a status code, printing as the problem), "nil" must return nil, message;
--  * every "api" case the low-level module shenzhen_c can express runs there
--    and must return nil, message, status with exactly the C status (or raise,
--    where the wrapper refuses a type before C sees it).
-- Nothing may crash the interpreter.
local json = require("dkjson") -- Debian lua-dkjson, a dependency of lua-busted
local shenzhen = require("shenzhen")
local c = require("shenzhen_c")

local function read_matrix()
  -- This file lives in tests/lua; the matrix in tests/badinput.
  local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
  local path = here .. "/../badinput/matrix.json"
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  local matrix, _, err = json.decode(text, 1, json.null)
  assert(matrix, err)
  return matrix.cases
end

local cases = read_matrix()

-- A matrix BYTE STRING: hex, optionally "*N" for N repetitions.
local function bytes(spec)
  local hex, times = spec:match("^(%x*)%*?(%d*)$")
  assert(hex, "bad byte string " .. spec)
  local b = hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
  return string.rep(b, tonumber(times) or 1)
end

-- A decimal string as Lua reads it: an integer when it fits, else a float.
local function number(text)
  return math.tointeger(tonumber(text)) or tonumber(text)
end

local FLOATS = { nan = 0 / 0, inf = math.huge, ["-inf"] = -math.huge }

-- A matrix VALUE as the Lua value it describes (str and bytes are both strings).
local function value(spec)
  if spec.int then return number(spec.int) end
  if spec.float then return FLOATS[spec.float] or tonumber(spec.float) end
  if spec.str then return bytes(spec.str) end
  if spec.bytes then return bytes(spec.bytes) end
  if spec.bool ~= nil then return spec.bool end
  if spec.null then return nil end
  if spec.list then
    local t = {}
    for i, item in ipairs(spec.list) do t[i] = value(item) end
    return t
  end
  error("unknown matrix value " .. json.encode(spec))
end

-- ---- pass 1: the module's own API ------------------------------------------------

-- The call as a function of no arguments; its arguments are decoded up front.
local function package_call(spec)
  local args, n = {}, #spec.args
  for i, a in ipairs(spec.args) do args[i] = value(a) end
  if spec.call == "search" then
    local opts
    if spec.options then
      opts = {}
      for k, v in pairs(spec.options) do opts[k] = value(v) end
    end
    return function() return shenzhen.search(args[1], opts) end
  elseif spec.call == "get" then
    return function() return shenzhen.get(table.unpack(args, 1, n)) end
  elseif spec.call == "category" then
    return function() return shenzhen.category(table.unpack(args, 1, n)) end
  elseif spec.call == "text" then
    local m = assert(shenzhen.get(args[1])) -- the measure itself is never the bad input
    return function() return m:text(args[2], args[3]) end
  end
  error("unknown bindings call " .. tostring(spec.call))
end

describe("bad-input matrix, the shenzhen module", function()
  local ran = 0
  for _, case in ipairs(cases) do
    for i, spec in ipairs(case.bindings or {}) do
      if spec.lua then
        ran = ran + 1
        it(case.id .. "#" .. (i - 1) .. ": " .. case.what, function()
          local ok, result, message = pcall(package_call(spec))
          if spec.lua == "error" then
            assert.is_false(ok, "expected an error, got " .. tostring(result))
            assert.is_true(shenzhen.is_error(result), tostring(result))
            assert.are.equal("integer", math.type(result.code))
            assert.is_truthy(tostring(result):find("shenzhen: ", 1, true), tostring(result))
          else
            assert.is_true(ok, tostring(result))
            assert.is_nil(result)
            assert.are.equal("string", type(message))
            assert.is_true(#message > 0)
          end
        end)
      end
    end
  end
  it("covers the matrix", function()
    assert.is_true(ran >= 60, "only " .. ran .. " calls")
  end)
end)

-- ---- pass 2: the low-level module, status by status -------------------------------

local function handle(get, id)
  if id == json.null then return nil end -- SWIG passes nil as NULL
  return assert(get(number(id)))
end

-- An integer argument C takes, or nil when Lua has no integer for it.
local function integer(text)
  return math.tointeger(tonumber(text))
end

-- (function, expected) for an "api" case: expected is a status, or "error"
-- when the wrapper refuses the argument before C sees it; (nil, why) when Lua
-- cannot express the case.
local function low_level_call(api)
  if api.out_null then return nil, "a NULL output pointer: the wrapper always passes one" end
  local a, status = api.args, c[api.error]
  local call = api.call
  if call == "measure_get" or call == "category_get" then
    local id = integer(a.id)
    if not id then return function() return c["shz_" .. call](number(a.id)) end, "error" end
    return function() return c["shz_" .. call](id) end, status
  elseif call == "lang_parse" then
    if a.name == json.null then return function() return c.shz_lang_parse(nil) end, "error" end
    local name = bytes(a.name)
    return function() return c.shz_lang_parse(name) end, status
  elseif call == "measure_text" then
    local m = handle(c.shz_measure_get, a.measure)
    return function() return c.shz_measure_text(m, a.field, a.lang) end, status
  elseif call == "measure_keyword" or call == "measure_cite" then
    local m, index = handle(c.shz_measure_get, a.measure), integer(a.index)
    if not index then return nil, "an index beyond Lua's integers" end
    return function() return c["shz_" .. call](m, index) end, status
  elseif call == "category_title" then
    local cat = handle(c.shz_category_get, a.category)
    return function() return c.shz_category_title(cat, a.lang) end, status
  elseif call == "document_text" then
    return function() return c.shz_document_text(a.field, a.lang) end, status
  elseif call == "document_paragraph" then
    local index = integer(a.index)
    if not index then return nil, "an index beyond Lua's integers" end
    return function() return c.shz_document_paragraph(index, a.lang) end, status
  elseif call == "json_catalogue" then
    return function() return c.shz_json_catalogue(a.flags) end, status
  elseif call == "json_measure" then
    local m = handle(c.shz_measure_get, a.measure)
    return function() return c.shz_json_measure(m, a.flags) end, status
  elseif call == "json_category" then
    local cat = handle(c.shz_category_get, a.category)
    return function() return c.shz_json_category(cat, a.flags) end, status
  elseif call == "search" then
    if a.query == json.null then return function() return c.shz_search(nil) end, "error" end
    local query, o = bytes(a.query), a.options
    local options = c.shz_search_options()
    if o ~= json.null then
      -- size is the binding's (immutable) and a tail cannot be appended
      if o.size ~= "sizeof" or o.tail then return nil, "options.size and the struct tail" end
      options.fields, options.lang, options.limit = o.fields, o.lang, o.limit
    end
    return function() return c.shz_search(query, options) end, status
  end
  error("unknown api call " .. tostring(call))
end

describe("bad-input matrix, the low-level module shenzhen_c", function()
  for _, case in ipairs(cases) do
    if case.api then
      it(case.id .. ": " .. case.what, function()
        local fn, expected = low_level_call(case.api)
        if not fn then
          pending(expected)
          return
        end
        local ok, result, message, status = pcall(fn)
        if expected == "error" then
          assert.is_false(ok, "expected an error")
          assert.are.equal("string", type(result))
        else
          assert.is_true(ok, tostring(result))
          assert.is_nil(result)
          assert.are.equal(c.shz_errstr(expected), message)
          assert.are.equal(expected, status)
        end
      end)
    end
  end
end)

-- ---- the search mode (1.1): bad values through the module and shenzhen_c ----------

describe("bad search modes", function()
  for _, mode in ipairs({ "fuzzy", "", "BEST", "all terms", "best\0", 0, 1, true, {} }) do
    it(string.format("mode = %q", tostring(mode)), function()
      local ok, err = pcall(shenzhen.search, "数据", { mode = mode })
      assert.is_false(ok)
      assert.is_true(shenzhen.is_error(err), tostring(err))
      assert.are.equal(shenzhen.status.BAD_OPTIONS, err.code)
    end)
  end
  it("past the library's modes, from C itself", function()
    for _, code in ipairs({ 2, 3, 255, 2 ^ 31 | 0 }) do
      local options = c.shz_search_options()
      options.mode = code
      local results, message, status = c.shz_search("数据", options)
      assert.is_nil(results)
      assert.are.equal(c.shz_errstr(c.SHZ_ERR_BAD_OPTIONS), message)
      assert.are.equal(c.SHZ_ERR_BAD_OPTIONS, status)
    end
  end)
end)

-- show_measure.lua [id]: every field of one measure (default 1).
local shenzhen = require("shenzhen")

local m, message = shenzhen.get(math.tointeger(tonumber(arg[1] or "1")) or 0)
if not m then
  io.stderr:write("measure: ", message, "\n")
  os.exit(1)
end
local function row(label, value)
  print(string.format("%-10s %s", label, value))
end
row("measure", string.format("%d (category %d)", m.id, m.category.id))
row("title", m.title)
row("zh-Hant", m.title_hant)
row("english", m.title_en)
row("pinyin", m.pinyin)
row("summary", m.summary_en)
row("body", m.body)
for i, k in ipairs(m.keywords) do
  row(i == 1 and "keywords" or "", k)
end
for i, c in ipairs(m.cites) do
  row(i == 1 and "cites" or "", "《" .. c .. "》")
end

--- Readable printing of results, at a REPL and in the command-line tool.
-- @submodule datadog

local core = require "datadog.core"
local util = require "datadog.util"

local _M = {}

local null = core.null

-- A string as a JSON string literal (the core's encoder escapes exactly as
-- requests do). Text that is not UTF-8 cannot be JSON: its bytes outside
-- printable ASCII are shown as \xNN.
local function quote(s)
  local ok, text = pcall(core.encode, s)
  if ok then return text end
  return '"' .. s:gsub('[%c"\\\128-\255]', function(c)
    if c == '"' or c == "\\" then return "\\" .. c end
    return string.format("\\x%02X", c:byte())
  end) .. '"'
end

local function scalar(v)
  local t = type(v)
  if v == null then return "null" end
  if t == "string" then return quote(v) end
  if t == "number" then
    if v ~= v then return "nan" end
    return tostring(v)
  end
  if t == "boolean" then return tostring(v) end
  if t == "nil" then return "nil" end
  -- functions, userdata (a client prints its tostring), threads
  local ok, s = pcall(tostring, v)
  return "<" .. (ok and s or t) .. ">"
end

local function render(v, indent, step, out, seen)
  if type(v) ~= "table" then
    out[#out + 1] = scalar(v)
    return
  end
  if seen[v] then
    out[#out + 1] = "<cycle>"
    return
  end
  local mt = getmetatable(v)
  local is_array = mt == core.array_mt or util.is_sequence(v)
  if next(v) == nil then
    out[#out + 1] = is_array and "[]" or "{}"
    return
  end
  seen[v] = true
  local inner = indent .. step
  if is_array then
    out[#out + 1] = "[\n"
    for i = 1, #v do
      out[#out + 1] = inner
      render(v[i], inner, step, out, seen)
      out[#out + 1] = i < #v and ",\n" or "\n"
    end
    out[#out + 1] = indent .. "]"
  else
    out[#out + 1] = "{\n"
    local keys = util.sorted_keys(v)
    for i, k in ipairs(keys) do
      out[#out + 1] = inner .. (type(k) == "string" and quote(k) or "[" .. scalar(k) .. "]") .. ": "
      render(v[k], inner, step, out, seen)
      out[#out + 1] = i < #keys and ",\n" or "\n"
    end
    out[#out + 1] = indent .. "}"
  end
  seen[v] = nil
end

--- Formats a value readably and prints it: JSON layout with sorted keys and
-- indentation, `datadog.null` as `null`, lists as `[...]` and objects as
-- `{...}` (decoded empty lists stay `[]`), a table inside itself as a cycle
-- marker, functions and userdata by their tostring in angle brackets. What
-- `datadog.decode` gives prints as valid JSON.
--
-- It can wrap a call: `datadog.pretty(dd:get_incident(id))` prints the
-- result, or the error when the call failed (the response object or error
-- in second place is not taken for options).
-- @param value anything
-- Like `help`, it returns nothing when it prints (a REPL would show the
-- text twice).
-- @tparam[opt] table opts `indent` (spaces, default 2), `print` (false: only
-- return the text), `write` (a function(text) instead of printing to stdout)
-- @treturn ?string the text, without a trailing newline, with `print = false`
-- @usage datadog.pretty(dd:list_opsgenie_services())
function _M.pretty(value, opts)
  if type(opts) == "table" and getmetatable(opts) == core.error_mt then
    if value == nil then value = opts end
    opts = nil
  elseif type(opts) == "table" and opts.status ~= nil and opts.headers ~= nil then
    opts = nil -- the response object of a successful call
  end
  opts = opts or {}
  if type(opts) ~= "table" then
    util.raise("datadog.pretty", "options must be a table (got " .. type(opts) .. ")")
  end
  local out = {}
  render(value, "", string.rep(" ", opts.indent or 2), out, {})
  local text = table.concat(out)
  if opts.write then
    opts.write(text .. "\n")
  elseif opts.print == false then
    return text
  else
    io.stdout:write(text, "\n")
  end
end

return _M

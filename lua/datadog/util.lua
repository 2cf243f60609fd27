--- Small helpers shared by the Lua layer: "did you mean", percent-encoding
-- and argument checks that raise with the caller's name.
-- @module datadog.util

local core = require "datadog.core"

local _M = {}

--- The closest of `candidates` to `word`, or nil when none is close.
-- The C core's rule (at most a third of the word's length plus two edits),
-- so misspelt options and misspelt methods are judged alike.
-- @function suggest
-- @tparam string word
-- @tparam {string,...} candidates
-- @treturn ?string
_M.suggest = core.suggest

-- "; did you mean 'x'?" or "".
function _M.hint(word, candidates)
  local s = type(word) == "string" and _M.suggest(word, candidates)
  return s and ("; did you mean '" .. s .. "'?") or ""
end

--- Percent-encodes everything but RFC 3986 unreserved characters.
-- @tparam string s
-- @treturn string
_M.percent_encode = core.percent_encode

-- The directory of this layer's files, as debug.getinfo spells sources.
local HERE = debug.getinfo(1, "S").source:match("^(@.*[/\\])[^/\\]+$") or "@"

-- The first caller outside this layer, as "file:line", or nil.
local function caller()
  local level = 3
  while true do
    local info = debug.getinfo(level, "Sl")
    if not info then return nil end
    if info.source:sub(1, #HERE) ~= HERE then
      return info.currentline and info.currentline > 0
        and (info.short_src .. ":" .. info.currentline) or nil
    end
    level = level + 1
  end
end

--- Raises a misuse error: the error object the C core raises
-- (`core.misuse`: `kind = "invalid"`, `operation`, `field`, `message`;
-- `tostring` gives the one-line text). `operation` is an operation id, or
-- the layer's function ("datadog.slack_channel"), or nil. The object's
-- `where` is the first caller outside this layer ("app.lua:12"), whichever
-- helper found the problem; its text carries no position, so a host client
-- can raise it again unchanged.
-- @tparam ?string operation
-- @tparam string message
-- @tparam[opt] string field
function _M.raise(operation, message, field)
  local err = core.misuse(operation, field, message)
  err.where = caller()
  error(err, 0)
end

--- Raises `err` again: a misuse error object of this module unchanged but
-- for `where` (the caller's line, when it has none yet), anything else (a
-- metamethod's own error) as it came.
function _M.reraise(err)
  if type(err) == "table" and getmetatable(err) == core.error_mt
      and err.kind == "invalid" and err.where == nil then
    err.where = caller()
  end
  error(err, 0)
end

-- Keys of a table, sorted (strings after numbers, each group in order).
function _M.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then
      if ta == "number" then return true end
      if tb == "number" then return false end
      return ta < tb
    end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return keys
end

-- True when k is a positive integer (an array index). Written without
-- math.type so that the layer also loads on LuaJIT.
function _M.is_index(k)
  return type(k) == "number" and k >= 1 and k == math.floor(k)
end

-- True when t is a non-empty sequence 1..n with no other keys.
function _M.is_sequence(t)
  local n, max = 0, 0
  for k in pairs(t) do
    if not _M.is_index(k) then return false end
    n = n + 1
    if k > max then max = k end
  end
  return n > 0 and n == max
end

return _M

--- Small helpers shared by the Lua layer: "did you mean", percent-encoding
-- and argument checks that raise with the caller's name.
-- @module datadog.util

local _M = {}

-- Levenshtein distance between two strings.
local function distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end
_M.distance = distance

--- The closest of `candidates` to `word`, or nil when none is close.
-- Close means at most a third of the word's length plus two edits, the
-- same rule the C core uses for misspelt methods and operations.
-- @tparam string word
-- @tparam {string,...} candidates
-- @treturn ?string
function _M.suggest(word, candidates)
  local best, bestd = nil, math.huge
  for _, c in ipairs(candidates) do
    local d = distance(word, c)
    if d < bestd then best, bestd = c, d end
  end
  if bestd <= math.floor(#word / 3) + 2 then return best end
  return nil
end

-- "; did you mean 'x'?" or "".
function _M.hint(word, candidates)
  local s = type(word) == "string" and _M.suggest(word, candidates)
  return s and ("; did you mean '" .. s .. "'?") or ""
end

--- Percent-encodes everything but RFC 3986 unreserved characters.
-- @tparam string s
-- @treturn string
function _M.percent_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", c:byte())
  end))
end

-- The directory of this layer's files, as debug.getinfo spells sources.
local HERE = debug.getinfo(1, "S").source:match("^(@.*[/\\])[^/\\]+$") or "@"

--- Raises `msg` at the first caller outside the Lua layer, so the error's
-- position is the user's line whichever helper found the problem.
function _M.raise(msg)
  local level = 2
  while true do
    local info = debug.getinfo(level, "S")
    if not info or info.source:sub(1, #HERE) ~= HERE then break end
    level = level + 1
  end
  error(msg, level)
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

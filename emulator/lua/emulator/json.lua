-- emulator.json: a small strict JSON codec for the emulator.
--
-- Why not lua-cjson: Debian's lua-cjson 2.1.0 cannot tell `[]` from `{}` on either side (it
-- decodes both to an empty table and encodes an empty table as `{}`). The emulator must reject a
-- client that sends `{}` where Datadog wants a list, and must itself answer `[]` for empty lists,
-- so decoded arrays and objects carry marker metatables and the encoder honours them.
--
-- Numbers: LuaJIT has only doubles. Integral values within 2^53 are written without a fraction
-- (`1`, never `1.0`); everything else with the fewest digits (14 or 17) that read back exactly.

local _M = {}

local ARRAY_MT = { __jsontype = "array" }
local OBJECT_MT = { __jsontype = "object" }

local byte, char, find, format, sub, gsub = string.byte, string.char, string.find, string.format,
    string.sub, string.gsub
local concat, sort = table.concat, table.sort
local floor, huge = math.floor, math.huge
local type, pairs, ipairs, setmetatable, getmetatable, tonumber, error, pcall =
    type, pairs, ipairs, setmetatable, getmetatable, tonumber, error, pcall

local MAX_DEPTH = 512
local MAX_EXACT_INT = 2 ^ 53

-- The JSON null. A unique value, so it can live in tables (Lua's nil cannot).
_M.null = setmetatable({}, {
    __tostring = function() return "json.null" end,
    __jsontype = "null",
})

--- Mark `t` (or a new table) as a JSON array: it encodes as `[...]` even when empty.
function _M.array(t)
    return setmetatable(t or {}, ARRAY_MT)
end

--- Mark `t` (or a new table) as a JSON object: it encodes as `{...}` even when empty.
function _M.object(t)
    return setmetatable(t or {}, OBJECT_MT)
end

function _M.is_array(v)
    return type(v) == "table" and getmetatable(v) == ARRAY_MT
end

function _M.is_object(v)
    return type(v) == "table" and getmetatable(v) == OBJECT_MT
end

-- ---------------------------------------------------------------------------------------------
-- Decoding
-- ---------------------------------------------------------------------------------------------

local ESCAPE_CHARS = {
    [byte('"')] = '"', [byte("\\")] = "\\", [byte("/")] = "/",
    [byte("b")] = "\b", [byte("f")] = "\f", [byte("n")] = "\n",
    [byte("r")] = "\r", [byte("t")] = "\t",
}

local function fail(pos, msg)
    error({ json_error = format("%s at byte %d", msg, pos) }, 0)
end

local function skip_ws(s, i)
    return find(s, "[^ \t\r\n]", i) or #s + 1
end

local function utf8_encode(cp)
    if cp < 0x80 then
        return char(cp)
    elseif cp < 0x800 then
        return char(0xC0 + floor(cp / 0x40), 0x80 + cp % 0x40)
    elseif cp < 0x10000 then
        return char(0xE0 + floor(cp / 0x1000), 0x80 + floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
    end
    return char(0xF0 + floor(cp / 0x40000), 0x80 + floor(cp / 0x1000) % 0x40,
        0x80 + floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

local function read_hex4(s, i)
    local hex = sub(s, i, i + 3)
    if not find(hex, "^%x%x%x%x$") then
        fail(i, "invalid \\u escape")
    end
    return tonumber(hex, 16)
end

local function parse_string(s, i)
    -- s[i] is the opening quote
    local parts, n = {}, 0
    local j = i + 1
    while true do
        local k = find(s, '[%z\1-\31"\\]', j)
        if not k then
            fail(i, "unterminated string")
        end
        if k > j then
            n = n + 1
            parts[n] = sub(s, j, k - 1)
        end
        local c = byte(s, k)
        if c == 34 then -- closing quote
            return concat(parts), k + 1
        elseif c == 92 then -- backslash
            local e = byte(s, k + 1)
            if e == 117 then -- \u
                local cp = read_hex4(s, k + 2)
                local nxt = k + 6
                if cp >= 0xD800 and cp <= 0xDBFF then
                    if sub(s, nxt, nxt + 1) ~= "\\u" then
                        fail(k, "lone high surrogate in \\u escape")
                    end
                    local lo = read_hex4(s, nxt + 2)
                    if lo < 0xDC00 or lo > 0xDFFF then
                        fail(nxt, "invalid low surrogate in \\u escape")
                    end
                    cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
                    nxt = nxt + 6
                elseif cp >= 0xDC00 and cp <= 0xDFFF then
                    fail(k, "lone low surrogate in \\u escape")
                end
                n = n + 1
                parts[n] = utf8_encode(cp)
                j = nxt
            else
                local rep = e and ESCAPE_CHARS[e]
                if not rep then
                    fail(k, "invalid escape in string")
                end
                n = n + 1
                parts[n] = rep
                j = k + 2
            end
        else
            fail(k, "control character in string")
        end
    end
end

local function parse_number(s, i)
    local j = i
    if byte(s, j) == 45 then -- '-'
        j = j + 1
    end
    local c = byte(s, j)
    if c == 48 then -- leading '0' stands alone
        j = j + 1
    elseif c and c >= 49 and c <= 57 then
        local _, e = find(s, "^%d+", j)
        j = e + 1
    else
        fail(i, "invalid number")
    end
    if byte(s, j) == 46 then -- '.'
        local _, e = find(s, "^%d+", j + 1)
        if not e then
            fail(j, "invalid number")
        end
        j = e + 1
    end
    c = byte(s, j)
    if c == 101 or c == 69 then -- 'e' / 'E'
        local _, e = find(s, "^[-+]?%d+", j + 1)
        if not e then
            fail(j, "invalid number")
        end
        j = e + 1
    end
    return tonumber(sub(s, i, j - 1)), j
end

local parse_value

local function parse_array(s, i, depth)
    local arr, n = _M.array(), 0
    local j = skip_ws(s, i + 1)
    if byte(s, j) == 93 then -- ']'
        return arr, j + 1
    end
    while true do
        local v
        v, j = parse_value(s, j, depth)
        n = n + 1
        arr[n] = v
        j = skip_ws(s, j)
        local c = byte(s, j)
        if c == 93 then
            return arr, j + 1
        elseif c ~= 44 then -- ','
            fail(j, "expected ',' or ']' in array")
        end
        j = skip_ws(s, j + 1)
    end
end

local function parse_object(s, i, depth)
    local obj = _M.object()
    local j = skip_ws(s, i + 1)
    if byte(s, j) == 125 then -- '}'
        return obj, j + 1
    end
    while true do
        if byte(s, j) ~= 34 then
            fail(j, "expected string key in object")
        end
        local key
        key, j = parse_string(s, j)
        j = skip_ws(s, j)
        if byte(s, j) ~= 58 then -- ':'
            fail(j, "expected ':' after object key")
        end
        local v
        v, j = parse_value(s, skip_ws(s, j + 1), depth)
        obj[key] = v
        j = skip_ws(s, j)
        local c = byte(s, j)
        if c == 125 then
            return obj, j + 1
        elseif c ~= 44 then
            fail(j, "expected ',' or '}' in object")
        end
        j = skip_ws(s, j + 1)
    end
end

local LITERALS = { t = { "true", true }, f = { "false", false }, n = { "null", _M.null } }

parse_value = function(s, i, depth)
    i = skip_ws(s, i)
    local c = byte(s, i)
    if not c then
        fail(i, "unexpected end of input")
    end
    if c == 123 or c == 91 then
        if depth >= MAX_DEPTH then
            fail(i, "nesting too deep")
        end
        if c == 123 then
            return parse_object(s, i, depth + 1)
        end
        return parse_array(s, i, depth + 1)
    elseif c == 34 then
        return parse_string(s, i)
    elseif c == 45 or (c >= 48 and c <= 57) then
        return parse_number(s, i)
    end
    local lit = LITERALS[char(c)]
    if lit and sub(s, i, i + #lit[1] - 1) == lit[1] then
        return lit[2], i + #lit[1]
    end
    fail(i, "unexpected character '" .. char(c) .. "'")
end

--- Decode a JSON text. Returns the value, or nil and a message naming the byte offset.
function _M.decode(s)
    if type(s) ~= "string" then
        return nil, "expected a string to decode"
    end
    local ok, v, j = pcall(parse_value, s, 1, 0)
    if not ok then
        if type(v) == "table" and v.json_error then
            return nil, v.json_error
        end
        error(v, 0)
    end
    j = skip_ws(s, j)
    if j <= #s then
        return nil, format("trailing characters at byte %d", j)
    end
    return v
end

-- ---------------------------------------------------------------------------------------------
-- Encoding
-- ---------------------------------------------------------------------------------------------

local ENCODE_ESCAPES = {
    ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
    ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}

local function escape_char(c)
    return ENCODE_ESCAPES[c] or format("\\u%04x", byte(c))
end

local function encode_string(s)
    return '"' .. gsub(s, '[%z\1-\31"\\]', escape_char) .. '"'
end

local function encode_number(n)
    if n ~= n or n == huge or n == -huge then
        error("cannot encode a non-finite number as JSON", 0)
    end
    if n == floor(n) and n > -MAX_EXACT_INT and n < MAX_EXACT_INT then
        return format("%d", n)
    end
    -- Shortest of the two precisions that reads back as the same double.
    local s = format("%.14g", n)
    if tonumber(s) ~= n then
        s = format("%.17g", n)
    end
    return s
end

-- A plain (unmarked) table is an array when its keys are exactly 1..n with n > 0.
local function looks_like_array(t)
    local n = #t
    if n == 0 then
        return false
    end
    local count = 0
    for _ in pairs(t) do
        count = count + 1
        if count > n then
            return false
        end
    end
    return count == n
end

local encode_value

local function encode_table(t, out, depth)
    if depth > MAX_DEPTH then
        error("cannot encode a table nested this deep (a cycle?)", 0)
    end
    local mt = getmetatable(t)
    if t == _M.null then
        out[#out + 1] = "null"
        return
    end
    if mt == ARRAY_MT or (mt ~= OBJECT_MT and looks_like_array(t)) then
        out[#out + 1] = "["
        for i = 1, #t do
            if i > 1 then
                out[#out + 1] = ","
            end
            encode_value(t[i], out, depth + 1)
        end
        out[#out + 1] = "]"
        return
    end
    local keys = {}
    for k in pairs(t) do
        if type(k) ~= "string" then
            error("cannot encode a table with a non-string key as a JSON object", 0)
        end
        keys[#keys + 1] = k
    end
    sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
        if i > 1 then
            out[#out + 1] = ","
        end
        out[#out + 1] = encode_string(k)
        out[#out + 1] = ":"
        encode_value(t[k], out, depth + 1)
    end
    out[#out + 1] = "}"
end

encode_value = function(v, out, depth)
    local tv = type(v)
    if tv == "string" then
        out[#out + 1] = encode_string(v)
    elseif tv == "number" then
        out[#out + 1] = encode_number(v)
    elseif tv == "boolean" then
        out[#out + 1] = v and "true" or "false"
    elseif tv == "nil" then
        out[#out + 1] = "null"
    elseif tv == "table" then
        encode_table(v, out, depth)
    else
        error("cannot encode a " .. tv .. " as JSON", 0)
    end
end

--- Encode a value. Object keys come out sorted, so equal values give equal text.
function _M.encode(v)
    local out = {}
    encode_value(v, out, 0)
    return concat(out)
end

return _M

-- emulator.util: identifiers, timestamps and string helpers shared by the handlers.

local _M = {}

local floor, random = math.floor, math.random
local format, gsub, char, byte = string.format, string.gsub, string.char, string.byte

--- A random (version 4) UUID, lower-case.
function _M.uuid4()
    return format("%08x-%04x-4%03x-%04x-%04x%08x",
        random(0, 0xffffffff), random(0, 0xffff), random(0, 0xfff),
        0x8000 + random(0, 0x3fff), random(0, 0xffff), random(0, 0xffffffff))
end

--- Seconds since the epoch with millisecond resolution, fresh (not nginx's cached time).
function _M.now()
    ngx.update_time()
    return ngx.now()
end

--- ISO 8601 UTC with milliseconds, the way Datadog writes it: 2026-02-23T14:07:12.720Z
function _M.iso8601(t)
    t = t or _M.now()
    local sec = floor(t)
    local ms = floor((t - sec) * 1000 + 0.5)
    if ms > 999 then
        ms = 999
    end
    return os.date("!%Y-%m-%dT%H:%M:%S", sec) .. format(".%03dZ", ms)
end

--- Percent-decode one path segment. Unlike ngx.unescape_uri, a '+' stays a '+' (in a path it is
--- a literal plus, not an encoded space).
function _M.unescape_segment(s)
    return (gsub(s, "%%(%x%x)", function(h) return char(tonumber(h, 16)) end))
end

--- Split a raw (still percent-encoded) path on literal '/' and decode each segment, so an
--- encoded "%2F" stays inside its segment. Returns the raw and the decoded segment lists.
function _M.split_path(raw_path)
    local raw, decoded = {}, {}
    for seg in (raw_path .. "/"):gmatch("([^/]*)/") do
        raw[#raw + 1] = seg
        decoded[#decoded + 1] = _M.unescape_segment(seg)
    end
    return raw, decoded
end

--- Number of UTF-8 characters in `s` (bytes that are not continuation bytes).
function _M.utf8_len(s)
    local n = 0
    for i = 1, #s do
        local b = byte(s, i)
        if b < 0x80 or b >= 0xC0 then
            n = n + 1
        end
    end
    return n
end

--- A copy of `t` sharing nothing with it (metatables, such as JSON array markers, are kept).
function _M.deep_copy(t)
    if type(t) ~= "table" then
        return t
    end
    local out = {}
    for k, v in pairs(t) do
        out[k] = _M.deep_copy(v)
    end
    return setmetatable(out, getmetatable(t))
end

--- Hide a secret: keep only its last four characters when it is long enough to spare them.
function _M.mask(secret)
    if type(secret) ~= "string" then
        return secret
    end
    if #secret >= 12 then
        return "****" .. secret:sub(-4)
    end
    return "****"
end

--- Reason phrases for the status lines the emulator writes by hand (fault modes only).
_M.REASONS = {
    [200] = "OK", [201] = "Created", [202] = "Accepted", [204] = "No Content",
    [400] = "Bad Request", [401] = "Unauthorized", [403] = "Forbidden", [404] = "Not Found",
    [405] = "Method Not Allowed", [408] = "Request Timeout", [409] = "Conflict",
    [413] = "Payload Too Large", [415] = "Unsupported Media Type",
    [422] = "Unprocessable Entity", [429] = "Too Many Requests",
    [500] = "Internal Server Error", [501] = "Not Implemented", [502] = "Bad Gateway",
    [503] = "Service Unavailable", [504] = "Gateway Timeout",
}

function _M.reason(status)
    return _M.REASONS[status] or (status >= 500 and "Server Error") or (status >= 400 and "Client Error")
        or "Status"
end

return _M

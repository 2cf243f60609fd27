-- emulator.routes: the operation table and the router.
--
-- Every operation is a row (id, method, path template, body flag, handler) declared by its API
-- module, which also names its family (X-RateLimit-Name) and the shape of its errors
-- ("strings" or "jsonapi"); this file only gathers the rows and matches requests against
-- them. Matching works on the raw path split at literal '/', so a percent-encoded "%2F"
-- never splits a parameter.

local util = require "emulator.util"

local _M = {}

local MODULES = {
    "emulator.api.incidents",
    "emulator.api.integrations",
    "emulator.api.incident_types",
    "emulator.api.opsgenie",
    "emulator.api.pagerduty",
}

local function compile(template)
    local segments = {}
    for seg in (template .. "/"):gmatch("([^/]*)/") do
        local param = seg:match("^{([%w_]+)}$")
        segments[#segments + 1] = param and { param = param } or { literal = seg }
    end
    return segments
end

_M.list = {}
for _, name in ipairs(MODULES) do
    local mod = require(name)
    for _, route in ipairs(mod.routes) do
        route.family = mod.family
        route.errors = mod.errors or "strings"
        route.segments = compile(route.path)
        _M.list[#_M.list + 1] = route
    end
end

-- Try one route against the split path. Returns the decoded params or nil.
local function try(route, raw, decoded)
    local segs = route.segments
    if #segs ~= #raw then
        return nil
    end
    local params = {}
    for i, seg in ipairs(segs) do
        if seg.param then
            if raw[i] == "" then
                return nil
            end
            params[seg.param] = decoded[i]
        elseif seg.literal ~= raw[i] then
            return nil
        end
    end
    return params
end

--- Match a request. Returns route, params; or nil, allowed_methods (path known, method not);
--- or nil (unknown path).
function _M.match(method, raw_path)
    local raw, decoded = util.split_path(raw_path)
    local allowed, seen = {}, {}
    for _, route in ipairs(_M.list) do
        local params = try(route, raw, decoded)
        if params then
            if route.method == method then
                return route, params
            end
            if not seen[route.method] then
                seen[route.method] = true
                allowed[#allowed + 1] = route.method
            end
        end
    end
    if #allowed > 0 then
        return nil, allowed
    end
    return nil
end

-- X-RateLimit-Name for paths that match no operation, chosen by prefix.
local FAMILY_PREFIXES = {
    { "/api/v2/incidents/config/", "incident_types" },
    { "/api/v2/incidents", "incidents" },
    { "/api/v2/integration/opsgenie/", "opsgenie" },
    { "/api/v1/integration/pagerduty/", "pagerduty" },
}

function _M.family(raw_path)
    for _, p in ipairs(FAMILY_PREFIXES) do
        if raw_path:sub(1, #p[1]) == p[1] then
            return p[2]
        end
    end
    return "default"
end

return _M

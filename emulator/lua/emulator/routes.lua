-- emulator.routes: the operation table and the router.
--
-- The table is emulator.ops_gen, generated from the official client's package (every operation:
-- method, path template, success status, models, role). An operation is answered by the API
-- module that answers its collection by hand (the incidents, their integrations, incident
-- types, Opsgenie and PagerDuty services: each role by emulator.crud) or its id (search and
-- import), or else by emulator.generic from its facts. Each route's family (X-RateLimit-Name)
-- and error shape ("strings" or "jsonapi") follow from its path. Matching works on the raw
-- path split at literal '/', so a percent-encoded "%2F" never splits a parameter; a literal
-- segment beats a parameter ("/incidents/search" is not an incident id).

local util = require "emulator.util"
local gen = require "emulator.ops_gen"
local generic = require "emulator.generic"

local _M = {}

-- The modules that answer some operations by hand: each gives `collections` (collection path ->
-- emulator.crud handlers, one per role) and `handlers` (operation id -> handler).
local MODULES = {
    "emulator.api.incidents",
    "emulator.api.integrations",
    "emulator.api.incident_types",
    "emulator.api.opsgenie",
    "emulator.api.pagerduty",
}

-- X-RateLimit-Name by path prefix, the first that matches; other paths are "default".
local FAMILY_PREFIXES = {
    { "/api/v2/incidents/config/types", "incident_types" },
    { "/api/v2/incidents", "incidents" },
    { "/api/v2/integration/opsgenie/", "opsgenie" },
    { "/api/v1/integration/pagerduty/", "pagerduty" },
}

-- The families whose services answer errors as JSON:API objects.
local JSONAPI = { incidents = true, incident_types = true }

function _M.family(raw_path)
    for _, p in ipairs(FAMILY_PREFIXES) do
        if raw_path:sub(1, #p[1]) == p[1] then
            return p[2]
        end
    end
    return "default"
end

local function compile(template)
    local segments, literals = {}, 0
    for seg in (template .. "/"):gmatch("([^/]*)/") do
        local param = seg:match("^{([%w_]+)}$")
        segments[#segments + 1] = param and { param = param } or { literal = seg }
        literals = literals + (param and 0 or 1)
    end
    return segments, literals
end

local by_id, by_collection, used = {}, {}, {}
for _, name in ipairs(MODULES) do
    local mod = require(name)
    for id, fn in pairs(mod.handlers or {}) do
        by_id[id] = fn
    end
    for path, handlers in pairs(mod.collections or {}) do
        by_collection[path] = handlers
    end
end

-- A module's handler for the route, if one answers it by hand (and marks it used).
local function by_hand(route)
    local fn = by_id[route.id]
    by_id[route.id] = nil
    local coll = by_collection[route.collection]
    if coll then
        used[route.collection] = true
        return fn or coll[route.role]
    end
    return fn
end

_M.list = {}
for _, row in ipairs(gen.routes) do
    local route = {}
    for k, v in pairs(row) do
        route[k] = v
    end
    route.family = _M.family(route.path)
    route.errors = JSONAPI[route.family] and "jsonapi" or "strings"
    route.segments, route.literals = compile(route.path)
    local fn = by_hand(route)
    route.handler = fn or generic.handler(route)
    route.by_hand = fn ~= nil
    _M.list[#_M.list + 1] = route
end
-- A module answering what the table does not have is a mistake, not a route.
assert(next(by_id) == nil, "emulator: a handler for an unknown operation " .. tostring(next(by_id)))
for path in pairs(by_collection) do
    assert(used[path], "emulator: handlers for an unknown collection " .. path)
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
--- or nil (unknown path). Of the routes a path fits, the one with most literal segments wins.
function _M.match(method, raw_path)
    local raw, decoded = util.split_path(raw_path)
    local best, best_params
    local fits = {}
    for _, route in ipairs(_M.list) do
        local params = try(route, raw, decoded)
        if params then
            fits[#fits + 1] = route
            if route.method == method and (not best or route.literals > best.literals) then
                best, best_params = route, params
            end
        end
    end
    if best then
        return best, best_params
    end
    if #fits == 0 then
        return nil
    end
    -- Allow names the methods of the path's own routes: those it fits most literally
    -- (PUT /incidents/search allows GET, not GetIncident's PATCH).
    local most = 0
    for _, route in ipairs(fits) do
        most = math.max(most, route.literals)
    end
    local allowed, seen = {}, {}
    for _, route in ipairs(fits) do
        if route.literals == most and not seen[route.method] then
            seen[route.method] = true
            allowed[#allowed + 1] = route.method
        end
    end
    return nil, allowed
end

return _M

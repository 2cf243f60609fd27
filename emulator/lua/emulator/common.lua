-- emulator.common: response builders, the emulator's user and query parsing shared by handlers.

local json = require "emulator.json"
local util = require "emulator.util"

local _M = {}

-- ---------------------------------------------------------------------------------------------
-- Responses: { status = n, body = string, headers = { [lower name] = { name, value } } }
-- ---------------------------------------------------------------------------------------------

function _M.response(status, body)
    return { status = status, body = body or "", headers = {} }
end

function _M.json(status, value)
    return _M.response(status, json.encode(value))
end

--- Datadog's error body: {"errors": [...]}, as handlers write it: a message or a list of
--- messages (strings), or of error objects made by `error_object`. The list stays on the
--- response (`res.errors`), so the pipeline can answer in the JSON:API shape instead
--- (`jsonapi`) for the families that do.
function _M.errors(status, list)
    if type(list) == "string" then
        list = { list }
    end
    local res = _M.json(status, { errors = json.array(list) })
    res.errors = list
    return res
end

--- A JSON:API error object; status and title are left out when not given (real answers
--- come both ways: {"status":"404","title":"Not Found"}, {"title":"Generic Error",...}).
function _M.error_object(status, title, detail)
    return json.object { status = status and tostring(status), title = title, detail = detail }
end

--- A 404 that says no more than its status, as Datadog answers for an unknown incident.
function _M.bare_not_found()
    return _M.errors(404, { _M.error_object(404, "Not Found") })
end

-- Where a handler's message says the problem is: "data.attributes.title: ..." names a body
-- member (a JSON pointer), "page[size]: ..." a query parameter.
local function source_of(message)
    local where = message:match("^([%w_%.%[%]]+): ")
    if not where or where == "body" then
        return nil
    end
    if where:match("^data[%.%[]") or where == "data" then
        local pointer = "/" .. where:gsub("%[(%d+)%]", ".%1"):gsub("%.", "/")
        return json.object { pointer = pointer }
    end
    return json.object { parameter = where }
end

--- The response `res` (from `errors`) in the JSON:API shape of the incidents family: every
--- message becomes {status, title, detail, source}, served as application/vnd.api+json.
function _M.jsonapi(res)
    local list = json.array()
    for i, e in ipairs(res.errors) do
        if type(e) == "string" then
            e = _M.error_object(res.status, util.reason(res.status), e)
            e.source = source_of(e.detail)
        end
        list[i] = e
    end
    local out = _M.json(res.status, { errors = list })
    out.headers = res.headers
    _M.set_header(out, "Content-Type", "application/vnd.api+json")
    return out
end

function _M.not_found(what)
    return _M.errors(404, what and (what .. " not found") or "Not found")
end

function _M.set_header(res, name, value)
    res.headers[name:lower()] = { name, value }
end

-- ---------------------------------------------------------------------------------------------
-- The one user every write is attributed to
-- ---------------------------------------------------------------------------------------------

_M.USER_ID = "3f0c8a5e-2b1d-4c6e-9a7f-5d4e3c2b1a00"
_M.ORG_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
_M.ROLE_ID = "3653d3c6-0c75-11ea-ad28-fb5701eabc7d"
local USER_CREATED = "2026-01-05T09:30:00.000Z"

function _M.user_ref(id)
    return json.object { data = json.object { id = id or _M.USER_ID, type = "users" } }
end

--- A full user resource (the shape of seed 000's `included` entries).
function _M.user_object(id)
    id = id or _M.USER_ID
    local known = id == _M.USER_ID
    return json.object {
        id = id,
        type = "users",
        attributes = json.object {
            created_at = USER_CREATED,
            disabled = false,
            email = known and "emulator@example.com" or (id .. "@example.com"),
            handle = known and "emulator@example.com" or (id .. "@example.com"),
            icon = "https://secure.gravatar.com/avatar/00000000000000000000000000000000?d=retro",
            last_login_time = USER_CREATED,
            mfa_enabled = false,
            modified_at = USER_CREATED,
            name = known and "Emulator User" or json.null,
            service_account = false,
            status = "Active",
            title = known and "Site Reliability Engineer" or json.null,
            uuid = id,
            verified = true,
        },
        relationships = json.object {
            org = json.object { data = json.object { id = _M.ORG_ID, type = "orgs" } },
            other_orgs = json.object { data = json.array() },
            other_users = json.object { data = json.array() },
            roles = json.object {
                data = json.array { json.object { id = _M.ROLE_ID, type = "roles" } },
            },
        },
    }
end

--- A user as incidents embed it in their attributes (`created_by`, `commander`, ...):
--- {data: {id, type, attributes: {email, handle, icon, name, uuid}}}.
function _M.user_summary(id)
    local a = _M.user_object(id).attributes
    return json.object { data = json.object { id = a.uuid, type = "users",
        attributes = json.object { email = a.email, handle = a.handle, icon = a.icon,
            name = a.name, uuid = a.uuid } } }
end

--- `included` user objects for the given ids, each once, in first-seen order.
function _M.included_users(ids)
    local seen, out = {}, json.array()
    for _, id in ipairs(ids) do
        if id and not seen[id] then
            seen[id] = true
            out[#out + 1] = _M.user_object(id)
        end
    end
    return out
end

-- ---------------------------------------------------------------------------------------------
-- Query parameters (ngx.req.get_uri_args values: string, true for a bare key, or a list)
-- ---------------------------------------------------------------------------------------------

local function single(v)
    if type(v) == "table" then
        return v[#v]
    end
    return v
end

--- Parse `include` (comma-separated). Returns a set, or nil and an error message.
function _M.parse_include(args, allowed)
    local v = args.include
    if v == nil then
        return {}
    end
    if type(v) == "table" then
        v = table.concat(v, ",")
    end
    local set = {}
    if type(v) ~= "string" or v == "" then
        return nil, "include: must be a comma-separated list of " .. table.concat(allowed, ", ")
    end
    for item in (v .. ","):gmatch("([^,]*),") do
        item = item:match("^%s*(.-)%s*$")
        local ok = false
        for _, a in ipairs(allowed) do
            if a == item then
                ok = true
            end
        end
        if not ok then
            return nil, "include: must be a comma-separated list of " .. table.concat(allowed, ", ")
        end
        set[item] = true
    end
    return set
end

--- Parse a non-negative integer query parameter within [min, max].
function _M.parse_int(args, name, default, min, max)
    local v = single(args[name])
    if v == nil then
        return default
    end
    if type(v) ~= "string" or not v:match("^%d+$") then
        return nil, name .. ": must be an integer"
    end
    local n = tonumber(v)
    if n < min or (max and n > max) then
        if max then
            return nil, string.format("%s: must be between %d and %d", name, min, max)
        end
        return nil, string.format("%s: must be at least %d", name, min)
    end
    return n
end

--- Parse a boolean query parameter ("true"/"false", any case; a bare key means true).
function _M.parse_bool(args, name, default)
    local v = single(args[name])
    if v == nil then
        return default
    end
    if v == true then
        return true
    end
    local l = type(v) == "string" and v:lower()
    if l == "true" then
        return true
    elseif l == "false" then
        return false
    end
    return nil, name .. ": must be true or false"
end

-- ---------------------------------------------------------------------------------------------
-- Misc
-- ---------------------------------------------------------------------------------------------

--- Stamp creation and modification facts on a new record.
function _M.stamp_new(rec)
    local t = util.now()
    rec.created_t, rec.modified_t = t, t
    rec.created = util.iso8601(t)
    rec.modified = rec.created
    rec.created_by, rec.modified_by = _M.USER_ID, _M.USER_ID
    return rec
end

function _M.stamp_modified(rec)
    local t = util.now()
    rec.modified_t = t
    rec.modified = util.iso8601(t)
    rec.modified_by = _M.USER_ID
    return rec
end

--- JSON value or null.
function _M.or_null(v)
    if v == nil then
        return json.null
    end
    return v
end

return _M

-- emulator.api.integrations: incident integration metadata (v2, beta; seeds 000 and 001).
-- ListIncidentIntegrations, CreateIncidentIntegration, GetIncidentIntegration,
-- UpdateIncidentIntegration, DeleteIncidentIntegration.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local util = require "emulator.util"
local crud = require "emulator.crud"
local C = require "emulator.common"

local S = schema
local _M = {}

-- ---------------------------------------------------------------------------------------------
-- Body rules
-- ---------------------------------------------------------------------------------------------

local function str()
    return S.string {}
end

-- integration_type -> the one metadata key it allows, and that key's item rule.
local SHAPES = {
    [1] = { key = "channels", item = S.object({
        channel_id = str(), channel_name = str(), redirect_url = str(), team_id = str(),
    }, { required = { "channel_id", "channel_name", "redirect_url" } }) },
    [7] = { key = "teams", item = S.object({
        ms_tenant_id = str(), ms_channel_id = str(), ms_channel_name = str(), redirect_url = str(),
    }, { required = { "ms_tenant_id", "ms_channel_id", "ms_channel_name", "redirect_url" } }) },
    [8] = { key = "issues", item = S.object({
        account = str(), project_key = str(), issue_key = str(), issuetype_id = str(),
        redirect_url = str(),
    }, { required = { "account", "project_key" } }) },
}
local SHAPE_KEYS = { channels = 1, teams = 7, issues = 8 }

-- metadata must be exactly one of the three shapes, and the one integration_type names.
local function check_metadata(attrs, path, errs)
    local mpath = S.join(path, "metadata")
    local meta = attrs.metadata
    local found = {}
    for key in pairs(meta) do
        if SHAPE_KEYS[key] then
            found[#found + 1] = key
        end
    end
    local want = SHAPES[attrs.integration_type]
    if #found ~= 1 then
        return S.add_error(errs, mpath,
            "must have exactly one of channels (Slack), teams (Microsoft Teams), issues (Jira)")
    end
    if found[1] ~= want.key then
        return S.add_error(errs, mpath, string.format(
            "shape does not match integration_type %d (expected %s, got %s)",
            attrs.integration_type, want.key, found[1]))
    end
    local list = meta[want.key]
    local sub = S.validate(S.array(want.item), list)
    for _, e in ipairs(sub or {}) do
        -- Re-root the nested messages ("body[0].x" -> "<mpath>.<key>[0].x").
        errs[#errs + 1] = (e:gsub("^body", S.join(mpath, want.key), 1))
    end
end

local ATTRIBUTES = S.object({
    integration_type = S.integer { enum = { 1, 7, 8 } },
    metadata = S.object({}),
    incident_id = S.string {},
    status = S.integer { min = 0, max = 5 },
    created = S.string {},
    modified = S.string {},
}, { required = { "integration_type", "metadata" }, check = check_metadata })

local BODY = S.object({
    data = S.object({
        type = S.string { enum = { "incident_integrations" } },
        attributes = ATTRIBUTES,
    }, { required = { "type", "attributes" } }),
}, { required = { "data" } })

-- ---------------------------------------------------------------------------------------------
-- Rendering
-- ---------------------------------------------------------------------------------------------

local function render(rec)
    return json.object {
        id = rec.id,
        type = "incident_integrations",
        attributes = json.object {
            created = rec.created,
            modified = rec.modified,
            incident_id = rec.incident_id,
            integration_type = rec.integration_type,
            metadata = rec.metadata,
            status = rec.status,
            created_by_uuid = rec.created_by,
            last_modified_by_uuid = rec.modified_by,
        },
        relationships = json.object {
            created_by_user = C.user_ref(rec.created_by),
            last_modified_by_user = C.user_ref(rec.modified_by),
        },
    }
end

local function users_of(recs)
    local ids = {}
    for _, rec in ipairs(recs) do
        ids[#ids + 1] = rec.created_by
        ids[#ids + 1] = rec.modified_by
    end
    return C.included_users(ids)
end

-- ---------------------------------------------------------------------------------------------
-- Handlers
-- ---------------------------------------------------------------------------------------------

local function apply(rec, attrs)
    rec.integration_type = attrs.integration_type
    rec.metadata = util.deep_copy(attrs.metadata)
    if attrs.status ~= nil then
        rec.status = attrs.status
    end
end

local INTEGRATIONS = crud.handlers {
    -- The integration collection of an existing incident.
    store = function(ctx)
        local incident_id = ctx.params.incident_id
        if not state.db.incidents:get(incident_id) then
            return nil, C.bare_not_found()
        end
        local coll = state.db.integrations[incident_id]
        if not coll then
            coll = state.new_collection()
            state.db.integrations[incident_id] = coll
        end
        return coll
    end,
    missing = function()
        return C.errors(404, { C.error_object(nil, "Generic Error", "incident integration doesn't exist") })
    end,
    -- Create and patch bodies follow the same rules (seed 000's patch model requires the same
    -- fields).
    rules = { create = BODY, update = BODY },
    fresh = function(ctx)
        return { incident_id = ctx.params.incident_id, status = 0 }
    end,
    apply = function(rec, ctx)
        apply(rec, ctx.body.data.attributes)
    end,
    one = function(status, rec)
        return C.json(status, json.object { data = render(rec), included = users_of { rec } })
    end,
    many = function(recs)
        local data = json.array()
        for i, rec in ipairs(recs) do
            data[i] = render(rec)
        end
        return C.json(200, json.object {
            data = data,
            included = users_of(recs),
            meta = json.object {
                pagination = json.object { offset = 0, next_offset = #recs, size = #recs },
            },
        })
    end,
}

-- Every operation on the collection, by its role in the route table.
_M.collections = { ["/api/v2/incidents/{incident_id}/relationships/integrations"] = INTEGRATIONS }

return _M

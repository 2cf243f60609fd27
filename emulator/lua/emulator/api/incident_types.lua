-- emulator.api.incident_types: incident types (v2, beta; seed 002).
-- ListIncidentTypes, CreateIncidentType, GetIncidentType, UpdateIncidentType, DeleteIncidentType.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local util = require "emulator.util"
local crud = require "emulator.crud"
local generic = require "emulator.generic"
local C = require "emulator.common"

local S = schema
local _M = {}

-- ---------------------------------------------------------------------------------------------
-- Body rules
-- ---------------------------------------------------------------------------------------------

local CONFIGURATION = S.object({
    allow_incident_deletion = S.boolean(),
    allow_workflows = S.boolean(),
    create_message = S.any(),
    editable_timestamps = S.boolean(),
    private_incidents = S.boolean(),
    private_incidents_by_default = S.boolean(),
    slug_source = S.string { enum = { "default", "servicenow" } },
    test_incidents = S.boolean(),
})

local function attributes(required)
    return S.object({
        name = S.string { min = 1 },
        description = S.string { nullable = true },
        is_default = S.boolean(),
        prefix = S.string { nullable = true },
        configuration = CONFIGURATION,
        -- read-only, accepted and ignored
        createdAt = S.string {}, createdBy = S.string {},
        lastModifiedBy = S.string {}, modifiedAt = S.string {},
    }, { required = required })
end

local CREATE = S.object({
    data = S.object({
        type = S.string { enum = { "incident_types" } },
        attributes = attributes { "name" },
    }, { required = { "type", "attributes" } }),
}, { required = { "data" } })

local UPDATE = S.object({
    data = S.object({
        id = S.string { min = 1 },
        type = S.string { enum = { "incident_types" } },
        attributes = attributes {},
    }, { required = { "id", "type", "attributes" } }),
}, { required = { "data" } })

-- ---------------------------------------------------------------------------------------------
-- Records and rendering
-- ---------------------------------------------------------------------------------------------

local function config_ref(id, kind)
    return json.object { data = json.object { id = id, type = kind } }
end

local function render(rec)
    local attrs = json.object {
        createdAt = rec.created,
        createdBy = rec.created_by,
        description = C.or_null(rec.description),
        is_default = rec.is_default,
        lastModifiedBy = rec.modified_by,
        modifiedAt = rec.modified,
        name = rec.name,
        prefix = C.or_null(rec.prefix),
    }
    if rec.configuration then
        attrs.configuration = rec.configuration
    end
    if rec.deleted then
        attrs.deleted = true
        attrs.deletedAt = rec.deleted_at
    end
    return json.object {
        id = rec.id,
        type = "incident_types",
        attributes = attrs,
        relationships = json.object {
            created_by_user = C.user_ref(rec.created_by),
            last_modified_by_user = C.user_ref(rec.modified_by),
            google_meet_configuration = config_ref(rec.google_meet_id, "google_meet_configurations"),
            microsoft_teams_configuration = config_ref(rec.teams_id, "microsoft_teams_configurations"),
            zoom_configuration = config_ref(rec.zoom_id, "zoom_configurations"),
        },
    }
end

local function apply(rec, attrs)
    for _, k in ipairs { "name", "is_default" } do
        if attrs[k] ~= nil then
            rec[k] = attrs[k]
        end
    end
    for _, k in ipairs { "description", "prefix" } do
        if attrs[k] == json.null then
            rec[k] = nil
        elseif attrs[k] ~= nil then
            rec[k] = attrs[k]
        end
    end
    if attrs.configuration then
        rec.configuration = rec.configuration or json.object()
        for k, v in pairs(attrs.configuration) do
            rec.configuration[k] = util.deep_copy(v)
        end
    end
    -- One default type at a time.
    if attrs.is_default == true then
        for _, other in ipairs(state.db.incident_types:list()) do
            if other ~= rec then
                other.is_default = false
            end
        end
    end
end

-- ---------------------------------------------------------------------------------------------
-- Handlers
-- ---------------------------------------------------------------------------------------------

local TYPES = crud.handlers {
    prepare = function(ctx)
        return generic.check_query(ctx.route, ctx.args)
    end,
    store = function()
        return state.db.incident_types
    end,
    -- A deleted type stays listed for include_deleted=true, but is gone for everything else.
    find = function(coll, id)
        local rec = coll:get(id)
        return rec and not rec.deleted and rec or nil
    end,
    noun = "Incident type",
    rules = { create = CREATE, update = UPDATE },
    check_id = true,
    fresh = function()
        return {
            is_default = false,
            prefix = "IR",
            google_meet_id = util.uuid4(),
            teams_id = util.uuid4(),
            zoom_id = util.uuid4(),
        }
    end,
    apply = function(rec, ctx)
        apply(rec, ctx.body.data.attributes)
    end,
    render = render,
    many = function(recs, ctx)
        local include_deleted = C.parse_bool(ctx.args, "include_deleted", false)
        local data = json.array()
        for _, rec in ipairs(recs) do
            if include_deleted or not rec.deleted then
                data[#data + 1] = render(rec)
            end
        end
        return C.json(200, json.object { data = data })
    end,
    -- Kept, flagged: ListIncidentTypes?include_deleted=true still shows it.
    remove = function(rec)
        rec.deleted = true
        rec.deleted_at = util.iso8601()
        rec.is_default = false
    end,
}

-- Every operation on the collection, by its role in the route table.
_M.collections = { ["/api/v2/incidents/config/types"] = TYPES }

return _M

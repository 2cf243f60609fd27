-- emulator.api.incident_types: incident types (v2, beta; seed 002).
-- ListIncidentTypes, CreateIncidentType, GetIncidentType, UpdateIncidentType, DeleteIncidentType.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local util = require "emulator.util"
local C = require "emulator.common"

local S = schema
local _M = { family = "incident_types", errors = "jsonapi" }

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

local function live(id)
    local rec = state.db.incident_types:get(id)
    if rec and not rec.deleted then
        return rec
    end
    return nil
end

local function list(ctx)
    local include_deleted, err = C.parse_bool(ctx.args, "include_deleted", false)
    if include_deleted == nil then
        return C.errors(400, err)
    end
    local data = json.array()
    for _, rec in ipairs(state.db.incident_types:list()) do
        if include_deleted or not rec.deleted then
            data[#data + 1] = render(rec)
        end
    end
    return C.json(200, json.object { data = data })
end

local function create(ctx)
    local errs = schema.validate(CREATE, ctx.body)
    if errs then
        return C.errors(400, errs)
    end
    local rec = C.stamp_new {
        id = util.uuid4(),
        is_default = false,
        prefix = "IR",
        google_meet_id = util.uuid4(),
        teams_id = util.uuid4(),
        zoom_id = util.uuid4(),
    }
    apply(rec, ctx.body.data.attributes)
    state.db.incident_types:add(rec.id, rec)
    return C.json(201, json.object { data = render(rec) })
end

local function get(ctx)
    local rec = live(ctx.params.incident_type_id)
    if not rec then
        return C.not_found("Incident type")
    end
    return C.json(200, json.object { data = render(rec) })
end

local function update(ctx)
    local id = ctx.params.incident_type_id
    local rec = live(id)
    if not rec then
        return C.not_found("Incident type")
    end
    local errs = schema.validate(UPDATE, ctx.body)
    if errs then
        return C.errors(400, errs)
    end
    if ctx.body.data.id ~= id then
        return C.errors(400, "data.id: must match the incident_type_id in the path")
    end
    apply(rec, ctx.body.data.attributes)
    C.stamp_modified(rec)
    return C.json(200, json.object { data = render(rec) })
end

local function delete(ctx)
    local rec = live(ctx.params.incident_type_id)
    if not rec then
        return C.not_found("Incident type")
    end
    -- Kept, flagged: ListIncidentTypes?include_deleted=true still shows it.
    rec.deleted = true
    rec.deleted_at = util.iso8601()
    rec.is_default = false
    return C.response(204)
end

local BASE = "/api/v2/incidents/config/types"
local ITEM = BASE .. "/{incident_type_id}"

_M.routes = {
    { id = "ListIncidentTypes", method = "GET", path = BASE, handler = list },
    { id = "CreateIncidentType", method = "POST", path = BASE, body = true, handler = create },
    { id = "GetIncidentType", method = "GET", path = ITEM, handler = get },
    { id = "UpdateIncidentType", method = "PATCH", path = ITEM, body = true, handler = update },
    { id = "DeleteIncidentType", method = "DELETE", path = ITEM, handler = delete },
}

return _M

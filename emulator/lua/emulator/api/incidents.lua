-- emulator.api.incidents: ListIncidents, CreateIncident, GetIncident, UpdateIncident,
-- DeleteIncident, and the incidents' ImportIncident and SearchIncidents (v2, beta).

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local util = require "emulator.util"
local crud = require "emulator.crud"
local generic = require "emulator.generic"
local models = require "emulator.models"
local C = require "emulator.common"

local S = schema
local _M = {}

local INCLUDES = { "users", "attachments" }
local STATES = { "active", "stable", "resolved" }
local SEVERITIES = { "UNKNOWN", "SEV-0", "SEV-1", "SEV-2", "SEV-3", "SEV-4", "SEV-5" }

-- ---------------------------------------------------------------------------------------------
-- Body rules
-- ---------------------------------------------------------------------------------------------

local dropdown = function(enum)
    return S.object({ type = S.string {}, value = S.string { enum = enum, nullable = true } })
end

local FIELDS = S.object({ state = dropdown(STATES), severity = dropdown(SEVERITIES) })

local COMMANDER = S.object({
    data = S.object({
        id = S.string { min = 1 },
        type = S.string { enum = { "users" } },
    }, { required = { "id", "type" }, nullable = true }),
}, { required = { "data" } })

local RELATIONSHIPS = S.object({ commander_user = COMMANDER })

local function attributes(required)
    return S.object({
        title = S.string { min = 1 },
        customer_impacted = S.boolean(),
        customer_impact_scope = S.string { nullable = true },
        customer_impact_start = S.string { nullable = true },
        customer_impact_end = S.string { nullable = true },
        detected = S.string { nullable = true },
        fields = FIELDS,
        notification_handles = S.array(S.object({
            display_name = S.string {},
            handle = S.string {},
        })),
        incident_type_uuid = S.string { nullable = true },
        initial_cells = S.array(S.any()),
        is_test = S.boolean(),
    }, { required = required })
end

local CREATE = S.object({
    data = S.object({
        type = S.string { enum = { "incidents" } },
        attributes = attributes { "title", "customer_impacted" },
        relationships = RELATIONSHIPS,
    }, { required = { "type", "attributes" } }),
}, { required = { "data" } })

local UPDATE = S.object({
    data = S.object({
        id = S.string { min = 1 },
        type = S.string { enum = { "incidents" } },
        attributes = attributes {},
        relationships = RELATIONSHIPS,
    }, { required = { "id", "type" } }),
}, { required = { "data" } })

-- ---------------------------------------------------------------------------------------------
-- Records and rendering
-- ---------------------------------------------------------------------------------------------

local function field_value(fields, name)
    local f = fields and fields[name]
    if type(f) == "table" and type(f.value) == "string" then
        return f.value
    end
    return nil
end

-- Copy the writable attributes of a validated body onto the record.
local function apply(rec, attrs, rels)
    attrs = attrs or {}
    for _, k in ipairs { "title", "customer_impacted", "is_test" } do
        if attrs[k] ~= nil then
            rec[k] = attrs[k]
        end
    end
    for _, k in ipairs { "customer_impact_scope", "customer_impact_start", "customer_impact_end",
        "detected", "incident_type_uuid" } do
        if attrs[k] == json.null then
            rec[k] = nil
        elseif attrs[k] ~= nil then
            rec[k] = attrs[k]
        end
    end
    if attrs.notification_handles then
        rec.notification_handles = util.deep_copy(attrs.notification_handles)
    end
    if attrs.fields then
        for name, f in pairs(attrs.fields) do
            rec.fields[name] = util.deep_copy(f)
        end
        rec.state = field_value(attrs.fields, "state") or rec.state
        rec.severity = field_value(attrs.fields, "severity") or rec.severity
    end
    if rels and rels.commander_user then
        local d = rels.commander_user.data
        rec.commander = (d ~= json.null) and d.id or nil
    end
    if rec.state == "resolved" then
        if not rec.resolved then
            rec.resolved_t = util.now()
            rec.resolved = util.iso8601(rec.resolved_t)
        end
    else
        rec.resolved, rec.resolved_t = nil, nil
    end
end

-- The fields every incident has, as Datadog fills them in when it is declared.
local DEFAULT_FIELDS = {
    detection_method = { "dropdown", "unknown" },
    root_cause = { "textbox" },
    services = { "autocomplete" },
    summary = { "textbox" },
    teams = { "autocomplete" },
}

local function render(rec)
    local fields = json.object()
    for name, f in pairs(DEFAULT_FIELDS) do
        fields[name] = json.object { type = f[1], value = C.or_null(f[2]) }
    end
    for name, f in pairs(rec.fields) do
        fields[name] = f
    end
    fields.state = json.object { type = "dropdown", value = rec.state }
    fields.severity = json.object { type = "dropdown", value = rec.severity }

    local integrations = json.array()
    local coll = state.db.integrations[rec.id]
    if coll then
        for _, it in ipairs(coll:list()) do
            integrations[#integrations + 1] = json.object { id = it.id, type = "incident_integrations" }
        end
    end

    local time_to_resolve = rec.resolved_t and math.floor(rec.resolved_t - rec.created_t) or 0
    return json.object {
        id = rec.id,
        type = "incidents",
        attributes = json.object {
            public_id = rec.public_id,
            title = rec.title,
            is_test = rec.is_test == true,
            commander = rec.commander and C.user_summary(rec.commander) or json.null,
            created_by = C.user_summary(rec.created_by),
            created_by_uuid = rec.created_by,
            declared_by = C.user_summary(rec.created_by),
            declared_by_uuid = rec.created_by,
            last_modified_by = C.user_summary(rec.modified_by),
            last_modified_by_uuid = rec.modified_by,
            creation_idempotency_key = json.null,
            field_analytics = json.null,
            customer_impacted = rec.customer_impacted,
            customer_impact_scope = C.or_null(rec.customer_impact_scope),
            customer_impact_start = C.or_null(rec.customer_impact_start),
            customer_impact_end = C.or_null(rec.customer_impact_end),
            customer_impact_duration = 0,
            created = rec.created,
            modified = rec.modified,
            declared = rec.created,
            detected = rec.detected or rec.created,
            resolved = C.or_null(rec.resolved),
            state = rec.state,
            severity = rec.severity,
            fields = fields,
            notification_handles = rec.notification_handles,
            incident_type_uuid = C.or_null(rec.incident_type_uuid),
            time_to_detect = 0,
            time_to_internal_response = 0,
            time_to_repair = time_to_resolve,
            time_to_resolve = time_to_resolve,
            archived = json.null,
            case_id = json.null,
            non_datadog_creator = json.null,
            visibility = "organization",
        },
        relationships = json.object {
            commander_user = rec.commander and C.user_ref(rec.commander)
                or json.object { data = json.null },
            created_by_user = C.user_ref(rec.created_by),
            declared_by_user = C.user_ref(rec.created_by),
            last_modified_by_user = C.user_ref(rec.modified_by),
            impacts = json.object { data = json.array() },
            integrations = json.object { data = integrations },
            attachments = json.object { data = json.array() },
            responders = json.object { data = json.array() },
            user_defined_fields = json.object { data = json.array() },
        },
    }
end

local function users_of(recs)
    local ids = {}
    for _, rec in ipairs(recs) do
        ids[#ids + 1] = rec.created_by
        ids[#ids + 1] = rec.modified_by
        ids[#ids + 1] = rec.commander
    end
    return C.included_users(ids)
end

local function document(data, recs, include)
    local doc = json.object { data = data }
    if include.users or include.attachments then
        doc.included = include.users and users_of(recs) or json.array()
    end
    return doc
end

-- ---------------------------------------------------------------------------------------------
-- Handlers
-- ---------------------------------------------------------------------------------------------

-- A new incident's record, before its attributes are applied.
local function new_record()
    local db = state.db
    local rec = C.stamp_new {
        id = util.uuid4(),
        public_id = db.next_public_id,
        fields = {},
        notification_handles = json.array(),
        state = "active",
        severity = "UNKNOWN",
    }
    db.next_public_id = db.next_public_id + 1
    return rec
end

-- `include` is checked first, whatever else the request holds; a list also pages.
local function include_of(ctx)
    return C.parse_include(ctx.args, INCLUDES)
end

local INCIDENTS = crud.handlers {
    prepare = function(ctx)
        local include, err = include_of(ctx)
        if not include then
            return C.errors(400, err)
        end
        if ctx.route.role == "list" then
            for _, p in ipairs { { "page[size]", 10, 1, 100 }, { "page[offset]", 0, 0 } } do
                local n, perr = C.parse_int(ctx.args, p[1], p[2], p[3], p[4])
                if not n then
                    return C.errors(400, perr)
                end
            end
        end
        return nil
    end,
    store = function()
        return state.db.incidents
    end,
    missing = C.bare_not_found,
    rules = { create = CREATE, update = UPDATE },
    check_id = true,
    fresh = new_record,
    apply = function(rec, ctx)
        apply(rec, ctx.body.data.attributes, ctx.body.data.relationships)
    end,
    one = function(status, rec, ctx)
        return C.json(status, document(render(rec), { rec }, include_of(ctx)))
    end,
    many = function(all, ctx)
        local size = C.parse_int(ctx.args, "page[size]", 10, 1, 100)
        local offset = C.parse_int(ctx.args, "page[offset]", 0, 0)
        local page, data = {}, json.array()
        for i = offset + 1, math.min(#all, offset + size) do
            page[#page + 1] = all[i]
            data[#data + 1] = render(all[i])
        end
        local doc = document(data, page, include_of(ctx))
        doc.meta = json.object {
            pagination = json.object { offset = offset, next_offset = offset + size, size = size },
        }
        return C.json(200, doc)
    end,
    -- An incident's integrations and everything else filed under it go with it.
    remove = function(rec, coll)
        coll:remove(rec.id)
        state.db.integrations[rec.id] = nil
        state.drop_under("/api/v2/incidents/" .. rec.id .. "/")
    end,
}

-- ImportIncident: an incident from another tool, with its own title, times and fields; it is
-- an incident like any other afterwards.
local function import(ctx)
    local res = generic.check_query(ctx.route, ctx.args)
    if res then
        return res
    end
    local errs = schema.validate(models.rule(ctx.route.body), ctx.body)
    if errs then
        return C.errors(400, errs)
    end
    local a = ctx.body.data.attributes
    local rec = new_record()
    rec.title, rec.customer_impacted = a.title, false
    for _, k in ipairs { "detected", "incident_type_uuid" } do
        if type(a[k]) == "string" then
            rec[k] = a[k]
        end
    end
    if type(a.fields) == "table" then
        rec.state = field_value(a.fields, "state") or rec.state
        rec.severity = field_value(a.fields, "severity") or rec.severity
    end
    if type(a.resolved) == "string" then
        rec.state, rec.resolved, rec.resolved_t = "resolved", a.resolved, util.now()
    end
    state.db.incidents:add(rec.id, rec)
    return C.json(ctx.route.success, json.object { data = render(rec) })
end

-- SearchIncidents' query: whitespace-separated terms, all of which must hold; `key:value`
-- compares an attribute (state:active, severity:SEV-1, public_id:3), any other term is looked
-- for in the title, regardless of case.
local function matches(rec, query)
    for term in query:gmatch("%S+") do
        local key, value = term:match("^([%w_]+):(.+)$")
        if key then
            local have = rec[key]
            if have == nil or tostring(have):lower() ~= value:lower() then
                return false
            end
        elseif not rec.title:lower():find(term:lower(), 1, true) then
            return false
        end
    end
    return true
end

local function search(ctx)
    local res = generic.check_query(ctx.route, ctx.args)
    if res then
        return res
    end
    local size, serr = C.parse_int(ctx.args, "page[size]", 10, 1, 100)
    if not size then
        return C.errors(400, serr)
    end
    local offset, oerr = C.parse_int(ctx.args, "page[offset]", 0, 0)
    if not offset then
        return C.errors(400, oerr)
    end
    local query = ctx.args.query
    query = type(query) == "table" and query[#query] or query
    local found = state.db.incidents:list(function(rec)
        return matches(rec, query)
    end)
    if ctx.args.sort == "-created" then
        local reversed = {}
        for i = #found, 1, -1 do
            reversed[#reversed + 1] = found[i]
        end
        found = reversed
    end
    local incidents = json.array()
    for i = offset + 1, math.min(#found, offset + size) do
        incidents[#incidents + 1] = json.object { data = render(found[i]) }
    end
    return C.json(200, json.object {
        data = json.object {
            type = "incidents_search_results",
            attributes = json.object {
                facets = json.object(),
                incidents = incidents,
                total = #found,
            },
        },
        meta = json.object {
            pagination = json.object { offset = offset, next_offset = offset + size, size = size },
        },
    })
end

-- Every operation on the collection, by its role in the route table.
_M.collections = { ["/api/v2/incidents"] = INCIDENTS }

_M.handlers = {
    ImportIncident = import,
    SearchIncidents = search,
}

return _M

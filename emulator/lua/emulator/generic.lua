-- emulator.generic: every operation no API module answers by hand, served from its route's
-- facts (emulator.ops_gen) by role:
--   list, create, read, update, delete   a stateful collection through emulator.crud: items keep
--                                        the attributes and relationships they were given
--   document_read|write|delete           one document per path (global settings, handles)
--   action                               a fixed answer in the response model's shape (pages,
--                                        AI postmortems, ServiceNow records, org settings)
-- Bodies are checked against the request model (required fields, types, enums, by path), query
-- parameters against their declared types, and a path's incident must exist, for every role.

local json = require "emulator.json"
local models = require "emulator.models"
local schema = require "emulator.schema"
local state = require "emulator.state"
local util = require "emulator.util"
local crud = require "emulator.crud"
local C = require "emulator.common"

local gen = require "emulator.ops_gen"

local _M = {}

-- ---------------------------------------------------------------------------------------------
-- Requests: parents, query parameters, bodies
-- ---------------------------------------------------------------------------------------------

-- Path parameters that name a resource the addressed one hangs off: it must exist.
local PARENTS = {
    incident_id = function(id)
        if state.db.incidents:get(id) then
            return nil
        end
        return C.bare_not_found()
    end,
    incident_type_id = function(id)
        local rec = state.db.incident_types:get(id)
        if rec and not rec.deleted then
            return nil
        end
        return C.not_found("Incident type")
    end,
}

local function check_parents(route, params)
    for name, value in pairs(params) do
        if name ~= route.id_param and PARENTS[name] then
            local res = PARENTS[name](value)
            if res then
                return res
            end
        end
    end
    return nil
end

local function single(v)
    return type(v) == "table" and v[#v] or v
end

-- The problem with one query value of TypeScript type `t`, or nil.
local function query_problem(t, v)
    if t == "number" then
        if type(v) ~= "string" or not v:match("^%d+$") then
            return "must be an integer"
        end
    elseif t == "boolean" then
        local l = type(v) == "string" and v:lower()
        if v ~= true and l ~= "true" and l ~= "false" then
            return "must be true or false"
        end
    else
        local values = gen.enums[t:match("^Array<(.+)>$") or t]
        if values and type(v) == "string" then
            for item in (v .. ","):gmatch("([^,]*),") do
                local ok = false
                for _, e in ipairs(values) do
                    ok = ok or e == item
                end
                if not ok then
                    return "must be one of " .. table.concat(values, ", ")
                end
            end
        elseif type(v) ~= "string" then
            return "must be a string"
        end
    end
    return nil
end

--- Check the request's query parameters against the route's: a 400 naming the first problem
--- of each, or nil.
function _M.check_query(route, args)
    local errs = {}
    for _, q in ipairs(route.query or {}) do
        local v = single(args[q.name])
        if v == nil then
            if q.required then
                errs[#errs + 1] = q.name .. ": is required"
            end
        else
            local problem = query_problem(q.type, v)
            if problem then
                errs[#errs + 1] = q.name .. ": " .. problem
            end
        end
    end
    if #errs > 0 then
        return C.errors(400, errs)
    end
    return nil
end

local function prepare(ctx)
    return _M.check_query(ctx.route, ctx.args) or check_parents(ctx.route, ctx.params)
end

local function check_body(ctx)
    if not ctx.route.body then
        return nil
    end
    local errs = schema.validate(models.rule(ctx.route.body), ctx.body)
    return errs and C.errors(400, errs)
end

-- ---------------------------------------------------------------------------------------------
-- Answers
-- ---------------------------------------------------------------------------------------------

-- Attribute names the answers fill with the record's own times and author.
local STAMPS = {
    created = "created", created_at = "created", createdAt = "created",
    modified = "modified", modified_at = "modified", modifiedAt = "modified",
    updated_at = "modified", last_modified = "modified",
}

-- The response model's `data` model (the element model for a list).
local function data_model(route)
    return route.response and models.field_model(route.response, "data")
end

-- One resource object in the shape of `model`: a sample of it, with the record's id, the
-- attributes and relationships it holds that the model has, and its times. `filled`: every
-- plain attribute the model has is given a value (fixed answers), not only the required ones.
local function resource(model, rec, filled)
    local out = models.sample(model)
    out.id = rec.id
    local amodel = models.field_model(model, "attributes")
    if amodel then
        local attrs = (filled and models.filled or models.sample)(amodel)
        local known = models.fields(amodel)
        for k, v in pairs(rec.attributes or {}) do
            if known[k] then
                attrs[k] = v
            end
        end
        for k in pairs(known) do
            if STAMPS[k] and rec[STAMPS[k]] then
                attrs[k] = rec[STAMPS[k]]
            end
        end
        out.attributes = attrs
    end
    if rec.relationships and models.fields(model).relationships then
        out.relationships = rec.relationships
    end
    return out
end

-- The whole answer of `route` around `data` (a resource object, a list of them, or nil).
local function document(route, data)
    local doc = models.sample(route.response)
    if data ~= nil then
        doc.data = data
    end
    return doc
end

-- Copy a body's data.attributes and relationships onto a record (null removes an attribute).
local function absorb(rec, body)
    local data = type(body) == "table" and body.data
    if type(data) ~= "table" then
        return
    end
    rec.attributes = rec.attributes or json.object()
    for k, v in pairs(type(data.attributes) == "table" and data.attributes or {}) do
        if v == json.null then
            rec.attributes[k] = nil
        else
            rec.attributes[k] = util.deep_copy(v)
        end
    end
    if type(data.relationships) == "table" then
        rec.relationships = util.deep_copy(data.relationships)
    end
end

-- ---------------------------------------------------------------------------------------------
-- Stateful collections
-- ---------------------------------------------------------------------------------------------

-- The concrete collection path: the route's template with this request's parents filled in.
local function collection_key(route, params)
    return (route.collection:gsub("{([%w_]+)}", params))
end

-- "/api/v2/incidents/config/notification-rules" -> "Notification rule"
local function noun(route)
    local last = route.collection:match("([^/]+)$"):gsub("%-", " "):gsub("s$", "")
    return last:sub(1, 1):upper() .. last:sub(2)
end

local function page(ctx, recs)
    local args = ctx.args
    if not args["page[size]"] then
        return recs
    end
    local size = tonumber(single(args["page[size]"]))
    local offset = tonumber(single(args["page[offset]"] or 0))
    if args["page[number]"] then
        offset = tonumber(single(args["page[number]"])) * size
    end
    local out = {}
    for i = offset + 1, math.min(#recs, offset + size) do
        out[#out + 1] = recs[i]
    end
    return out
end

local COLLECTION = crud.handlers {
    prepare = prepare,
    store = function(ctx)
        return state.items(collection_key(ctx.route, ctx.params))
    end,
    missing = function(ctx)
        return C.not_found(noun(ctx.route))
    end,
    rule = function(ctx)
        return models.rule(ctx.route.body)
    end,
    apply = function(rec, ctx)
        absorb(rec, ctx.body)
    end,
    check_id = true,
    one = function(status, rec, ctx)
        return C.json(status, document(ctx.route, resource(data_model(ctx.route), rec)))
    end,
    many = function(recs, ctx)
        local data = json.array()
        local model = data_model(ctx.route)
        for i, rec in ipairs(page(ctx, recs)) do
            data[i] = resource(model, rec)
        end
        return C.json(ctx.route.success, document(ctx.route, data))
    end,
}

-- ---------------------------------------------------------------------------------------------
-- Documents and actions
-- ---------------------------------------------------------------------------------------------

-- Whether model `name`'s `data` is a list.
local function data_is_list(name)
    for _, f in ipairs(gen.models[name] or {}) do
        if f.name == "data" then
            return f.type:match("^Array<") ~= nil
        end
    end
    return false
end

-- A document's answer: the stored record (or a fresh one), or a list of at most the one.
local function document_answer(ctx, rec)
    local route = ctx.route
    local model = data_model(route)
    local data
    if model and data_is_list(route.response) then
        data = json.array { rec and resource(model, rec) or nil }
    elseif model then
        data = resource(model, rec or C.stamp_new { id = util.uuid4() })
    end
    return C.json(route.success, document(route, data))
end

local DOCUMENT = {
    document_read = function(ctx)
        return document_answer(ctx, state.db.documents[collection_key(ctx.route, ctx.params)])
    end,
    document_write = function(ctx)
        local key = collection_key(ctx.route, ctx.params)
        local rec = state.db.documents[key]
        if rec then
            C.stamp_modified(rec)
        else
            rec = C.stamp_new { id = util.uuid4() }
            state.db.documents[key] = rec
        end
        absorb(rec, ctx.body)
        return document_answer(ctx, rec)
    end,
    document_delete = function(ctx)
        state.db.documents[collection_key(ctx.route, ctx.params)] = nil
        return C.response(ctx.route.success)
    end,
}

-- A fixed answer: the response model's shape, carrying what the body said that it has.
local function action(ctx)
    local route = ctx.route
    if not route.response then
        return C.response(route.success)
    end
    local rec = C.stamp_new { id = util.uuid4() }
    absorb(rec, ctx.body)
    local model = data_model(route)
    local data = model and resource(model, rec, true)
    if data and data_is_list(route.response) then
        data = json.array { data }
    end
    return C.json(route.success, document(route, data))
end

-- ---------------------------------------------------------------------------------------------
-- The handler of a route
-- ---------------------------------------------------------------------------------------------

--- The handler serving `route` by its role. Every one checks the query, the parents and the
--- body first.
function _M.handler(route)
    local h = COLLECTION[route.role]
    if h then
        return function(ctx)
            return h(ctx)
        end
    end
    local fn = DOCUMENT[route.role] or action
    return function(ctx)
        local res = prepare(ctx) or check_body(ctx)
        if res then
            return res
        end
        return fn(ctx)
    end
end

return _M

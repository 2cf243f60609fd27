-- emulator.crud: the list/create/read/update/delete flow every stateful resource shares.
--
-- A resource says where its items live and how they look; this file owns the order of the
-- checks, so every resource answers alike: the operation's own checks (`prepare`: query
-- parameters), the parent (`store`: 404 when the incident an item hangs off is gone), the item
-- (404 in the resource's words), the body (400 with every problem), `data.id` against the path,
-- then the change, answered with the route's documented success status.
--
-- spec fields (all functions get the request context `ctx`; `ctx.route` is the operation, whose
-- `id_param` names the path parameter of one item):
--   store(ctx)      -> collection, or nil and the response for a missing parent
--   noun            what an item is called: an unknown one is a 404 "<noun> not found"
--   missing(ctx)    -> the 404 for an unknown item, when it says something else
--   find(coll, id)  -> the item (default: coll:get(id))
--   prepare(ctx)    -> a response to answer instead (a bad query), or nil
--   rules           emulator.schema rules of the bodies: { create = rule, update = rule }
--   rule(ctx, how)  -> the rule, when it depends on the route (how: "create" or "update")
--   check_id        update bodies carry data.id, which must equal the path's
--   fresh(ctx)      -> a new record's own facts before its body is applied (default {}); it gets
--                      a random id unless it has one, and its creation stamps
--   apply(rec, ctx, coll) -> nil, or a response (409, a cross-field 400): copies a valid create
--                      or update body onto the record
--   new(ctx, coll)  -> instead of fresh and apply: the record, or nil and a response
--   key(rec)        the record's key in its collection (default rec.id)
--   render(rec)     -> the record's resource object; the answers are then {data = ...}
--   one(status, rec, ctx, how) -> instead: the answer for one record (how: "create", "read",
--                      "update")
--   many(recs, ctx) -> instead: the answer for the list
--   remove(rec, coll, ctx)  (default: take it out of the collection)

local json = require "emulator.json"
local schema = require "emulator.schema"
local util = require "emulator.util"
local C = require "emulator.common"

local _M = {}

local function rule_of(spec, ctx, how)
    if spec.rules then
        return spec.rules[how]
    end
    return spec.rule(ctx, how)
end

local function key_of(spec, rec)
    return spec.key and spec.key(rec) or rec.id
end

-- The collection and the addressed item, or nil and the response that says which is missing.
local function locate(spec, ctx, with_item)
    if spec.prepare then
        local res = spec.prepare(ctx)
        if res then
            return nil, res
        end
    end
    local coll, res = spec.store(ctx)
    if not coll then
        return nil, res
    end
    if not with_item then
        return coll
    end
    local id = ctx.params[ctx.route.id_param]
    local rec
    if spec.find then
        rec = spec.find(coll, id)
    else
        rec = coll:get(id)
    end
    if not rec then
        return nil, spec.missing and spec.missing(ctx) or C.not_found(spec.noun)
    end
    return coll, rec
end

local function one_document(spec, status, rec)
    return C.json(status, json.object { data = spec.render(rec) })
end

local function list_document(spec, recs)
    local data = json.array()
    for i, rec in ipairs(recs) do
        data[i] = spec.render(rec)
    end
    return C.json(200, json.object { data = data })
end

--- The five handlers of a resource, keyed by the role their routes have in emulator.ops_gen
--- (list, create, read, update, delete).
function _M.handlers(spec)
    local h = {}
    local one = spec.one or function(status, rec)
        return one_document(spec, status, rec)
    end
    local many = spec.many or function(recs)
        return list_document(spec, recs)
    end

    function h.list(ctx)
        local coll, res = locate(spec, ctx)
        if not coll then
            return res
        end
        return many(coll:list(), ctx)
    end

    function h.create(ctx)
        local coll, res = locate(spec, ctx)
        if not coll then
            return res
        end
        local errs = schema.validate(rule_of(spec, ctx, "create"), ctx.body)
        if errs then
            return C.errors(400, errs)
        end
        local rec, err
        if spec.new then
            rec, err = spec.new(ctx, coll)
        else
            rec = C.stamp_new(spec.fresh and spec.fresh(ctx) or {})
            rec.id = rec.id or util.uuid4()
            err = spec.apply(rec, ctx, coll)
        end
        if err then
            return err
        end
        coll:add(key_of(spec, rec), rec)
        return one(ctx.route.success, rec, ctx, "create")
    end

    -- The handlers that address one item get its collection and the item, or answer the 404.
    local function with_item(fn)
        return function(ctx)
            local coll, rec = locate(spec, ctx, true)
            if not coll then
                return rec
            end
            return fn(ctx, coll, rec)
        end
    end

    h.read = with_item(function(ctx, _, rec)
        return one(ctx.route.success, rec, ctx, "read")
    end)

    h.update = with_item(function(ctx, coll, rec)
        local errs = schema.validate(rule_of(spec, ctx, "update"), ctx.body)
        if errs then
            return C.errors(400, errs)
        end
        local data = ctx.body.data
        if spec.check_id and type(data) == "table" and data.id ~= nil
            and data.id ~= ctx.params[ctx.route.id_param] then
            return C.errors(400, "data.id: must match the " .. ctx.route.id_param .. " in the path")
        end
        local err = spec.apply(rec, ctx, coll)
        if err then
            return err
        end
        C.stamp_modified(rec)
        return one(ctx.route.success, rec, ctx, "update")
    end)

    h.delete = with_item(function(ctx, coll, rec)
        if spec.remove then
            spec.remove(rec, coll, ctx)
        else
            coll:remove(key_of(spec, rec))
        end
        return C.response(ctx.route.success)
    end)

    return h
end

return _M

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
--   new(ctx, coll)  -> a record made from a valid create body, or nil and a response (409)
--   apply(rec, ctx, coll) -> nil, or a response (409, a cross-field 400): copies an update body
--   key(rec)        the record's key in its collection (default rec.id)
--   one(status, rec, ctx, how) -> the answer for one record (how: "create", "read", "update")
--   many(recs, ctx) -> the answer for the list
--   remove(rec, coll, ctx)  (default: take it out of the collection)

local schema = require "emulator.schema"
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

--- The five handlers of a resource, keyed by the role their routes have in emulator.ops_gen
--- (list, create, read, update, delete).
function _M.handlers(spec)
    local h = {}

    function h.list(ctx)
        local coll, res = locate(spec, ctx)
        if not coll then
            return res
        end
        return spec.many(coll:list(), ctx)
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
        local rec, err = spec.new(ctx, coll)
        if not rec then
            return err
        end
        coll:add(key_of(spec, rec), rec)
        return spec.one(ctx.route.success, rec, ctx, "create")
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
        return spec.one(ctx.route.success, rec, ctx, "read")
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
        return spec.one(ctx.route.success, rec, ctx, "update")
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

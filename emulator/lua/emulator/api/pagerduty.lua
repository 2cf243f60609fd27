-- emulator.api.pagerduty: PagerDuty integration services (v1, stable; seed 004).
-- CreatePagerDutyIntegrationService, GetPagerDutyIntegrationService,
-- UpdatePagerDutyIntegrationService, DeletePagerDutyIntegrationService.
--
-- Services are keyed by their decoded name: the path segment arrives percent-encoded and the
-- router decodes it, so names holding '/', '?', '#', spaces or any UTF-8 work.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local crud = require "emulator.crud"
local C = require "emulator.common"

local S = schema
local _M = {}

local CREATE = S.object({
    service_key = S.string { min = 1 },
    service_name = S.string { min = 1 },
}, { required = { "service_key", "service_name" } })

local UPDATE = S.object({
    service_key = S.string { min = 1 },
}, { required = { "service_key" } })

-- The reference documents no body for UpdatePagerDutyIntegrationService's 200: none is sent.
local function one(status, rec, _, how)
    if how == "update" then
        return C.response(status)
    end
    return C.json(status, json.object { service_name = rec.name })
end

local SERVICES = crud.handlers {
    store = function()
        return state.db.pagerduty
    end,
    noun = "PagerDuty service",
    rules = { create = CREATE, update = UPDATE },
    key = function(rec)
        return rec.name
    end,
    new = function(ctx, coll)
        local name = ctx.body.service_name
        if coll:get(name) then
            return nil, C.errors(409, string.format("A PagerDuty service named '%s' already exists", name))
        end
        return C.stamp_new { name = name, service_key = ctx.body.service_key }
    end,
    apply = function(rec, ctx)
        rec.service_key = ctx.body.service_key
    end,
    one = one,
}

-- Every operation on the collection, by its role in the route table.
_M.collections = { ["/api/v1/integration/pagerduty/configuration/services"] = SERVICES }

return _M

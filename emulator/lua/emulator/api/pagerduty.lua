-- emulator.api.pagerduty: PagerDuty integration services (v1, stable; seed 004).
-- CreatePagerDutyIntegrationService, GetPagerDutyIntegrationService,
-- UpdatePagerDutyIntegrationService, DeletePagerDutyIntegrationService.
--
-- Services are keyed by their decoded name: the path segment arrives percent-encoded and the
-- router decodes it, so names holding '/', '?', '#', spaces or any UTF-8 work.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local C = require "emulator.common"

local S = schema
local _M = { family = "pagerduty" }

local CREATE = S.object({
    service_key = S.string { min = 1 },
    service_name = S.string { min = 1 },
}, { required = { "service_key", "service_name" } })

local UPDATE = S.object({
    service_key = S.string { min = 1 },
}, { required = { "service_key" } })

local function create(ctx)
    local errs = schema.validate(CREATE, ctx.body)
    if errs then
        return C.errors(400, errs)
    end
    local name = ctx.body.service_name
    if state.db.pagerduty:get(name) then
        return C.errors(409, string.format("A PagerDuty service named '%s' already exists", name))
    end
    state.db.pagerduty:add(name, C.stamp_new { name = name, service_key = ctx.body.service_key })
    return C.json(201, json.object { service_name = name })
end

local function get(ctx)
    local rec = state.db.pagerduty:get(ctx.params.service_name)
    if not rec then
        return C.not_found("PagerDuty service")
    end
    return C.json(200, json.object { service_name = rec.name })
end

-- The reference documents no body for this 200, so none is sent.
local function update(ctx)
    local rec = state.db.pagerduty:get(ctx.params.service_name)
    if not rec then
        return C.not_found("PagerDuty service")
    end
    local errs = schema.validate(UPDATE, ctx.body)
    if errs then
        return C.errors(400, errs)
    end
    rec.service_key = ctx.body.service_key
    C.stamp_modified(rec)
    return C.response(200)
end

local function delete(ctx)
    if not state.db.pagerduty:remove(ctx.params.service_name) then
        return C.not_found("PagerDuty service")
    end
    return C.response(204)
end

local BASE = "/api/v1/integration/pagerduty/configuration/services"
local ITEM = BASE .. "/{service_name}"

_M.routes = {
    { id = "CreatePagerDutyIntegrationService", method = "POST", path = BASE, body = true,
        handler = create },
    { id = "GetPagerDutyIntegrationService", method = "GET", path = ITEM, handler = get },
    { id = "UpdatePagerDutyIntegrationService", method = "PUT", path = ITEM, body = true,
        handler = update },
    { id = "DeletePagerDutyIntegrationService", method = "DELETE", path = ITEM, handler = delete },
}

return _M

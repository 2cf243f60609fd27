-- Every status the reference lists for each of the 24 operations, produced the way a client
-- would meet it: a natural cause where the emulator has one (bad body, unknown id, duplicate
-- name, missing keys, exhausted rate limit), a status fault otherwise (401 always: real auth
-- failures answer 403).

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

local GHOST = "00000000-0000-4000-8000-00000000dead"

-- The families whose errors are JSON:API objects (incidents covers incident integrations).
local JSONAPI_FAMILIES = { incidents = true, incident_types = true }

-- Resources every case can use; made fresh before each case.
local function make_world()
    local w = {}
    w.incident = S.create_incident()
    w.integration = S.create_integration(w.incident)
    w.type = S.create_type()
    w.opsgenie = S.create_opsgenie { name = "og-a" }
    S.create_opsgenie { name = "og-b" }
    S.create_pagerduty("svc")
    S.create_pagerduty("svc-2")
    return w
end

local function og_patch(id, attrs)
    return { data = { id = id, type = "opsgenie-service", attributes = attrs } }
end

-- Each row: operation id, family (X-RateLimit-Name), success status, request builder
-- (world -> method, path, body), statuses, and natural causes for some of them
-- (world -> method, path, body). Statuses without a natural cause use a fault.
local OPS = {
    { "ListIncidents", "incidents", 200,
        function() return "GET", S.INCIDENTS end,
        { 400, 401, 403, 404, 429 },
        { [400] = function() return "GET", S.INCIDENTS .. "?page[size]=0" end } },
    { "CreateIncident", "incidents", 201,
        function() return "POST", S.INCIDENTS, S.incident_body() end,
        { 400, 401, 403, 404, 429 },
        { [400] = function() return "POST", S.INCIDENTS, S.incident_body { title = false } end } },
    { "GetIncident", "incidents", 200,
        function(w) return "GET", S.INCIDENTS .. "/" .. w.incident end,
        { 400, 401, 403, 404, 429 },
        { [400] = function(w) return "GET", S.INCIDENTS .. "/" .. w.incident .. "?include=nope" end,
          [404] = function() return "GET", S.INCIDENTS .. "/" .. GHOST end } },
    { "UpdateIncident", "incidents", 200,
        function(w) return "PATCH", S.INCIDENTS .. "/" .. w.incident,
            { data = { id = w.incident, type = "incidents", attributes = { title = "new" } } } end,
        { 400, 401, 403, 404, 429 },
        { [400] = function(w) return "PATCH", S.INCIDENTS .. "/" .. w.incident,
            { data = { type = "incidents" } } end,
          [404] = function() return "PATCH", S.INCIDENTS .. "/" .. GHOST,
            { data = { id = GHOST, type = "incidents" } } end } },
    { "DeleteIncident", "incidents", 204,
        function(w) return "DELETE", S.INCIDENTS .. "/" .. w.incident end,
        { 400, 401, 403, 404, 429 },
        { [404] = function() return "DELETE", S.INCIDENTS .. "/" .. GHOST end } },

    { "ListIncidentIntegrations", "incidents", 200,
        function(w) return "GET", S.integrations_path(w.incident) end,
        { 400, 401, 403, 404, 429 },
        { [404] = function() return "GET", S.integrations_path(GHOST) end } },
    { "CreateIncidentIntegration", "incidents", 201,
        function(w) return "POST", S.integrations_path(w.incident), S.integration_body(8, S.jira()) end,
        { 400, 401, 403, 404, 429 },
        { [400] = function(w) return "POST", S.integrations_path(w.incident), S.integration_body(7, S.jira()) end,
          [404] = function() return "POST", S.integrations_path(GHOST), S.integration_body(8, S.jira()) end } },
    { "GetIncidentIntegration", "incidents", 200,
        function(w) return "GET", S.integrations_path(w.incident, w.integration) end,
        { 400, 401, 403, 404, 429 },
        { [404] = function(w) return "GET", S.integrations_path(w.incident, GHOST) end } },
    { "UpdateIncidentIntegration", "incidents", 200,
        function(w) return "PATCH", S.integrations_path(w.incident, w.integration),
            S.integration_body(1, S.slack(), { status = 4 }) end,
        { 400, 401, 403, 404, 429 },
        { [400] = function(w) return "PATCH", S.integrations_path(w.incident, w.integration),
            S.integration_body(1, S.slack(), { status = 9 }) end,
          [404] = function(w) return "PATCH", S.integrations_path(w.incident, GHOST),
            S.integration_body(1, S.slack()) end } },
    { "DeleteIncidentIntegration", "incidents", 204,
        function(w) return "DELETE", S.integrations_path(w.incident, w.integration) end,
        { 400, 401, 403, 404, 429 },
        { [404] = function(w) return "DELETE", S.integrations_path(w.incident, GHOST) end } },

    { "ListIncidentTypes", "incident_types", 200,
        function() return "GET", S.TYPES end,
        { 400, 401, 403, 404, 429 },
        { [400] = function() return "GET", S.TYPES .. "?include_deleted=perhaps" end } },
    { "CreateIncidentType", "incident_types", 201,
        function() return "POST", S.TYPES, S.type_body { name = "Outage" } end,
        { 400, 401, 403, 404, 429 },
        { [400] = function()
            return "POST", S.TYPES, { data = { type = "incident_types", attributes = emu.object() } }
        end } },
    { "GetIncidentType", "incident_types", 200,
        function(w) return "GET", S.TYPES .. "/" .. w.type end,
        { 400, 401, 403, 404, 429 },
        { [404] = function() return "GET", S.TYPES .. "/" .. GHOST end } },
    { "UpdateIncidentType", "incident_types", 200,
        function(w) return "PATCH", S.TYPES .. "/" .. w.type,
            { data = { id = w.type, type = "incident_types", attributes = { name = "Renamed" } } } end,
        { 400, 401, 403, 404, 429 },
        { [400] = function(w) return "PATCH", S.TYPES .. "/" .. w.type,
            { data = { id = w.type, type = "incident_types" } } end,
          [404] = function() return "PATCH", S.TYPES .. "/" .. GHOST,
            { data = { id = GHOST, type = "incident_types", attributes = { name = "x" } } } end } },
    { "DeleteIncidentType", "incident_types", 204,
        function(w) return "DELETE", S.TYPES .. "/" .. w.type end,
        { 400, 401, 403, 404, 429 },
        { [404] = function() return "DELETE", S.TYPES .. "/" .. GHOST end } },

    { "ListOpsgenieServices", "opsgenie", 200,
        function() return "GET", S.OPSGENIE end,
        { 403, 429 }, {} },
    { "CreateOpsgenieService", "opsgenie", 201,
        function() return "POST", S.OPSGENIE, S.opsgenie_body { name = "og-new" } end,
        { 400, 403, 409, 429 },
        { [400] = function() return "POST", S.OPSGENIE, S.opsgenie_body { region = "mars" } end,
          [409] = function() return "POST", S.OPSGENIE, S.opsgenie_body { name = "og-b" } end } },
    { "GetOpsgenieService", "opsgenie", 200,
        function(w) return "GET", S.OPSGENIE .. "/" .. w.opsgenie end,
        { 400, 403, 404, 429 },
        { [404] = function() return "GET", S.OPSGENIE .. "/" .. GHOST end } },
    { "UpdateOpsgenieService", "opsgenie", 200,
        function(w) return "PATCH", S.OPSGENIE .. "/" .. w.opsgenie, og_patch(w.opsgenie, { region = "eu" }) end,
        { 400, 403, 404, 409, 429 },
        { [400] = function(w) return "PATCH", S.OPSGENIE .. "/" .. w.opsgenie,
            og_patch(w.opsgenie, { name = ("z"):rep(101) }) end,
          [404] = function() return "PATCH", S.OPSGENIE .. "/" .. GHOST, og_patch(GHOST, { region = "eu" }) end,
          [409] = function(w) return "PATCH", S.OPSGENIE .. "/" .. w.opsgenie,
            og_patch(w.opsgenie, { name = "og-b" }) end } },
    { "DeleteOpsgenieService", "opsgenie", 204,
        function(w) return "DELETE", S.OPSGENIE .. "/" .. w.opsgenie end,
        { 400, 403, 404, 429 },
        { [404] = function() return "DELETE", S.OPSGENIE .. "/" .. GHOST end } },

    { "CreatePagerDutyIntegrationService", "pagerduty", 201,
        function() return "POST", S.PAGERDUTY, { service_name = "new svc", service_key = "k" } end,
        { 400, 403, 409, 429 },
        { [400] = function() return "POST", S.PAGERDUTY, { service_name = "x" } end,
          [409] = function() return "POST", S.PAGERDUTY, { service_name = "svc-2", service_key = "k" } end } },
    { "GetPagerDutyIntegrationService", "pagerduty", 200,
        function() return "GET", S.pagerduty_path("svc") end,
        { 403, 404, 429 },
        { [404] = function() return "GET", S.pagerduty_path("nope") end } },
    { "UpdatePagerDutyIntegrationService", "pagerduty", 200,
        function() return "PUT", S.pagerduty_path("svc"), { service_key = "rotated" } end,
        { 400, 403, 404, 429 },
        { [400] = function() return "PUT", S.pagerduty_path("svc"), { service_key = 12 } end,
          [404] = function() return "PUT", S.pagerduty_path("nope"), { service_key = "k" } end } },
    { "DeletePagerDutyIntegrationService", "pagerduty", 204,
        function() return "DELETE", S.pagerduty_path("svc") end,
        { 403, 404, 429 },
        { [404] = function() return "DELETE", S.pagerduty_path("nope") end } },
}

local function escape_pattern(s)
    return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"))
end

describe("emulator status matrix", function()
    setup(function()
        emu.start()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("covers all 24 operations", function()
        assert.equal(24, #OPS)
    end)

    for _, op in ipairs(OPS) do
        local id, family, success, build, statuses, natural = op[1], op[2], op[3], op[4], op[5], op[6]

        describe(id, function()
            local world

            before_each(function()
                emu.reset()
                world = make_world()
                emu.clear_requests()
            end)

            it("answers " .. success, function()
                local method, path, body = build(world)
                local status, doc, h, text = emu.call(method, path, body)
                assert.equal(success, status, text)
                S.assert_rate_headers(h, family)
                if success == 204 then
                    assert.equal("", text)
                elseif text ~= "" then
                    assert.is_nil(doc.errors)
                end
            end)

            for _, code in ipairs(statuses) do
                local cause = natural[code] and "naturally" or "by fault"
                if code == 403 then
                    cause = "without keys"
                elseif code == 429 then
                    cause = "past the rate limit"
                end
                it("answers " .. code .. " " .. cause, function()
                    local method, path, body = build(world)
                    local opts = {}
                    if natural[code] then
                        method, path, body = natural[code](world)
                    elseif code == 403 then
                        opts.headers = { ["DD-API-KEY"] = false }
                    elseif code == 429 then
                        emu.configure { rate_limit = { limit = 0, period = 60 } }
                    else
                        local raw_path = path:match("^[^?]*")
                        emu.fault { path = "^" .. escape_pattern(raw_path) .. "$", method = method,
                            status = code }
                    end
                    local status, doc, h, text = emu.call(method, path, body, opts)
                    assert.equal(code, status, text)
                    -- the operation's own answers come in its family's shape; the gateway's
                    -- (403, 429) and injected faults are strings everywhere
                    local shape = natural[code] and JSONAPI_FAMILIES[family] and "jsonapi" or "strings"
                    assert.equal(shape, S.assert_error(doc))
                    assert.equal(shape == "jsonapi" and "application/vnd.api+json" or "application/json",
                        h["content-type"])
                    S.assert_rate_headers(h, family)
                    if code == 429 then
                        assert.equal("0", h["x-ratelimit-remaining"])
                    end
                    assert.equal(code, emu.requests()[1].status)
                end)
            end
        end)
    end
end)

-- The control API under /_emulator/: health, reset, config, routes, errors.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator control API", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("GET /_emulator/health answers 200 {ok:true} without keys", function()
        local status, doc = emu.control("GET", "health")
        assert.equal(200, status)
        assert.is_true(doc.ok)
    end)

    it("reset clears resources, faults, the log and rate-limit counters", function()
        local inc = S.create_incident()
        S.create_integration(inc)
        S.create_type()
        S.create_opsgenie()
        S.create_pagerduty("svc")
        emu.fault { path = "never-matches", status = 500 }
        emu.configure { rate_limit = { limit = 100, period = 60 } }
        local _, h = emu.request("GET", S.OPSGENIE)
        assert.equal("99", h["x-ratelimit-remaining"])

        local doc = emu.reset()
        assert.is_true(doc.ok)
        local _, h2 = emu.request("GET", S.OPSGENIE)
        assert.equal("100000", h2["x-ratelimit-limit"])
        assert.equal("99999", h2["x-ratelimit-remaining"])
        assert.equal(1, #emu.requests(), "the log restarted at the reset")
        for _, path in ipairs { S.INCIDENTS, S.TYPES .. "?include_deleted=true", S.OPSGENIE } do
            local _, list = emu.call("GET", path)
            assert.equal(0, #list.data, path)
        end
        assert.equal(404, (emu.call("GET", S.pagerduty_path("svc"))))
        assert.equal(404, (emu.call("GET", S.integrations_path(inc))))
        assert.equal(0, #emu.faults())
        -- public_id numbering starts again
        local _, created = emu.call("POST", S.INCIDENTS, S.incident_body())
        assert.equal(1, created.data.attributes.public_id)
    end)

    it("reset and config take keys and a rate limit; GET config masks the keys", function()
        emu.reset { api_key = "new-api-key-0000aaaa", app_key = "new-app-key-0000bbbb",
            access_token = "new-token-0000cccc", rate_limit = { limit = 5, period = 2 } }
        local _, cfg = emu.control("GET", "config")
        assert.same({ api_key = "****aaaa", app_key = "****bbbb", access_token = "****cccc",
            rate_limit = { limit = 5, period = 2 } }, cfg.config)
        -- a bearer token is let in only when it is the configured one
        assert.equal(403, (emu.request("GET", S.OPSGENIE, { headers = {
            Authorization = "Bearer another-token" } })))
        assert.equal(200, (emu.request("GET", S.OPSGENIE, { headers = {
            Authorization = "Bearer new-token-0000cccc" } })))
        assert.equal(403, (emu.request("GET", S.OPSGENIE)))
        local status, h = emu.request("GET", S.OPSGENIE, { headers = {
            ["DD-API-KEY"] = "new-api-key-0000aaaa", ["DD-APPLICATION-KEY"] = "new-app-key-0000bbbb" } })
        assert.equal(200, status)
        assert.equal("5", h["x-ratelimit-limit"])

        -- config changes settings but keeps state
        emu.configure { api_key = emu.info().api_key, app_key = emu.info().app_key }
        local id = S.create_opsgenie { name = "kept" }
        emu.configure { rate_limit = { limit = 7, period = 9 } }
        local gstatus, doc, gh = emu.call("GET", S.OPSGENIE .. "/" .. id)
        assert.equal(200, gstatus)
        assert.equal("kept", doc.data.attributes.name)
        assert.equal("7", gh["x-ratelimit-limit"])
    end)

    it("rejects bad control bodies and unknown control paths", function()
        local s1, d1 = emu.control("POST", "reset", { rate_limit = { limit = "many" } })
        assert.equal(400, s1)
        S.assert_error(d1, "rate_limit.limit: must be an integer")
        local s2, _, b2 = emu.request("POST", "/_emulator/config", { body = "{oops" })
        assert.equal(400, s2)
        S.assert_error(emu.json(b2), "Malformed JSON")
        local s3 = emu.request("POST", "/_emulator/faults", { body = "[]" })
        assert.equal(400, s3)
        assert.equal(404, (emu.request("GET", "/_emulator/nothing")))
        local s4, h4 = emu.request("PUT", "/_emulator/faults")
        assert.equal(405, s4)
        assert.equal("DELETE, GET, POST", h4["allow"])
    end)

    it("lists the 24 operations of REFERENCE.md among its routes", function()
        local status, doc = emu.control("GET", "routes")
        assert.equal(200, status)
        local ids = {}
        for _, r in ipairs(doc.routes) do
            ids[r.id] = r.method .. " " .. r.path
        end
        local INTEGRATION = "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}"
        local PD = "/api/v1/integration/pagerduty/configuration/services"
        local expected = {
            ListIncidentIntegrations = "GET /api/v2/incidents/{incident_id}/relationships/integrations",
            CreateIncidentIntegration = "POST /api/v2/incidents/{incident_id}/relationships/integrations",
            GetIncidentIntegration = "GET " .. INTEGRATION,
            UpdateIncidentIntegration = "PATCH " .. INTEGRATION,
            DeleteIncidentIntegration = "DELETE " .. INTEGRATION,
            ListIncidentTypes = "GET /api/v2/incidents/config/types",
            CreateIncidentType = "POST /api/v2/incidents/config/types",
            GetIncidentType = "GET /api/v2/incidents/config/types/{incident_type_id}",
            UpdateIncidentType = "PATCH /api/v2/incidents/config/types/{incident_type_id}",
            DeleteIncidentType = "DELETE /api/v2/incidents/config/types/{incident_type_id}",
            ListOpsgenieServices = "GET /api/v2/integration/opsgenie/services",
            CreateOpsgenieService = "POST /api/v2/integration/opsgenie/services",
            GetOpsgenieService = "GET /api/v2/integration/opsgenie/services/{integration_service_id}",
            UpdateOpsgenieService = "PATCH /api/v2/integration/opsgenie/services/{integration_service_id}",
            DeleteOpsgenieService = "DELETE /api/v2/integration/opsgenie/services/{integration_service_id}",
            CreatePagerDutyIntegrationService = "POST " .. PD,
            GetPagerDutyIntegrationService = "GET " .. PD .. "/{service_name}",
            UpdatePagerDutyIntegrationService = "PUT " .. PD .. "/{service_name}",
            DeletePagerDutyIntegrationService = "DELETE " .. PD .. "/{service_name}",
            ListIncidents = "GET /api/v2/incidents",
            CreateIncident = "POST /api/v2/incidents",
            GetIncident = "GET /api/v2/incidents/{incident_id}",
            UpdateIncident = "PATCH /api/v2/incidents/{incident_id}",
            DeleteIncident = "DELETE /api/v2/incidents/{incident_id}",
        }
        for id, route in pairs(expected) do
            assert.equal(route, ids[id], id)
        end
    end)

    -- The emulator's table is generated apart from the client's (the same package, another
    -- file): they must agree on every operation.
    it("lists every operation of the client, with its method, path, success status and beta", function()
        local _, doc = emu.control("GET", "routes")
        local ours = {}
        for _, r in ipairs(doc.routes) do
            assert.is_nil(ours[r.id], r.id)
            ours[r.id] = r
        end
        local ops = require("datadog").operations()
        assert.equal(#ops, #doc.routes)
        for _, op in ipairs(ops) do
            local r = ours[op.id]
            assert.is_table(r, op.id)
            assert.same({ op.http_method, op.path, op.success, op.beta },
                { r.method, r.path, r.success, r.beta }, op.id)
            assert.matches("^[%l_]+$", r.role, op.id)
        end
    end)
end)

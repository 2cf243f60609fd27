-- Cross-cutting behaviour: auth (403), unknown paths (404), wrong methods (405), malformed JSON,
-- rate-limit headers and 429, path segments, gzip and large request bodies, JSON encoding.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator protocol", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    describe("authentication", function()
        it("answers 403 {\"errors\":[\"Forbidden\"]} for a missing, empty or wrong key", function()
            local variants = {
                { ["DD-API-KEY"] = false },
                { ["DD-APPLICATION-KEY"] = false },
                { ["DD-API-KEY"] = false, ["DD-APPLICATION-KEY"] = false },
                { ["DD-API-KEY"] = "" },
                { ["DD-API-KEY"] = "wrong-api-key-000000000" },
                { ["DD-APPLICATION-KEY"] = "wrong-app-key-000000000" },
            }
            for _, headers in ipairs(variants) do
                local status, h, body = emu.request("GET", S.OPSGENIE, { headers = headers })
                assert.equal(403, status, emu.encode(headers))
                assert.equal('{"errors":["Forbidden"]}', body)
                assert.equal("application/json", h["content-type"])
                S.assert_rate_headers(h, "opsgenie")
            end
            assert.equal(200, (emu.request("GET", S.OPSGENIE)))
        end)

        it("header names are case-insensitive", function()
            local info = emu.info()
            local status = emu.request("GET", S.OPSGENIE, { headers = {
                ["DD-API-KEY"] = false, ["DD-APPLICATION-KEY"] = false,
                ["dd-api-key"] = info.api_key, ["Dd-Application-Key"] = info.app_key } })
            assert.equal(200, status)
        end)

        it("checks keys before validating the body", function()
            local status, _, body = emu.request("POST", S.INCIDENTS,
                { body = "{not json", headers = { ["DD-API-KEY"] = false } })
            assert.equal(403, status)
            assert.equal('{"errors":["Forbidden"]}', body)
        end)

        it("accepts any non-empty keys when none are configured", function()
            emu.reset { api_key = emu.null, app_key = emu.null }
            local keys = { ["DD-API-KEY"] = "anything", ["DD-APPLICATION-KEY"] = "at-all" }
            assert.equal(200, (emu.request("GET", S.OPSGENIE, { headers = keys })))
            assert.equal(403, (emu.request("GET", S.OPSGENIE, { headers = { ["DD-API-KEY"] = false } })))
            emu.reset()
            assert.equal(403, (emu.request("GET", S.OPSGENIE, { headers = keys })),
                "reset restores the keys given at start")
        end)
    end)

    describe("routing", function()
        it("answers 404 {\"errors\":[\"Not found\"]} for unknown paths", function()
            for _, path in ipairs { "/", "/api/v2/nothing", "/api/v2/incidents/x/y",
                "/api/v2/incidents/", "/api/v1/integration/pagerduty/configuration/services/" } do
                local status, h, body = emu.request("GET", path)
                assert.equal(404, status, path)
                assert.equal('{"errors":["Not found"]}', body)
                S.assert_rate_headers(h)
            end
        end)

        it("answers 405 with Allow for a known path and a wrong method", function()
            local cases = {
                { "PUT", S.INCIDENTS, "GET, POST" },
                { "POST", S.INCIDENTS .. "/some-id", "GET, PATCH, DELETE" },
                { "GET", S.PAGERDUTY, "POST" },
                { "PATCH", S.PAGERDUTY .. "/svc", "GET, PUT, DELETE" },
                { "DELETE", S.OPSGENIE, "GET, POST" },
            }
            for _, c in ipairs(cases) do
                local status, h, body = emu.request(c[1], c[2])
                assert.equal(405, status, c[1] .. " " .. c[2])
                assert.equal(c[3], h["allow"])
                S.assert_error(emu.json(body), "Method Not Allowed")
                S.assert_rate_headers(h)
            end
        end)

        it("keeps an encoded %2F inside its path segment", function()
            local status, h, body = emu.request("GET", S.INCIDENTS .. "/abc%2Fdef")
            assert.equal(404, status)
            -- Routed to GetIncident (a missing incident, in the incidents' JSON:API shape),
            -- not an unknown path (a string from the gateway).
            assert.equal('{"errors":[{"status":"404","title":"Not Found"}]}', body)
            assert.equal("application/vnd.api+json", h["content-type"])
        end)
    end)

    describe("error shapes", function()
        it("names the body member or query parameter at fault in JSON:API errors", function()
            local status, doc, h = emu.call("POST", S.INCIDENTS, S.incident_body { title = 7 })
            assert.equal(400, status)
            assert.equal("application/vnd.api+json", h["content-type"])
            local e = doc.errors[1]
            assert.equal("400", e.status)
            assert.equal("Bad Request", e.title)
            assert.equal("data.attributes.title: must be a string", e.detail)
            assert.equal("/data/attributes/title", e.source.pointer)

            local _, idoc = emu.call("POST", S.integrations_path((S.create_incident())),
                S.integration_body(1, { channels = { { channel_name = "#x", redirect_url = "u" } } }))
            local pointers = {}
            for _, ie in ipairs(idoc.errors) do
                pointers[#pointers + 1] = ie.source.pointer
            end
            assert.same({ "/data/attributes/metadata/channels/0/channel_id" }, pointers)

            local _, qdoc = emu.call("GET", S.INCIDENTS .. "?page[size]=0")
            assert.equal("page[size]", qdoc.errors[1].source.parameter)
            assert.is_nil(qdoc.errors[1].source.pointer)

            -- no member to point at: no source
            local _, _, mtext = emu.request("POST", S.TYPES, { body = "{" })
            local mdoc = emu.json(mtext)
            assert.matches("^Malformed JSON", mdoc.errors[1].detail)
            assert.is_nil(mdoc.errors[1].source)
        end)

        it("keeps Opsgenie and PagerDuty errors as strings", function()
            local status, doc, h = emu.call("POST", S.OPSGENIE, S.opsgenie_body { region = "mars" })
            assert.equal(400, status)
            assert.equal("application/json", h["content-type"])
            assert.equal("strings", S.assert_error(doc, "data.attributes.region"))
            local pstatus, pdoc, ph = emu.call("GET", S.pagerduty_path("nobody"))
            assert.equal(404, pstatus)
            assert.equal("application/json", ph["content-type"])
            assert.equal("strings", S.assert_error(pdoc, "not found"))
        end)

        it("lists each route's shape in /_emulator/routes", function()
            local _, doc = emu.control("GET", "routes")
            local shapes = {}
            for _, r in ipairs(doc.routes) do
                shapes[r.family] = shapes[r.family] or r.errors
                assert.equal(shapes[r.family], r.errors, r.id)
            end
            assert.same({ incidents = "jsonapi", incident_types = "jsonapi",
                opsgenie = "strings", pagerduty = "strings" }, shapes)
        end)
    end)

    describe("request bodies", function()
        it("answers 400 for malformed JSON and for a missing body", function()
            for _, body in ipairs { "{", '{"data":', "{'data':1}", '{"data":{}} trailing', "nul", "\"x" } do
                local status, _, text = emu.request("POST", S.INCIDENTS, { body = body })
                assert.equal(400, status, body)
                S.assert_error(emu.json(text), "Malformed JSON")
            end
            local status, _, text = emu.request("POST", S.INCIDENTS)
            assert.equal(400, status)
            S.assert_error(emu.json(text), "body: is required")
        end)

        it("accepts gzip-encoded request bodies", function()
            local body = emu.encode(S.incident_body { title = "zipped" })
            local status, _, text = emu.request("POST", S.INCIDENTS, { body = body, gzip = true })
            assert.equal(201, status, text)
            assert.equal("zipped", emu.json(text).data.attributes.title)
            local log = emu.requests()
            assert.equal("gzip", log[1].body_encoding)
            assert.equal(body, log[1].body)
            assert.is_true(log[1].body_size < #body + 40)
        end)

        it("answers 400 for a body that claims gzip but is not", function()
            local status, _, text = emu.request("POST", S.INCIDENTS, {
                body = emu.encode(S.incident_body()), headers = { ["Content-Encoding"] = "gzip" } })
            assert.equal(400, status)
            S.assert_error(emu.json(text), "Malformed gzip request body")
        end)

        it("answers 415 for an unknown Content-Encoding", function()
            local status = emu.request("POST", S.INCIDENTS, {
                body = emu.encode(S.incident_body()), headers = { ["Content-Encoding"] = "br" } })
            assert.equal(415, status)
        end)

        it("reads bodies of several megabytes, plain and gzip", function()
            local scope = ("0123456789abcdef"):rep(3 * 1024 * 64)  -- 3 MiB
            for _, gz in ipairs { false, true } do
                local status, doc = emu.call("POST", S.INCIDENTS,
                    S.incident_body { customer_impact_scope = scope }, { gzip = gz })
                assert.equal(201, status)
                assert.equal(#scope, #doc.data.attributes.customer_impact_scope)
            end
            local log = emu.requests()
            assert.is_true(#log[1].body > 3 * 1024 * 1024)
            assert.equal(#log[1].body, #log[2].body)
        end)
    end)

    describe("rate limits", function()
        it("sends the five X-RateLimit headers on every kind of response", function()
            local id = S.create_incident()
            local cases = {
                { "GET", S.INCIDENTS, nil, 200, "incidents" },
                { "POST", S.INCIDENTS, S.incident_body(), 201, "incidents" },
                { "POST", S.INCIDENTS, emu.object(), 400, "incidents" },
                { "GET", S.INCIDENTS .. "/missing", nil, 404, "incidents" },
                { "DELETE", S.INCIDENTS .. "/" .. id, nil, 204, "incidents" },
                { "GET", S.TYPES, nil, 200, "incident_types" },
                { "GET", S.OPSGENIE, nil, 200, "opsgenie" },
                { "GET", S.PAGERDUTY .. "/none", nil, 404, "pagerduty" },
                { "PUT", S.INCIDENTS, nil, 405, "incidents" },
            }
            for _, c in ipairs(cases) do
                local status, _, h = emu.call(c[1], c[2], c[3])
                assert.equal(c[4], status, c[1] .. " " .. c[2])
                S.assert_rate_headers(h, c[5])
                assert.equal("100000", h["x-ratelimit-limit"])
                assert.equal("10", h["x-ratelimit-period"])
            end
            local _, h403 = emu.request("GET", S.OPSGENIE, { headers = { ["DD-API-KEY"] = false } })
            S.assert_rate_headers(h403, "opsgenie")
        end)

        it("counts down Remaining and answers 429 past the configured limit", function()
            emu.reset { rate_limit = { limit = 3, period = 60 } }
            for i = 1, 3 do
                local status, h = emu.request("GET", S.OPSGENIE)
                assert.equal(200, status)
                assert.equal("3", h["x-ratelimit-limit"])
                assert.equal("60", h["x-ratelimit-period"])
                assert.equal(tostring(3 - i), h["x-ratelimit-remaining"])
                local reset = tonumber(h["x-ratelimit-reset"])
                assert.is_true(reset >= 1 and reset <= 60)
            end
            local status, h, body = emu.request("GET", S.OPSGENIE)
            assert.equal(429, status)
            assert.equal('{"errors":["Too many requests"]}', body)
            S.assert_rate_headers(h, "opsgenie")
            assert.equal("0", h["x-ratelimit-remaining"])
            -- Requests that fail auth count too, and still see 429 first.
            assert.equal(429, (emu.request("GET", S.OPSGENIE, { headers = { ["DD-API-KEY"] = false } })))
            -- Each X-RateLimit-Name has its own window.
            assert.equal(200, (emu.request("GET", S.TYPES)))
            -- A reset clears the counters and the limit.
            emu.reset()
            local again, ah = emu.request("GET", S.OPSGENIE)
            assert.equal(200, again)
            assert.equal("100000", ah["x-ratelimit-limit"])
        end)

        it("opens a new window after the period", function()
            emu.reset { rate_limit = { limit = 1, period = 1 } }
            assert.equal(200, (emu.request("GET", S.TYPES)))
            local status, h = emu.request("GET", S.TYPES)
            assert.equal(429, status)
            assert.equal("1", h["x-ratelimit-reset"])
            -- the window of 1 s ends: a request is answered again
            emu.await(function() return emu.request("GET", S.TYPES) == 200 end, "the next window", 5)
        end)

        it("can be changed with /_emulator/config without losing state", function()
            local id = S.create_incident()
            emu.configure { rate_limit = { limit = 0, period = 30 } }
            local status, h = emu.request("GET", S.INCIDENTS .. "/" .. id)
            assert.equal(429, status)
            assert.equal("30", h["x-ratelimit-period"])
            emu.configure { rate_limit = { limit = 10, period = 30 } }
            assert.equal(200, (emu.request("GET", S.INCIDENTS .. "/" .. id)))
        end)
    end)

    describe("JSON out", function()
        it("writes integers as integers and empty lists as []", function()
            local id = S.create_incident()
            local _, _, _, text = emu.call("GET", S.INCIDENTS .. "/" .. id)
            assert.truthy(text:find('"public_id":1,', 1, true))
            assert.truthy(text:find('"time_to_detect":0,', 1, true))
            assert.truthy(text:find('"attachments":{"data":[]}', 1, true))
            assert.is_nil(text:find("%d%.0[,}]"), "no integer written as a float")
            local _, _, _, list = emu.call("GET", S.OPSGENIE)
            assert.equal('{"data":[]}', list)
        end)

        it("answers bodies with Content-Type application/json and 204s with no body", function()
            local id = S.create_incident()
            local status, h, body = emu.request("DELETE", S.INCIDENTS .. "/" .. id, { headers = { Accept = "*/*" } })
            assert.equal(204, status)
            assert.equal("", body)
            assert.is_nil(h["content-type"])
            assert.is_nil(h["content-length"])
        end)
    end)
end)

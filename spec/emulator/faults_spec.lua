-- Fault injection through POST /_emulator/faults: statuses, delays, broken connections and
-- bodies, gzip, count and matching semantics.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"
local socket = require "socket"

local function incidents_count()
    local _, doc = emu.call("GET", S.INCIDENTS .. "?page[size]=100")
    return #doc.data
end

describe("emulator faults", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    describe("status", function()
        it("answers the given status with Datadog's error body and rate-limit headers", function()
            for _, status in ipairs { 401, 500, 502, 503, 504, 408 } do
                emu.fault { path = "^/api/v2/incidents$", status = status }
                local got, h, body = emu.request("GET", S.INCIDENTS)
                assert.equal(status, got)
                local doc = emu.json(body)
                S.assert_error(doc)
                assert.equal("application/json", h["content-type"])
                S.assert_rate_headers(h, "incidents")
            end
            assert.equal(200, (emu.request("GET", S.INCIDENTS)), "each fault was used once")
        end)

        it("429 carries X-RateLimit-Reset (given or computed) and Remaining 0", function()
            emu.fault { path = "opsgenie", status = 429, headers = { ["X-RateLimit-Reset"] = "7" } }
            local status, h, body = emu.request("GET", S.OPSGENIE)
            assert.equal(429, status)
            assert.equal('{"errors":["Too many requests"]}', body)
            assert.equal("7", h["x-ratelimit-reset"])
            assert.equal("0", h["x-ratelimit-remaining"])
            S.assert_rate_headers(h, "opsgenie")

            emu.fault { path = "opsgenie", status = 429 }
            local s2, h2 = emu.request("GET", S.OPSGENIE)
            assert.equal(429, s2)
            assert.truthy(h2["x-ratelimit-reset"]:match("^%d+$"))
        end)

        it("sends extra headers, repeated ones too, and a custom body", function()
            emu.fault { path = "pagerduty", status = 503,
                headers = { ["Retry-After"] = 2, ["X-RateLimit-Reset"] = emu.array { "7", "7" } },
                body = '{"errors":["Service temporarily unavailable"]}' }
            local status, h, body = emu.request("GET", S.pagerduty_path("svc"))
            assert.equal(503, status)
            assert.equal("2", h["retry-after"])
            assert.equal("7, 7", h["x-ratelimit-reset"])
            assert.equal('{"errors":["Service temporarily unavailable"]}', body)
        end)

        it("does not touch state: the operation is not performed", function()
            emu.fault { path = "^/api/v2/incidents$", method = "POST", status = 500 }
            assert.equal(500, (emu.call("POST", S.INCIDENTS, S.incident_body())))
            assert.equal(0, incidents_count())
        end)
    end)

    describe("count and matching", function()
        it("uses a fault for exactly `count` matching requests", function()
            local id = emu.fault { path = "^/api/v2/integration/opsgenie/services$", status = 503, count = 3 }
            assert.equal("number", type(id))
            local faults = emu.faults()
            assert.equal(1, #faults)
            assert.equal(3, faults[1].remaining)
            for _ = 1, 3 do
                assert.equal(503, (emu.request("GET", S.OPSGENIE)))
            end
            assert.equal(0, #emu.faults())
            assert.equal(200, (emu.request("GET", S.OPSGENIE)))
        end)

        it("matches the method when given, and the raw path as a Lua pattern", function()
            emu.fault { path = "^/api/v2/incidents", method = "post", status = 502 }
            emu.fault { path = "^/api/v1/", status = 500 }
            assert.equal(200, (emu.request("GET", S.INCIDENTS)), "GET is not POST")
            assert.equal(200, (emu.request("GET", S.OPSGENIE)), "opsgenie is not /api/v1/")
            assert.equal(502, (emu.call("POST", S.INCIDENTS, S.incident_body())))
            assert.equal(500, (emu.request("GET", S.pagerduty_path("x"))))
            -- The pattern sees the path still percent-encoded.
            emu.fault { path = "team%%2Fcheckout$", status = 503 }
            assert.equal(404, (emu.request("GET", S.pagerduty_path("other"))))
            assert.equal(503, (emu.request("GET", S.pagerduty_path("team/checkout"))))
        end)

        it("queues faults: the first matching one is used first", function()
            emu.fault { path = "opsgenie", status = 500 }
            emu.fault { path = "opsgenie", status = 502, count = 2 }
            emu.fault { path = "types", status = 503 }
            assert.equal(500, (emu.request("GET", S.OPSGENIE)))
            assert.equal(503, (emu.request("GET", S.TYPES)))
            assert.equal(502, (emu.request("GET", S.OPSGENIE)))
            assert.equal(502, (emu.request("GET", S.OPSGENIE)))
            assert.equal(200, (emu.request("GET", S.OPSGENIE)))
        end)

        it("DELETE /_emulator/faults and reset drop queued faults", function()
            emu.fault { path = ".", status = 500, count = 10 }
            emu.clear_faults()
            assert.equal(200, (emu.request("GET", S.OPSGENIE)))
            emu.fault { path = ".", status = 500, count = 10 }
            emu.reset()
            assert.equal(200, (emu.request("GET", S.OPSGENIE)))
        end)

        it("never applies to the control API", function()
            emu.fault { path = ".", action = "close_before", count = 5 }
            assert.equal(1, #emu.faults())
            assert.equal(0, #emu.requests())
            emu.clear_faults()
        end)

        it("rejects invalid fault descriptions with 400", function()
            local cases = {
                { { status = 500 }, "path: is required" },
                { { path = "[", status = 500 }, "path: is not a valid Lua pattern" },
                { { path = "x" }, "needs at least one of status, delay_ms, action" },
                { { path = "x", action = "explode" }, "action: must be one of" },
                { { path = "x", status = 99 }, "status: must be between 200 and 599" },
                { { path = "x", status = 500, count = 0 }, "count: must be at least 1" },
                { { path = "x", delay_ms = -5 }, "delay_ms: must be between" },
                { { path = "x", status = 500, headers = { A = emu.object() } }, "headers.A" },
            }
            for _, c in ipairs(cases) do
                local status, doc = emu.control("POST", "faults", emu.object(c[1]))
                assert.equal(400, status, emu.encode(c[1]))
                S.assert_error(doc, c[2])
            end
            assert.equal(0, #emu.faults())
        end)
    end)

    describe("delay", function()
        it("delays, then answers normally", function()
            emu.fault { path = "types", delay_ms = 300 }
            local t0 = socket.gettime()
            local status = emu.request("GET", S.TYPES)
            local elapsed = socket.gettime() - t0
            assert.equal(200, status)
            assert.is_true(elapsed >= 0.29, "took " .. elapsed)
            local t1 = socket.gettime()
            emu.request("GET", S.TYPES)
            assert.is_true(socket.gettime() - t1 < 0.2, "only one request was delayed")
        end)

        it("delays, then answers the given status", function()
            emu.fault { path = "types", delay_ms = 200, status = 503 }
            local t0 = socket.gettime()
            assert.equal(503, (emu.request("GET", S.TYPES)))
            assert.is_true(socket.gettime() - t0 >= 0.19)
        end)

        it("lets a client time out", function()
            emu.fault { path = "types", delay_ms = 1500 }
            local t0 = socket.gettime()
            local status, err = emu.request("GET", S.TYPES, { timeout = 0.3 })
            assert.is_nil(status)
            assert.equal("timeout", err)
            assert.is_true(socket.gettime() - t0 < 1)
        end)
    end)

    describe("broken connections and bodies", function()
        it("close_before: the connection closes with no response, nothing is done", function()
            emu.fault { path = "^/api/v2/incidents$", action = "close_before" }
            local raw, err = emu.raw("POST", S.INCIDENTS, { body = S.incident_body() })
            assert.is_true(raw == "" or raw == nil, "no bytes: " .. tostring(raw))
            assert.is_true(raw == "" or err ~= nil)
            assert.equal(0, incidents_count())
            local log = emu.requests()
            assert.equal(0, log[1].status)
            assert.equal("close_before", log[1].fault.action)
        end)

        it("close_mid: headers promise a body that stops halfway; the operation was done", function()
            emu.fault { path = "^/api/v2/incidents$", method = "POST", action = "close_mid" }
            local status, h, body, extra = emu.request("POST", S.INCIDENTS, { body = S.incident_body() })
            assert.equal(201, status)
            assert.is_false(extra.complete)
            local promised = tonumber(h["content-length"])
            assert.is_true(#body > 0 and #body < promised, #body .. " of " .. promised)
            assert.equal("close", h["connection"])
            S.assert_rate_headers(h, "incidents")
            assert.is_nil(emu.try_json(body))
            assert.equal(1, incidents_count(), "the server performed the create")
        end)

        it("close_mid on a body-less answer cuts the header block", function()
            local id = S.create_incident()
            emu.fault { path = "^/api/v2/incidents/", method = "DELETE", action = "close_mid" }
            local raw = emu.raw("DELETE", S.INCIDENTS .. "/" .. id)
            assert.truthy(raw:match("^HTTP/1%.1 204"))
            assert.is_nil(raw:find("\r\n\r\n", 1, true), "headers never end")
        end)

        it("truncate: a complete-looking answer whose JSON is cut short", function()
            local id = S.create_incident()
            local _, _, full = emu.request("GET", S.INCIDENTS .. "/" .. id)
            emu.fault { path = "^/api/v2/incidents/", action = "truncate" }
            local status, h, body, extra = emu.request("GET", S.INCIDENTS .. "/" .. id)
            assert.equal(200, status)
            assert.is_true(extra.complete, "Content-Length matches the bytes sent")
            assert.equal(#body, tonumber(h["content-length"]))
            assert.is_true(#body < #full)
            assert.equal(full:sub(1, #body), body)
            assert.is_nil(emu.try_json(body))
        end)

        it("malformed: 200 with a body that is not JSON", function()
            emu.fault { path = "opsgenie", action = "malformed" }
            local status, h, body, extra = emu.request("GET", S.OPSGENIE)
            assert.equal(200, status)
            assert.is_true(extra.complete)
            assert.equal("application/json", h["content-type"])
            assert.is_true(#body > 0)
            local v, err = emu.try_json(body)
            assert.is_nil(v)
            assert.truthy(err)
            S.assert_rate_headers(h, "opsgenie")
        end)

        it("gzip: the normal answer, gzip-encoded with Content-Encoding: gzip", function()
            local og = S.create_opsgenie()
            emu.fault { path = "opsgenie", action = "gzip" }
            local status, h, body = emu.request("GET", S.OPSGENIE .. "/" .. og)
            assert.equal(200, status)
            assert.equal("gzip", h["content-encoding"])
            assert.equal(#body, tonumber(h["content-length"]))
            assert.equal("\31\139", body:sub(1, 2), "gzip magic")
            local plain = assert(emu.gunzip(body))
            local doc = emu.json(plain)
            assert.equal(og, doc.data.id)
            assert.equal("fake-opsgenie-service-name", doc.data.attributes.name)
        end)

        it("gzip and truncate combine with a status", function()
            emu.fault { path = "types", status = 503, action = "gzip" }
            local status, h, body = emu.request("GET", S.TYPES)
            assert.equal(503, status)
            assert.equal("gzip", h["content-encoding"])
            S.assert_error(emu.json(assert(emu.gunzip(body))))
            emu.fault { path = "types", status = 500, action = "truncate" }
            local s2, _, b2 = emu.request("GET", S.TYPES)
            assert.equal(500, s2)
            assert.is_nil(emu.try_json(b2))
        end)

        it("apply over HTTPS too", function()
            emu.fault { path = "opsgenie", action = "close_mid" }
            local status, _, body, extra = emu.request("GET", S.OPSGENIE, { tls = true })
            assert.equal(200, status)
            assert.is_false(extra.complete)
            assert.is_nil(emu.try_json(body))
            emu.fault { path = "opsgenie", action = "close_before" }
            local raw = emu.raw("GET", S.OPSGENIE, { tls = true })
            assert.is_true(raw == nil or raw == "")
            local final, ferr = emu.request("GET", S.OPSGENIE, { tls = true })
            assert.equal(200, final, ferr)
        end)
    end)
end)

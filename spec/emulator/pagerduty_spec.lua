-- PagerDuty integration services (seed 004, v1): Create, Get, Update (PUT), Delete.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator PagerDuty services", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("creates (201 {service_name}), gets, updates (200, empty body) and deletes (204)", function()
        local status, doc, headers, text = emu.call("POST", S.PAGERDUTY,
            { service_name = "checkout", service_key = S.PD_KEY })
        assert.equal(201, status)
        assert.equal('{"service_name":"checkout"}', text)
        assert.equal("application/json", headers["content-type"])
        assert.same({ service_name = "checkout" }, doc)

        local gstatus, gdoc = emu.call("GET", S.pagerduty_path("checkout"))
        assert.equal(200, gstatus)
        assert.same({ service_name = "checkout" }, gdoc)

        local ustatus, _, uheaders, utext = emu.call("PUT", S.pagerduty_path("checkout"),
            { service_key = "rotated-service-key-000000" }, { headers = { Accept = "*/*" } })
        assert.equal(200, ustatus)
        assert.equal("", utext)
        assert.equal("0", uheaders["content-length"])

        local dstatus, _, _, dtext = emu.call("DELETE", S.pagerduty_path("checkout"))
        assert.equal(204, dstatus)
        assert.equal("", dtext)
        assert.equal(404, (emu.call("DELETE", S.pagerduty_path("checkout"))))
        assert.equal(404, (emu.call("GET", S.pagerduty_path("checkout"))))
        assert.equal(404, (emu.call("PUT", S.pagerduty_path("checkout"), { service_key = "k" })))
    end)

    it("never answers with the service key", function()
        S.create_pagerduty("svc")
        for _, call in ipairs {
            { "GET", S.pagerduty_path("svc") },
            { "PUT", S.pagerduty_path("svc"), { service_key = S.PD_KEY } },
            { "POST", S.PAGERDUTY, { service_name = "svc", service_key = S.PD_KEY } },
        } do
            local _, _, _, text = emu.call(call[1], call[2], call[3])
            assert.is_nil(text:find(S.PD_KEY, 1, true))
            assert.is_nil(text:find("service_key", 1, true))
        end
    end)

    it("answers 409 for a duplicate service name", function()
        S.create_pagerduty("dup")
        local status, doc = emu.call("POST", S.PAGERDUTY, { service_name = "dup", service_key = "other" })
        assert.equal(409, status)
        S.assert_error(doc, "dup")
    end)

    it("decodes percent-encoded names: '/', '?', '#', spaces, '..', '+' and UTF-8 work", function()
        local names = { "team/checkout", "what?", "#ops", "on call rota", "..", "a+b", "équipe ☕",
            "100%", "a%2Fb" }
        for _, name in ipairs(names) do
            S.create_pagerduty(name)
        end
        S.create_pagerduty("team")
        for _, name in ipairs(names) do
            local status, doc = emu.call("GET", S.pagerduty_path(name))
            assert.equal(200, status, name)
            assert.equal(name, doc.service_name)
        end
        -- "team/checkout" is one segment: its %2F never makes it "team" plus something else.
        local _, team = emu.call("GET", S.pagerduty_path("team"))
        assert.equal("team", team.service_name)
        assert.equal(404, (emu.call("GET", S.PAGERDUTY .. "/team/checkout")))
        -- '+' in a path is a literal plus, not a space.
        assert.equal(404, (emu.call("GET", S.PAGERDUTY .. "/a%20b")))
        assert.equal(204, (emu.call("DELETE", S.pagerduty_path("team/checkout"))))
        assert.equal(200, (emu.call("GET", S.pagerduty_path("team"))))
        -- The log keeps the path exactly as it arrived.
        local log = emu.requests()
        assert.equal(S.PAGERDUTY .. "/team%2Fcheckout", log[#log - 1].path)
    end)

    it("validates bodies", function()
        local cases = {
            { "POST", S.PAGERDUTY, { service_name = "x" }, "service_key: is required" },
            { "POST", S.PAGERDUTY, { service_key = "k" }, "service_name: is required" },
            { "POST", S.PAGERDUTY, { service_key = "k", service_name = 5 }, "service_name: must be a string" },
            { "POST", S.PAGERDUTY, { service_key = true, service_name = "x" }, "service_key: must be a string" },
            { "POST", S.PAGERDUTY, { service_key = "k", service_name = "" }, "service_name: must not be empty" },
            { "POST", S.PAGERDUTY, emu.array { "x" }, "body: must be an object" },
        }
        for _, c in ipairs(cases) do
            local status, doc = emu.call(c[1], c[2], c[3])
            assert.equal(400, status, emu.encode(c[3]))
            S.assert_error(doc, c[4])
        end
        S.create_pagerduty("svc")
        local status, doc = emu.call("PUT", S.pagerduty_path("svc"), emu.object())
        assert.equal(400, status)
        S.assert_error(doc, "service_key: is required")
        local s2, d2 = emu.call("PUT", S.pagerduty_path("svc"), { service_key = 1 })
        assert.equal(400, s2)
        S.assert_error(d2, "service_key: must be a string")
    end)
end)

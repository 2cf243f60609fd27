-- Opsgenie integration services (seed 003): List, Create, Get, Update, Delete.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

local function item(id)
    return S.OPSGENIE .. "/" .. S.enc(id)
end

local function patch_body(id, attrs)
    return { data = { id = id, type = "opsgenie-service", attributes = attrs or emu.object() } }
end

describe("emulator Opsgenie services", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("creates (201) in seed 003's shape and never answers with the Opsgenie API key", function()
        local status, doc, _, text = emu.call("POST", S.OPSGENIE, S.opsgenie_body())
        assert.equal(201, status)
        assert.equal("opsgenie-service", doc.data.type)
        assert.truthy(doc.data.id:match(S.UUID))
        assert.same({ name = "fake-opsgenie-service-name", region = "us", custom_url = emu.null },
            doc.data.attributes)
        assert.truthy(text:find('"custom_url":null', 1, true))
        assert.is_nil(text:find("opsgenie_api_key", 1, true))
        assert.is_nil(text:find(S.OPSGENIE_KEY, 1, true))

        local id = doc.data.id
        for _, call in ipairs {
            { "GET", item(id) },
            { "GET", S.OPSGENIE },
            { "PATCH", item(id), patch_body(id, { opsgenie_api_key = "another-secret-key-value" }) },
        } do
            local st, _, _, t = emu.call(call[1], call[2], call[3])
            assert.equal(200, st)
            assert.is_nil(t:find("opsgenie_api_key", 1, true), call[1] .. " " .. call[2])
            assert.is_nil(t:find(S.OPSGENIE_KEY, 1, true))
            assert.is_nil(t:find("another-secret-key-value", 1, true))
        end
    end)

    it("Get, List, Update and Delete reflect every change", function()
        local a = S.create_opsgenie { name = "alpha" }
        local b = S.create_opsgenie { name = "beta", region = "custom",
            custom_url = "https://opsgenie.example.com" }

        local status, doc = emu.call("GET", item(b))
        assert.equal(200, status)
        assert.same({ name = "beta", region = "custom", custom_url = "https://opsgenie.example.com" },
            doc.data.attributes)

        local _, list = emu.call("GET", S.OPSGENIE)
        assert.equal(2, #list.data)
        assert.equal(a, list.data[1].id)
        assert.equal(b, list.data[2].id)

        local ustatus, udoc = emu.call("PATCH", item(a), patch_body(a, { name = "alpha-2", region = "eu" }))
        assert.equal(200, ustatus)
        assert.same({ name = "alpha-2", region = "eu", custom_url = emu.null }, udoc.data.attributes)
        local _, got = emu.call("GET", item(a))
        assert.equal("alpha-2", got.data.attributes.name)

        local cstatus, cdoc = emu.call("PATCH", item(b), patch_body(b, { region = "us", custom_url = emu.null }))
        assert.equal(200, cstatus)
        assert.equal(emu.null, cdoc.data.attributes.custom_url)

        assert.equal(204, (emu.call("DELETE", item(a))))
        assert.equal(404, (emu.call("DELETE", item(a))))
        assert.equal(404, (emu.call("GET", item(a))))
        local _, after = emu.call("GET", S.OPSGENIE)
        assert.equal(1, #after.data)
        assert.equal(b, after.data[1].id)
    end)

    it("answers 409 for a duplicate name, on create and on a rename", function()
        S.create_opsgenie { name = "dup" }
        local status, doc = emu.call("POST", S.OPSGENIE, S.opsgenie_body { name = "dup", region = "eu" })
        assert.equal(409, status)
        S.assert_error(doc, "dup")
        local other = S.create_opsgenie { name = "other" }
        local rstatus, rdoc = emu.call("PATCH", item(other), patch_body(other, { name = "dup" }))
        assert.equal(409, rstatus)
        S.assert_error(rdoc)
        local _, got = emu.call("GET", item(other))
        assert.equal("other", got.data.attributes.name, "the refused rename left the name alone")
        local same = emu.call("PATCH", item(other), patch_body(other, { name = "other" }))
        assert.equal(200, same, "renaming to its own name is no conflict")
        local _, list = emu.call("GET", S.OPSGENIE)
        assert.equal(2, #list.data)
    end)

    it("limits names to 100 characters (counted as characters, not bytes)", function()
        assert.equal(201, (emu.call("POST", S.OPSGENIE, S.opsgenie_body { name = ("n"):rep(100) })))
        assert.equal(201, (emu.call("POST", S.OPSGENIE, S.opsgenie_body { name = ("é"):rep(100) })))
        local status, doc = emu.call("POST", S.OPSGENIE, S.opsgenie_body { name = ("x"):rep(101) })
        assert.equal(400, status)
        S.assert_error(doc, "data.attributes.name: must be at most 100 characters")
    end)

    it("validates create bodies", function()
        local cases = {
            { S.opsgenie_body { region = "ap" }, "data.attributes.region: must be one of us, eu, custom" },
            { S.opsgenie_body { region = "custom" }, "data.attributes.custom_url: is required when region is custom" },
            { S.opsgenie_body { name = "" }, "data.attributes.name: must not be empty" },
            { S.opsgenie_body { name = 12 }, "data.attributes.name: must be a string" },
            { S.opsgenie_body { custom_url = 5 }, "data.attributes.custom_url: must be a string" },
            { { data = { type = "opsgenie-service", attributes = { name = "n", region = "us" } } },
                "data.attributes.opsgenie_api_key: is required" },
            { { data = { type = "opsgenie-service", attributes = { name = "n", opsgenie_api_key = "k" } } },
                "data.attributes.region: is required" },
            { { data = { type = "opsgenie-service", attributes = { region = "us", opsgenie_api_key = "k" } } },
                "data.attributes.name: is required" },
            { { data = { type = "opsgenie_service", attributes = S.opsgenie_body().data.attributes } },
                "data.type: must be one of opsgenie-service" },
            { { data = { attributes = S.opsgenie_body().data.attributes } }, "data.type: is required" },
        }
        for _, c in ipairs(cases) do
            local status, doc = emu.call("POST", S.OPSGENIE, c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
        end
        local _, list = emu.call("GET", S.OPSGENIE)
        assert.equal(0, #list.data)
    end)

    it("validates update bodies: data.id (1..100 chars, matching the path), type, attributes", function()
        local id = S.create_opsgenie()
        local cases = {
            { { data = { type = "opsgenie-service", attributes = { name = "x" } } }, "data.id: is required" },
            { patch_body(("i"):rep(101)), "data.id: must be at most 100 characters" },
            { patch_body(""), "data.id: must not be empty" },
            { patch_body("596da4af-0563-4097-90ff-07230c3f9db3"), "data.id: must match" },
            { { data = { id = id, type = "opsgenie-service" } }, "data.attributes: is required" },
            { patch_body(id, { region = "moon" }), "data.attributes.region: must be one of us, eu, custom" },
            { patch_body(id, { region = "custom" }), "data.attributes.custom_url: is required when region is custom" },
            { patch_body(id, { name = ("y"):rep(101) }), "data.attributes.name: must be at most 100 characters" },
        }
        for _, c in ipairs(cases) do
            local status, doc = emu.call("PATCH", item(id), c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
        end
        local _, got = emu.call("GET", item(id))
        assert.same({ name = "fake-opsgenie-service-name", region = "us", custom_url = emu.null },
            got.data.attributes)
    end)
end)

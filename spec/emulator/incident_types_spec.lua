-- Incident types (seed 002): List, Create, Get, Update, Delete; include_deleted.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator incident types", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("CreateIncidentType answers 201 in seed 002's shape (camelCase read-only fields)", function()
        local status, doc = emu.call("POST", S.TYPES, S.type_body {
            configuration = { allow_incident_deletion = true, slug_source = "servicenow" },
        })
        assert.equal(201, status)
        local d = doc.data
        assert.equal("incident_types", d.type)
        assert.truthy(d.id:match(S.UUID))
        local a = d.attributes
        assert.equal("Security Incident", a.name)
        assert.equal("IR", a.prefix)
        assert.is_false(a.is_default)
        assert.truthy(a.description:find("confidentiality", 1, true))
        assert.truthy(a.createdAt:match(S.TIMESTAMP))
        assert.truthy(a.modifiedAt:match(S.TIMESTAMP))
        assert.equal(S.USER_ID, a.createdBy)
        assert.equal(S.USER_ID, a.lastModifiedBy)
        assert.is_nil(a.created_at)
        assert.is_true(a.configuration.allow_incident_deletion)
        assert.equal("servicenow", a.configuration.slug_source)
        assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.created_by_user)
        assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.last_modified_by_user)
        assert.equal("google_meet_configurations", d.relationships.google_meet_configuration.data.type)
        assert.equal("microsoft_teams_configurations", d.relationships.microsoft_teams_configuration.data.type)
        assert.equal("zoom_configurations", d.relationships.zoom_configuration.data.type)
    end)

    it("Get, Update (PATCH) and List reflect changes", function()
        local id = S.create_type()
        local status, doc = emu.call("GET", S.TYPES .. "/" .. id)
        assert.equal(200, status)
        assert.equal("Security Incident", doc.data.attributes.name)

        local ustatus, udoc = emu.call("PATCH", S.TYPES .. "/" .. id, { data = {
            id = id, type = "incident_types", attributes = { name = "Security Incident-updated" } } })
        assert.equal(200, ustatus)
        assert.equal("Security Incident-updated", udoc.data.attributes.name)
        assert.equal("IR", udoc.data.attributes.prefix, "attributes left out keep their value")
        assert.equal(doc.data.attributes.createdAt, udoc.data.attributes.createdAt)

        local _, again = emu.call("GET", S.TYPES .. "/" .. id)
        assert.equal("Security Incident-updated", again.data.attributes.name)

        local other = S.create_type { name = "Outage" }
        local lstatus, list = emu.call("GET", S.TYPES)
        assert.equal(200, lstatus)
        assert.equal(2, #list.data)
        assert.equal(id, list.data[1].id)
        assert.equal(other, list.data[2].id)
    end)

    it("only one type is the default", function()
        local a = S.create_type { name = "A", is_default = true }
        local b = S.create_type { name = "B" }
        emu.call("PATCH", S.TYPES .. "/" .. b, { data = { id = b, type = "incident_types",
            attributes = { is_default = true } } })
        local _, da = emu.call("GET", S.TYPES .. "/" .. a)
        local _, db = emu.call("GET", S.TYPES .. "/" .. b)
        assert.is_false(da.data.attributes.is_default)
        assert.is_true(db.data.attributes.is_default)
    end)

    it("DeleteIncidentType answers 204, hides the type unless include_deleted=true", function()
        local keep = S.create_type { name = "Keep" }
        local gone = S.create_type { name = "Gone" }
        local status, _, _, text = emu.call("DELETE", S.TYPES .. "/" .. gone)
        assert.equal(204, status)
        assert.equal("", text)

        assert.equal(404, (emu.call("DELETE", S.TYPES .. "/" .. gone)))
        assert.equal(404, (emu.call("GET", S.TYPES .. "/" .. gone)))
        assert.equal(404, (emu.call("PATCH", S.TYPES .. "/" .. gone, { data = {
            id = gone, type = "incident_types", attributes = { name = "back" } } })))

        for _, q in ipairs { "", "?include_deleted=false" } do
            local _, list = emu.call("GET", S.TYPES .. q)
            assert.equal(1, #list.data, q)
            assert.equal(keep, list.data[1].id)
        end
        for _, q in ipairs { "?include_deleted=true", "?include_deleted=TRUE" } do
            local _, all = emu.call("GET", S.TYPES .. q)
            assert.equal(2, #all.data, q)
            assert.equal(gone, all.data[2].id)
            assert.is_true(all.data[2].attributes.deleted)
            assert.is_nil(all.data[1].attributes.deleted)
        end
        local bad, bdoc = emu.call("GET", S.TYPES .. "?include_deleted=maybe")
        assert.equal(400, bad)
        S.assert_error(bdoc, "include_deleted")
    end)

    it("answers 404 for unknown ids", function()
        local ghost = "00000000-0000-4000-8000-000000000000"
        assert.equal(404, (emu.call("GET", S.TYPES .. "/" .. ghost)))
        assert.equal(404, (emu.call("DELETE", S.TYPES .. "/" .. ghost)))
        assert.equal(404, (emu.call("PATCH", S.TYPES .. "/" .. ghost, { data = {
            id = ghost, type = "incident_types", attributes = emu.object() } })))
    end)

    it("validates create and patch bodies", function()
        local create_cases = {
            { { data = { type = "incident_types", attributes = { description = "x" } } },
                "data.attributes.name: is required" },
            { S.type_body { name = 7 }, "data.attributes.name: must be a string" },
            { S.type_body { name = "" }, "data.attributes.name: must not be empty" },
            { S.type_body { is_default = "no" }, "data.attributes.is_default: must be a boolean" },
            { S.type_body { configuration = { slug_source = "jira" } },
                "data.attributes.configuration.slug_source: must be one of default, servicenow" },
            { S.type_body { configuration = { private_incidents = 1 } },
                "data.attributes.configuration.private_incidents: must be a boolean" },
            { { data = { type = "incident_type", attributes = { name = "x" } } },
                "data.type: must be one of incident_types" },
        }
        for _, c in ipairs(create_cases) do
            local status, doc = emu.call("POST", S.TYPES, c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
        end
        local id = S.create_type()
        local patch_cases = {
            { { data = { type = "incident_types", attributes = { name = "x" } } }, "data.id: is required" },
            { { data = { id = id, type = "incident_types" } }, "data.attributes: is required" },
            { { data = { id = id, attributes = { name = "x" } } }, "data.type: is required" },
            { { data = { id = "other", type = "incident_types", attributes = { name = "x" } } },
                "data.id: must match" },
            { { data = { id = id, type = "incident_types", attributes = { prefix = 3 } } },
                "data.attributes.prefix: must be a string" },
        }
        for _, c in ipairs(patch_cases) do
            local status, doc = emu.call("PATCH", S.TYPES .. "/" .. id, c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
        end
        local _, list = emu.call("GET", S.TYPES)
        assert.equal(1, #list.data)
        assert.equal("Security Incident", list.data[1].attributes.name)
    end)
end)

-- Incident integration metadata (seeds 000 and 001): List, Create, Get, Update, Delete.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator incident integrations", function()
    local incident

    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
        incident = S.create_incident()
    end)

    it("CreateIncidentIntegration answers 201 in seed 000's shape for Slack, Teams and Jira", function()
        for _, c in ipairs { { 1, S.slack() }, { 7, S.teams() }, { 8, S.jira() } } do
            local status, doc, _, text = emu.call("POST", S.integrations_path(incident),
                S.integration_body(c[1], c[2], { status = 2 }))
            assert.equal(201, status, text)
            local d = doc.data
            assert.equal("incident_integrations", d.type)
            assert.truthy(d.id:match(S.UUID))
            assert.equal(c[1], d.attributes.integration_type)
            assert.equal("integer", math.type(d.attributes.integration_type))
            assert.truthy(text:find('"integration_type":' .. c[1] .. "[,}]"))
            assert.equal(2, d.attributes.status)
            assert.truthy(text:find('"status":2[,}]'))
            assert.same(c[2], d.attributes.metadata)
            assert.equal(incident, d.attributes.incident_id)
            assert.truthy(d.attributes.created:match(S.TIMESTAMP))
            assert.truthy(d.attributes.modified:match(S.TIMESTAMP))
            assert.equal(S.USER_ID, d.attributes.created_by_uuid)
            assert.equal(S.USER_ID, d.attributes.last_modified_by_uuid)
            assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.created_by_user)
            assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.last_modified_by_user)
            assert.equal(1, #doc.included)
            assert.equal("users", doc.included[1].type)
            assert.equal(S.USER_ID, doc.included[1].attributes.uuid)
        end
    end)

    it("defaults status to 0 and keeps an empty list as []", function()
        local status, doc, _, text = emu.call("POST", S.integrations_path(incident),
            S.integration_body(1, { channels = emu.array() }))
        assert.equal(201, status)
        assert.equal(0, doc.data.attributes.status)
        assert.truthy(text:find('"metadata":{"channels":[]}', 1, true))
        local _, _, _, got = emu.call("GET", S.integrations_path(incident, doc.data.id))
        assert.truthy(got:find('"channels":[]', 1, true))
    end)

    it("Get, List, Update and Delete reflect every change", function()
        local a = S.create_integration(incident, 1, S.slack())
        local b = S.create_integration(incident, 8, S.jira())

        local status, doc = emu.call("GET", S.integrations_path(incident, a))
        assert.equal(200, status)
        assert.equal(a, doc.data.id)
        assert.equal(1, #doc.included)

        local lstatus, list, _, ltext = emu.call("GET", S.integrations_path(incident))
        assert.equal(200, lstatus)
        assert.equal(2, #list.data)
        assert.equal(a, list.data[1].id)
        assert.equal(b, list.data[2].id)
        assert.equal(1, #list.included)
        assert.same({ offset = 0, next_offset = 2, size = 2 }, list.meta.pagination)
        assert.truthy(ltext:find('"pagination":{"next_offset":2,"offset":0,"size":2}', 1, true))

        local _, inc = emu.call("GET", S.INCIDENTS .. "/" .. incident)
        assert.equal(2, #inc.data.relationships.integrations.data)
        assert.equal("incident_integrations", inc.data.relationships.integrations.data[1].type)

        local renamed = S.slack()
        renamed.channels[1].channel_name = "#updated-channel-name"
        local ustatus, udoc = emu.call("PATCH", S.integrations_path(incident, a),
            S.integration_body(1, renamed, { status = 4 }))
        assert.equal(200, ustatus)
        assert.equal("#updated-channel-name", udoc.data.attributes.metadata.channels[1].channel_name)
        assert.equal(4, udoc.data.attributes.status)
        assert.equal(doc.data.attributes.created, udoc.data.attributes.created)
        local _, again = emu.call("GET", S.integrations_path(incident, a))
        assert.equal("#updated-channel-name", again.data.attributes.metadata.channels[1].channel_name)
        assert.equal(4, again.data.attributes.status)

        assert.equal(204, (emu.call("DELETE", S.integrations_path(incident, a))))
        assert.equal(404, (emu.call("DELETE", S.integrations_path(incident, a))))
        assert.equal(404, (emu.call("GET", S.integrations_path(incident, a))))
        local _, after = emu.call("GET", S.integrations_path(incident))
        assert.equal(1, #after.data)
        assert.equal(b, after.data[1].id)
        assert.same({ offset = 0, next_offset = 1, size = 1 }, after.meta.pagination)
    end)

    it("an empty list answers data [] and included []", function()
        local status, doc, _, text = emu.call("GET", S.integrations_path(incident))
        assert.equal(200, status)
        assert.truthy(text:find('"data":[]', 1, true))
        assert.truthy(text:find('"included":[]', 1, true))
        assert.same({ offset = 0, next_offset = 0, size = 0 }, doc.meta.pagination)
    end)

    it("answers 404 for an unknown incident or integration", function()
        local ghost = "00000000-0000-4000-8000-000000000000"
        local id = S.create_integration(incident)
        local body = S.integration_body(1, S.slack())
        -- as Datadog answers: a bare 404 for the incident, a "Generic Error" for the rest
        local no_incident = { status = "404", title = "Not Found" }
        local no_integration = { title = "Generic Error", detail = "incident integration doesn't exist" }
        for _, c in ipairs {
            { "GET", S.integrations_path(ghost), nil, no_incident },
            { "POST", S.integrations_path(ghost), body, no_incident },
            { "GET", S.integrations_path(ghost, id), nil, no_incident },
            { "PATCH", S.integrations_path(ghost, id), body, no_incident },
            { "DELETE", S.integrations_path(ghost, id), nil, no_incident },
            { "GET", S.integrations_path(incident, ghost), nil, no_integration },
            { "PATCH", S.integrations_path(incident, ghost), body, no_integration },
            { "DELETE", S.integrations_path(incident, ghost), nil, no_integration },
        } do
            local status, doc, headers = emu.call(c[1], c[2], c[3])
            assert.equal(404, status, c[1] .. " " .. c[2])
            assert.equal("application/vnd.api+json", headers["content-type"])
            assert.equal(1, #doc.errors)
            for _, k in ipairs { "status", "title", "detail", "source" } do
                assert.equal(c[4][k], doc.errors[1][k], c[1] .. " " .. c[2] .. " " .. k)
            end
        end
    end)

    it("deleting the incident removes its integrations", function()
        local id = S.create_integration(incident)
        assert.equal(204, (emu.call("DELETE", S.INCIDENTS .. "/" .. incident)))
        assert.equal(404, (emu.call("GET", S.integrations_path(incident, id))))
        assert.equal(404, (emu.call("GET", S.integrations_path(incident))))
    end)

    it("validates bodies: enums, types, metadata shape against integration_type", function()
        local chan = S.slack().channels[1]
        local no_id = { channel_name = chan.channel_name, redirect_url = chan.redirect_url }
        local cases = {
            { { data = { attributes = { integration_type = 1, metadata = S.slack() } } }, "data.type: is required" },
            { { data = { type = "incident_integration", attributes = { integration_type = 1, metadata = S.slack() } } },
                "data.type: must be one of incident_integrations" },
            { { data = { type = "incident_integrations" } }, "data.attributes: is required" },
            { S.integration_body(nil, S.slack()), "data.attributes.integration_type: is required" },
            { S.integration_body(1, nil), "data.attributes.metadata: is required" },
            { S.integration_body(5, S.slack()), "data.attributes.integration_type: must be one of 1, 7, 8" },
            { S.integration_body("1", S.slack()), "data.attributes.integration_type: must be an integer" },
            { S.integration_body(1.5, S.slack()), "data.attributes.integration_type: must be an integer" },
            { S.integration_body(7, S.slack()),
                "data.attributes.metadata: shape does not match integration_type 7 (expected teams" },
            { S.integration_body(1, S.jira()),
                "data.attributes.metadata: shape does not match integration_type 1 (expected channels" },
            { S.integration_body(8, { issues = S.jira().issues, teams = S.teams().teams }),
                "data.attributes.metadata: must have exactly one of" },
            { S.integration_body(1, emu.object()), "data.attributes.metadata: must have exactly one of" },
            { S.integration_body(1, { channels = emu.object() }),
                "data.attributes.metadata.channels: must be an array" },
            { S.integration_body(1, { channels = { no_id } }),
                "data.attributes.metadata.channels[0].channel_id: is required" },
            { S.integration_body(7, { teams = { { ms_tenant_id = "t" } } }),
                "data.attributes.metadata.teams[0].ms_channel_id: is required" },
            { S.integration_body(8, { issues = { { account = "a", project_key = 7 } } }),
                "data.attributes.metadata.issues[0].project_key: must be a string" },
            { S.integration_body(1, S.slack(), { status = 6 }), "data.attributes.status: must be between 0 and 5" },
            { S.integration_body(1, S.slack(), { status = -1 }), "data.attributes.status: must be between 0 and 5" },
            { S.integration_body(1, S.slack(), { status = "2" }), "data.attributes.status: must be an integer" },
            { S.integration_body(1, "slack"), "data.attributes.metadata: must be an object" },
        }
        local existing = S.create_integration(incident)
        for _, c in ipairs(cases) do
            local status, doc = emu.call("POST", S.integrations_path(incident), c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
            local pstatus, pdoc = emu.call("PATCH", S.integrations_path(incident, existing), c[1])
            assert.equal(400, pstatus, emu.encode(c[1]))
            S.assert_error(pdoc, c[2])
        end
        local _, list = emu.call("GET", S.integrations_path(incident))
        assert.equal(1, #list.data, "no invalid create was stored")
        assert.same(S.slack(), list.data[1].attributes.metadata, "no invalid update was applied")
    end)
end)

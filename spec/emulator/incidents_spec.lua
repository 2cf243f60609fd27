-- Incidents: ListIncidents, CreateIncident, GetIncident, UpdateIncident, DeleteIncident.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator incidents", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)

    it("CreateIncident answers 201 with a server-made UUID, public_id and timestamps", function()
        local status, doc, headers, text = emu.call("POST", S.INCIDENTS,
            S.incident_body { title = "Checkout errors", customer_impacted = true,
                customer_impact_scope = "EU customers" })
        assert.equal(201, status)
        assert.equal("application/json", headers["content-type"])
        local d = doc.data
        assert.equal("incidents", d.type)
        assert.truthy(d.id:match(S.UUID))
        local a = d.attributes
        assert.equal("Checkout errors", a.title)
        assert.is_true(a.customer_impacted)
        assert.equal("EU customers", a.customer_impact_scope)
        assert.equal(1, a.public_id)
        assert.equal("integer", math.type(a.public_id))
        assert.truthy(text:find('"public_id":1[,}]'), "public_id is written as an integer")
        assert.truthy(a.created:match(S.TIMESTAMP))
        assert.equal(a.created, a.modified)
        assert.equal("active", a.state)
        assert.equal(emu.null, a.resolved)
        assert.is_true(emu.is_array(a.notification_handles))
        assert.truthy(text:find('"notification_handles":[]', 1, true))
        assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.created_by_user)
        assert.same({ data = { id = S.USER_ID, type = "users" } }, d.relationships.last_modified_by_user)
        assert.equal(emu.null, d.relationships.commander_user.data)
        assert.is_nil(doc.included, "no included without ?include")

        local _, second = emu.call("POST", S.INCIDENTS, S.incident_body())
        assert.equal(2, second.data.attributes.public_id)
        assert.are_not.equal(d.id, second.data.id)
    end)

    it("carries the attributes and relationships real incidents carry today", function()
        local _, doc = emu.call("POST", S.INCIDENTS, S.incident_body { is_test = true })
        local a, r = doc.data.attributes, doc.data.relationships
        assert.is_true(a.is_test)
        assert.equal(emu.null, a.commander)
        for _, who in ipairs { "created_by", "declared_by", "last_modified_by" } do
            assert.equal(S.USER_ID, a[who .. "_uuid"], who)
            local u = a[who].data
            assert.equal(S.USER_ID, u.id, who)
            assert.equal("users", u.type)
            assert.equal(S.USER_ID, u.attributes.uuid)
            for _, k in ipairs { "email", "handle", "icon", "name" } do
                assert.is_string(u.attributes[k], who .. "." .. k)
            end
        end
        assert.equal(a.created, a.declared)
        assert.equal(emu.null, a.creation_idempotency_key)
        assert.equal(emu.null, a.field_analytics)
        assert.equal(0, a.customer_impact_duration)
        for _, f in ipairs { "time_to_detect", "time_to_internal_response", "time_to_repair",
            "time_to_resolve" } do
            assert.equal("integer", math.type(a[f]), f)
        end
        assert.same({ type = "dropdown", value = "unknown" }, a.fields.detection_method)
        for name, kind in pairs { root_cause = "textbox", summary = "textbox",
            services = "autocomplete", teams = "autocomplete" } do
            assert.equal(kind, a.fields[name].type, name)
            assert.equal(emu.null, a.fields[name].value, name)
        end
        assert.same({ type = "dropdown", value = "UNKNOWN" }, a.fields.severity)
        assert.same({ type = "dropdown", value = "active" }, a.fields.state)
        assert.same({ data = { id = S.USER_ID, type = "users" } }, r.declared_by_user)
        for _, rel in ipairs { "impacts", "integrations", "attachments", "responders",
            "user_defined_fields" } do
            assert.is_true(emu.is_array(r[rel].data), rel)
        end

        -- a commander shows in the attributes as in the relationship; an update keeps it all
        local commander = "11111111-2222-4333-8444-555555555555"
        local id = doc.data.id
        local _, u = emu.call("PATCH", S.INCIDENTS .. "/" .. id, { data = { id = id,
            type = "incidents", relationships = { commander_user = { data = {
                id = commander, type = "users" } } },
            attributes = { fields = { summary = { type = "textbox", value = "db down" } } } } })
        assert.equal(commander, u.data.attributes.commander.data.id)
        assert.equal(commander, u.data.relationships.commander_user.data.id)
        assert.equal("db down", u.data.attributes.fields.summary.value)
        assert.equal("unknown", u.data.attributes.fields.detection_method.value)
        local _, listed = emu.call("GET", S.INCIDENTS)
        assert.same(u.data, listed.data[1])
        local _, got = emu.call("GET", S.INCIDENTS .. "/" .. id)
        assert.same(u.data, got.data)
    end)

    it("GetIncident, UpdateIncident and DeleteIncident reflect every change", function()
        local id = S.create_incident { title = "before" }
        local status, doc = emu.call("GET", S.INCIDENTS .. "/" .. id)
        assert.equal(200, status)
        assert.equal("before", doc.data.attributes.title)
        local created = doc.data.attributes.created

        local ustatus, udoc = emu.call("PATCH", S.INCIDENTS .. "/" .. id, { data = {
            id = id, type = "incidents",
            attributes = { title = "after", fields = { state = { type = "dropdown", value = "resolved" } } },
        } })
        assert.equal(200, ustatus)
        local a = udoc.data.attributes
        assert.equal("after", a.title)
        assert.equal("resolved", a.state)
        assert.equal("resolved", a.fields.state.value)
        assert.truthy(a.resolved:match(S.TIMESTAMP))
        assert.equal(created, a.created)
        assert.is_true(a.modified >= created)

        local _, again = emu.call("GET", S.INCIDENTS .. "/" .. id)
        assert.equal("after", again.data.attributes.title)
        assert.equal("resolved", again.data.attributes.state)

        local dstatus, _, dheaders, dtext = emu.call("DELETE", S.INCIDENTS .. "/" .. id)
        assert.equal(204, dstatus)
        assert.equal("", dtext)
        assert.is_nil(dheaders["content-type"])
        assert.equal(404, (emu.call("DELETE", S.INCIDENTS .. "/" .. id)))
        local gstatus, gdoc, gheaders = emu.call("GET", S.INCIDENTS .. "/" .. id)
        assert.equal(404, gstatus)
        assert.equal("jsonapi", S.assert_error(gdoc, "Not Found"))
        assert.equal("application/vnd.api+json", gheaders["content-type"])
        assert.equal(404, (emu.call("PATCH", S.INCIDENTS .. "/" .. id,
            { data = { id = id, type = "incidents" } })))
    end)

    it("ListIncidents reflects creates and deletes, pages with page[size]/page[offset]", function()
        local ids = {}
        for i = 1, 5 do
            ids[i] = S.create_incident { title = "incident " .. i }
        end
        local status, doc = emu.call("GET", S.INCIDENTS)
        assert.equal(200, status)
        assert.equal(5, #doc.data)
        assert.same({ offset = 0, next_offset = 10, size = 10 }, doc.meta.pagination)

        local _, p1 = emu.call("GET", S.INCIDENTS .. "?page%5Bsize%5D=2")
        assert.equal(2, #p1.data)
        assert.equal(ids[1], p1.data[1].id)
        assert.equal(ids[2], p1.data[2].id)
        assert.same({ offset = 0, next_offset = 2, size = 2 }, p1.meta.pagination)

        local _, p3 = emu.call("GET", S.INCIDENTS .. "?page[size]=2&page[offset]=4")
        assert.equal(1, #p3.data, "the last page is short")
        assert.equal(ids[5], p3.data[1].id)
        assert.same({ offset = 4, next_offset = 6, size = 2 }, p3.meta.pagination)

        local _, beyond = emu.call("GET", S.INCIDENTS .. "?page[offset]=50")
        assert.equal(0, #beyond.data)
        assert.is_true(emu.is_array(beyond.data))

        assert.equal(204, (emu.call("DELETE", S.INCIDENTS .. "/" .. ids[3])))
        local _, after = emu.call("GET", S.INCIDENTS .. "?page[size]=100")
        assert.equal(4, #after.data)
        for _, item in ipairs(after.data) do
            assert.are_not.equal(ids[3], item.id)
        end
    end)

    it("rejects a bad page[size], page[offset] or include with 400 naming the parameter", function()
        for _, q in ipairs { "page[size]=0", "page[size]=101", "page[size]=ten", "page[size]=-1" } do
            local status, doc = emu.call("GET", S.INCIDENTS .. "?" .. q)
            assert.equal(400, status, q)
            S.assert_error(doc, "page[size]")
        end
        local status, doc = emu.call("GET", S.INCIDENTS .. "?page[offset]=x")
        assert.equal(400, status)
        S.assert_error(doc, "page[offset]")
        local istatus, idoc = emu.call("GET", S.INCIDENTS .. "?include=teams")
        assert.equal(400, istatus)
        S.assert_error(idoc, "include")
    end)

    -- Required fields whose type the official models declare nullable (issue 24, item 1): the
    -- official "remove commander from an incident" example, and an import with no declaring user.
    it("takes null where the models declare it: a commander removed, an import without users", function()
        local commander = "11111111-2222-4333-8444-555555555555"
        local _, doc = emu.call("POST", S.INCIDENTS, {
            data = { type = "incidents", attributes = { title = "t", customer_impacted = false },
                relationships = { commander_user = { data = { id = commander, type = "users" } } } },
        })
        local id = doc.data.id
        local status, u = emu.call("PATCH", S.INCIDENTS .. "/" .. id, { data = { id = id,
            type = "incidents", relationships = { commander_user = { data = emu.null } } } })
        assert.equal(200, status)
        assert.equal(emu.null, u.data.relationships.commander_user.data)
        local istatus, idoc = emu.call("POST", S.INCIDENTS .. "/import", { data = { type = "incidents",
            attributes = { title = "imported" }, relationships = {
                declared_by_user = { data = emu.null }, commander_user = { data = emu.null } } } })
        assert.equal(201, istatus, idoc and emu.encode(idoc))
        -- what the models do not allow still fails
        istatus = emu.call("POST", S.INCIDENTS .. "/import", { data = { type = "incidents",
            attributes = emu.null } })
        assert.equal(400, istatus)
    end)

    it("include=users adds the users of seed 000's included shape", function()
        local commander = "11111111-2222-4333-8444-555555555555"
        local status, doc = emu.call("POST", S.INCIDENTS .. "?include=users", {
            data = { type = "incidents",
                attributes = { title = "with commander", customer_impacted = false },
                relationships = { commander_user = { data = { id = commander, type = "users" } } } },
        })
        assert.equal(201, status)
        assert.equal(commander, doc.data.relationships.commander_user.data.id)
        assert.equal(2, #doc.included)
        local me = doc.included[1]
        assert.equal("users", me.type)
        assert.equal(S.USER_ID, me.id)
        for _, k in ipairs { "created_at", "disabled", "email", "handle", "icon", "last_login_time",
            "mfa_enabled", "modified_at", "name", "service_account", "status", "title", "uuid",
            "verified" } do
            assert.is_not_nil(me.attributes[k], "user attribute " .. k)
        end
        assert.equal("orgs", me.relationships.org.data.type)
        assert.equal("roles", me.relationships.roles.data[1].type)
        assert.is_true(emu.is_array(me.relationships.other_users.data))
        assert.equal(commander, doc.included[2].id)

        local id = doc.data.id
        local _, got = emu.call("GET", S.INCIDENTS .. "/" .. id .. "?include=users,attachments")
        assert.equal(2, #got.included)
        local _, listed = emu.call("GET", S.INCIDENTS .. "?include=users")
        assert.equal(2, #listed.included)
        local _, att = emu.call("GET", S.INCIDENTS .. "/" .. id .. "?include=attachments")
        assert.equal(0, #att.included)
    end)

    it("validates CreateIncident bodies and names the field", function()
        local cases = {
            { emu.object(), "data: is required" },
            { { data = { attributes = { title = "x", customer_impacted = false } } }, "data.type: is required" },
            { { data = { type = "incident", attributes = { title = "x", customer_impacted = false } } },
                "data.type: must be one of incidents" },
            { { data = { type = "incidents" } }, "data.attributes: is required" },
            { S.incident_body { title = emu.null }, "data.attributes.title: must not be null" },
            { { data = { type = "incidents", attributes = { customer_impacted = false } } },
                "data.attributes.title: is required" },
            { { data = { type = "incidents", attributes = { title = "x" } } },
                "data.attributes.customer_impacted: is required" },
            { S.incident_body { customer_impacted = "yes" }, "data.attributes.customer_impacted: must be a boolean" },
            { S.incident_body { title = 42 }, "data.attributes.title: must be a string" },
            { S.incident_body { fields = { state = { type = "dropdown", value = "sleeping" } } },
                "data.attributes.fields.state.value: must be one of active, stable, resolved" },
            { S.incident_body { notification_handles = emu.object() },
                "data.attributes.notification_handles: must be an array" },
            { { data = "incidents" }, "data: must be an object" },
            { emu.array { 1, 2 }, "body: must be an object" },
        }
        for _, c in ipairs(cases) do
            local status, doc = emu.call("POST", S.INCIDENTS, c[1])
            assert.equal(400, status, emu.encode(c[1]))
            S.assert_error(doc, c[2])
        end
        local _, list = emu.call("GET", S.INCIDENTS)
        assert.equal(0, #list.data, "no invalid create was stored")
    end)

    it("validates UpdateIncident: data.id and data.type required, id matching the path", function()
        local id = S.create_incident()
        local path = S.INCIDENTS .. "/" .. id
        local cases = {
            { { data = { type = "incidents", attributes = { title = "x" } } }, "data.id: is required" },
            { { data = { id = id, attributes = { title = "x" } } }, "data.type: is required" },
            { { data = { id = "00000000-0000-4000-8000-000000000000", type = "incidents" } },
                "data.id: must match" },
            { { data = { id = id, type = "incidents", attributes = { customer_impacted = 1 } } },
                "data.attributes.customer_impacted: must be a boolean" },
        }
        for _, c in ipairs(cases) do
            local status, doc = emu.call("PATCH", path, c[1])
            assert.equal(400, status)
            S.assert_error(doc, c[2])
        end
        local _, doc = emu.call("GET", path)
        assert.equal("Database latency", doc.data.attributes.title, "no invalid update was applied")
    end)
end)

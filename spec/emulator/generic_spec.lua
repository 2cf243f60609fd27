-- The operations emulator.generic serves from the generated route table: stateful round trips
-- for several resource kinds, 404s in the family's shape, validation named by path, query
-- checks, search pagination, documents and fixed answers, faults on the new paths.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

local GHOST = "00000000-0000-4000-8000-00000000dead"
local CONFIG = "/api/v2/incidents/config"

local function under(incident, rest)
    return S.INCIDENTS .. "/" .. incident .. rest
end

-- Resource kinds to run a whole round trip on: where they live (given a fresh incident), a
-- create body, an update (method and body) and the attribute the update changes.
local KINDS = {
    { name = "todos", path = function(inc) return under(inc, "/relationships/todos") end,
      type = "incident_todos",
      create = { content = "Write the postmortem", assignees = { "@alice" } },
      update = { "PATCH", { content = "Postmortem written", assignees = emu.array() } },
      changed = "content" },
    { name = "attachments", path = function(inc) return under(inc, "/attachments") end,
      type = "incident_attachments",
      create = { attachment_type = "link",
                 attachment = { documentUrl = "https://example.com/doc", title = "Timeline" } },
      update = { "PATCH", { attachment = { documentUrl = "https://example.com/doc", title = "Final" } } },
      changed = "attachment", no_get = true },
    { name = "impacts", path = function(inc) return under(inc, "/impacts") end,
      type = "incident_impacts",
      create = { description = "EU checkouts failed", start_at = "2026-02-01T10:00:00Z" },
      update = { "PATCH", { description = "EU and US checkouts failed" } },
      changed = "description", no_get = true },
    { name = "timestamp overrides", path = function(inc) return under(inc, "/timestamp-overrides") end,
      type = "incidents_timestamp_overrides",
      create = { timestamp_type = "detected", timestamp_value = "2026-02-01T10:00:00Z" },
      update = { "PATCH", { timestamp_value = "2026-02-01T11:00:00Z" } },
      changed = "timestamp_value", no_get = true },
    { name = "notification templates", path = function() return CONFIG .. "/notification-templates" end,
      type = "notification_templates",
      create = { name = "Page", category = "alert", subject = "SEV-1", content = "{{title}}" },
      update = { "PATCH", { subject = "SEV-2" } },
      changed = "subject" },
    { name = "user-defined fields", path = function() return CONFIG .. "/user-defined-fields" end,
      type = "user_defined_field",
      create = { name = "region", type = 3 },
      relationships = { incident_type = { data = { type = "incident_types", id = GHOST } } },
      update = { "PATCH", { display_name = "Region" } },
      changed = "display_name" },
    { name = "postmortem templates", path = function() return CONFIG .. "/postmortem-templates" end,
      type = "postmortem_templates",
      create = { name = "Default" },
      update = { "PATCH", { name = "Standard" } },
      changed = "name" },
}

describe("emulator generic routes", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    for _, kind in ipairs(KINDS) do
        it("creates, lists, reads, updates and deletes " .. kind.name, function()
            local incident = S.create_incident()
            local base = kind.path(incident)
            local body = { data = { type = kind.type, attributes = kind.create,
                relationships = kind.relationships } }
            local status, doc, h = emu.call("POST", base, body)
            assert.equal(201, status, emu.encode(doc))
            assert.equal("application/json", h["content-type"])
            local id = doc.data.id
            assert.matches(S.UUID, id)
            assert.equal(kind.type, doc.data.type)
            for k, v in pairs(kind.create) do
                assert.same(v, doc.data.attributes[k], k)
            end

            local made = emu.call("POST", base, body)
            assert.equal(201, made)
            local lstatus, list = emu.call("GET", base)
            assert.equal(200, lstatus)
            assert.equal(2, #list.data)
            assert.equal(id, list.data[1].id)

            local method, attrs = kind.update[1], kind.update[2]
            local ustatus, updated = emu.call(method, base .. "/" .. id,
                { data = { id = id, type = kind.type, attributes = attrs } })
            assert.equal(200, ustatus, emu.encode(updated))
            assert.same(attrs[kind.changed], updated.data.attributes[kind.changed])
            if not kind.no_get then
                local gstatus, got = emu.call("GET", base .. "/" .. id)
                assert.equal(200, gstatus)
                assert.same(attrs[kind.changed], got.data.attributes[kind.changed])
            end

            assert.equal(204, (emu.call("DELETE", base .. "/" .. id)))
            local dstatus, gone, dh = emu.call("DELETE", base .. "/" .. id)
            assert.equal(404, dstatus)
            assert.equal("application/vnd.api+json", dh["content-type"])
            assert.equal("jsonapi", S.assert_error(gone, "not found"))
            local _, after = emu.call("GET", base)
            assert.equal(1, #after.data)
        end)
    end

    it("keeps responders and user-defined roles with their relationships", function()
        local incident = S.create_incident()
        local user = { data = { type = "users", id = S.USER_ID } }
        local status, doc = emu.call("POST", under(incident, "/responders"),
            { data = { type = "incident_responders", relationships = { user = user } } })
        assert.equal(201, status, emu.encode(doc))
        local id = doc.data.id
        local gstatus, got = emu.call("GET", under(incident, "/responders/" .. id))
        assert.equal(200, gstatus)
        assert.equal(S.USER_ID, got.data.relationships.user.data.id)

        local type_id = S.create_type()
        local rstatus, role = emu.call("POST", CONFIG .. "/user-defined-roles", { data = {
            type = "incident_user_defined_roles", attributes = { name = "Scribe" },
            relationships = { incident_type = { data = { type = "incident_types", id = type_id } } } } })
        assert.equal(201, rstatus, emu.encode(role))
        local _, roles = emu.call("GET", CONFIG .. "/user-defined-roles")
        assert.equal(1, #roles.data)
        assert.equal("Scribe", roles.data[1].attributes.name)
        assert.equal(type_id, roles.data[1].relationships.incident_type.data.id)
    end)

    it("answers 404 for an unknown item in its family's shape, and for a missing incident", function()
        local incident = S.create_incident()
        local status, doc, h = emu.call("GET", under(incident, "/relationships/todos/" .. GHOST))
        assert.equal(404, status)
        assert.equal("application/vnd.api+json", h["content-type"])
        assert.equal("jsonapi", S.assert_error(doc, "Todo not found"))
        local pstatus, pdoc = emu.call("GET", under(GHOST, "/relationships/todos"))
        assert.equal(404, pstatus)
        assert.same({ { status = "404", title = "Not Found" } }, emu.json(emu.encode(pdoc.errors)))
        -- Opsgenie's family answers strings
        local ostatus, odoc, oh = emu.call("DELETE", "/api/v2/integration/opsgenie/accounts/" .. GHOST)
        assert.equal(404, ostatus)
        assert.equal("application/json", oh["content-type"])
        assert.equal("strings", S.assert_error(odoc, "not found"))
    end)

    it("an incident's items go with it", function()
        local incident = S.create_incident()
        local base = under(incident, "/relationships/todos")
        assert.equal(201, (emu.call("POST", base, { data = { type = "incident_todos",
            attributes = { content = "x", assignees = emu.array() } } })))
        assert.equal(204, (emu.call("DELETE", S.INCIDENTS .. "/" .. incident)))
        assert.equal(404, (emu.call("GET", base)))
    end)

    it("validates bodies against the request model, naming each field by path", function()
        local incident = S.create_incident()
        local base = under(incident, "/relationships/todos")
        local status, doc = emu.call("POST", base, { data = { type = "incident_todos",
            attributes = emu.object() } })
        assert.equal(400, status)
        S.assert_error(doc, "data.attributes.content: is required")
        S.assert_error(doc, "data.attributes.assignees: is required")
        local pointers = {}
        for _, e in ipairs(doc.errors) do
            pointers[#pointers + 1] = e.source.pointer
        end
        table.sort(pointers)
        assert.same({ "/data/attributes/assignees", "/data/attributes/content" }, pointers)

        local tstatus, tdoc = emu.call("POST", base, { data = { type = "todo",
            attributes = { content = 5, assignees = emu.array() } } })
        assert.equal(400, tstatus)
        S.assert_error(tdoc, "data.type: must be one of incident_todos")
        S.assert_error(tdoc, "data.attributes.content: must be a string")

        local made = select(2, emu.call("POST", base, { data = { type = "incident_todos",
            attributes = { content = "x", assignees = emu.array() } } }))
        local id = made.data.id
        local mstatus, mdoc = emu.call("PATCH", base .. "/" .. id, { data = { id = GHOST,
            type = "incident_todos", attributes = { content = "y", assignees = emu.array() } } })
        assert.equal(400, mstatus)
        S.assert_error(mdoc, "data.id: must match the todo_id in the path")
        local estatus = emu.request("POST", CONFIG .. "/rules", { body = "" })
        assert.equal(400, estatus)
    end)

    it("checks query parameters by their declared types", function()
        local status, doc = emu.call("GET", CONFIG .. "/user-defined-fields?page[size]=ten")
        assert.equal(400, status)
        local e = doc.errors[1]
        assert.equal("page[size]: must be an integer", e.detail)
        assert.equal("page[size]", e.source.parameter)
        local sstatus, sdoc = emu.call("GET", S.INCIDENTS .. "/search")
        assert.equal(400, sstatus)
        S.assert_error(sdoc, "query: is required")
        local ostatus, odoc = emu.call("GET", S.INCIDENTS .. "/search?query=x&sort=oldest")
        assert.equal(400, ostatus)
        S.assert_error(odoc, "sort: must be one of created, -created")
    end)

    it("routes a literal segment before a parameter, and allows the path's own methods", function()
        local id = S.create_incident()
        assert.equal(400, (emu.call("GET", S.INCIDENTS .. "/search"))) -- search, wanting its query
        assert.equal(200, (emu.call("GET", S.INCIDENTS .. "/" .. id)))
        local status, _, h = emu.call("PUT", S.INCIDENTS .. "/search")
        assert.equal(405, status)
        assert.equal("GET", h["allow"])
    end)

    it("searches incidents by query, with page[size] and page[offset]", function()
        local ids = S.create_incidents(12)
        local other = S.create_incident { title = "Unrelated outage" }
        local function search(q)
            local status, doc = emu.call("GET", S.INCIDENTS .. "/search?" .. q)
            assert.equal(200, status, emu.encode(doc))
            local got = {}
            for i, item in ipairs(doc.data.attributes.incidents) do
                got[i] = item.data.id
            end
            return got, doc
        end
        local first, doc = search("query=incident&page[size]=5")
        assert.same({ ids[1], ids[2], ids[3], ids[4], ids[5] }, first)
        assert.equal(12, doc.data.attributes.total)
        assert.same({ offset = 0, next_offset = 5, size = 5 }, doc.meta.pagination)
        local last = search("query=incident&page[size]=5&page[offset]=10")
        assert.same({ ids[11], ids[12] }, last)
        assert.same({ ids[12], ids[11] }, search("query=incident&sort=-created&page[size]=2"))
        assert.same({ other }, search("query=" .. S.enc("outage state:active")))
        assert.same({}, search("query=state:resolved"))
        assert.same({ ids[3] }, search("query=public_id:3"))
    end)

    it("imports an incident that lists and searches like any other", function()
        local status, doc = emu.call("POST", S.INCIDENTS .. "/import", { data = { type = "incidents",
            attributes = { title = "Imported outage", resolved = "2026-01-02T00:00:00Z" } } })
        assert.equal(201, status, emu.encode(doc))
        assert.equal("Imported outage", doc.data.attributes.title)
        assert.equal("resolved", doc.data.attributes.state)
        local _, list = emu.call("GET", S.INCIDENTS)
        assert.equal(doc.data.id, list.data[1].id)
    end)

    it("keeps one document per path: global settings and handles", function()
        local SETTINGS = CONFIG .. "/global/settings"
        local status, doc = emu.call("GET", SETTINGS)
        assert.equal(200, status)
        assert.equal("incidents_global_settings", doc.data.type)
        local pstatus, patched = emu.call("PATCH", SETTINGS, { data = { type = "incidents_global_settings",
            attributes = { analytics_dashboard_id = "abc-123" } } })
        assert.equal(200, pstatus, emu.encode(patched))
        local _, again = emu.call("GET", SETTINGS)
        assert.equal("abc-123", again.data.attributes.analytics_dashboard_id)

        local HANDLES = CONFIG .. "/global/incident-handles"
        local _, none = emu.call("GET", HANDLES)
        assert.equal(0, #none.data)
        local cstatus = emu.call("POST", HANDLES, { data = { type = "incidents_handles",
            attributes = { name = "@incident-payments" } } })
        assert.equal(201, cstatus)
        local _, one = emu.call("GET", HANDLES)
        assert.equal(1, #one.data)
        assert.equal("@incident-payments", one.data[1].attributes.name)
        assert.equal(204, (emu.call("DELETE", HANDLES)))
        assert.equal(0, #select(2, emu.call("GET", HANDLES)).data)
    end)

    it("answers actions with the response model's shape", function()
        local incident = S.create_incident()
        local status, _, doc = emu.request("POST", under(incident, "/ai/postmortem"))
        assert.equal(200, status)
        local body = emu.json(doc)
        assert.matches(S.UUID, body.data.id)
        assert.is_string(body.data.type)
        -- every text the model offers is there, not an empty shell
        assert.matches("emulated", body.data.attributes.executive_summary, 1, true)
        assert.matches("emulated", body.data.attributes.lessons_learned, 1, true)
        local pstatus, page = emu.call("POST", under(incident, "/cases/page"), { data = { type = "page",
            attributes = emu.object() } })
        assert.equal(200, pstatus, emu.encode(page))
        assert.matches(S.UUID, page.data.id)
        -- and still need their incident
        assert.equal(404, (emu.request("POST", under(GHOST, "/ai/postmortem"))))
    end)

    it("applies faults and rate-limit headers to generic routes", function()
        local incident = S.create_incident()
        emu.fault { path = "/relationships/todos$", method = "GET", status = 503 }
        local status, _, h = emu.call("GET", under(incident, "/relationships/todos"))
        assert.equal(503, status)
        S.assert_rate_headers(h, "incidents")
        local ok, _, oh = emu.call("GET", "/api/v2/integration/opsgenie/accounts")
        assert.equal(200, ok)
        S.assert_rate_headers(oh, "opsgenie")
    end)
end)

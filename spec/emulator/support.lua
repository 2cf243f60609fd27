-- Shared fixtures for the emulator specs: paths, valid bodies and small assertions.
-- (Not a spec file: busted only runs files ending in _spec.lua.)

local emu = require "spec.helpers.emulator"

local S = {}

S.INCIDENTS = "/api/v2/incidents"
S.TYPES = "/api/v2/incidents/config/types"
S.OPSGENIE = "/api/v2/integration/opsgenie/services"
S.PAGERDUTY = "/api/v1/integration/pagerduty/configuration/services"

S.UUID = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-4%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"
S.TIMESTAMP = "^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d%.%d%d%dZ$"
S.USER_ID = "3f0c8a5e-2b1d-4c6e-9a7f-5d4e3c2b1a00"

--- Percent-encode everything outside RFC 3986 unreserved characters.
function S.enc(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function merge(base, extra)
    for k, v in pairs(extra or {}) do
        base[k] = v
    end
    return base
end

-- ---------------------------------------------------------------------------------------------
-- Incidents
-- ---------------------------------------------------------------------------------------------

function S.incident_body(attrs)
    return { data = { type = "incidents",
        attributes = merge({ title = "Database latency", customer_impacted = false }, attrs) } }
end

function S.create_incident(attrs)
    local status, doc, _, text = emu.call("POST", S.INCIDENTS, S.incident_body(attrs))
    assert(status == 201, "create incident: " .. tostring(status) .. " " .. tostring(text))
    return doc.data.id, doc
end

--- Creates n incidents titled "incident 1", ...; their ids in creation (list) order.
function S.create_incidents(n)
    local ids = {}
    for i = 1, n do
        ids[i] = S.create_incident { title = "incident " .. i }
    end
    return ids
end

-- ---------------------------------------------------------------------------------------------
-- Incident integrations
-- ---------------------------------------------------------------------------------------------

function S.slack()
    return { channels = { {
        channel_id = "C0123456789",
        channel_name = "#incident-42",
        redirect_url = "https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
        team_id = "T01234567",
    } } }
end

function S.teams()
    return { teams = { {
        ms_tenant_id = "00000000-abcd-0001-0000-000000000000",
        ms_channel_id = "19:abc@thread.tacv2",
        ms_channel_name = "incident-42",
        redirect_url = "https://teams.microsoft.com/l/channel/19%3Aabc",
    } } }
end

function S.jira()
    return { issues = { {
        account = "https://example.atlassian.net",
        project_key = "OPS",
        issue_key = "OPS-7",
        issuetype_id = "10001",
        redirect_url = "https://example.atlassian.net/browse/OPS-7",
    } } }
end

function S.integrations_path(incident_id, id)
    local p = S.INCIDENTS .. "/" .. S.enc(incident_id) .. "/relationships/integrations"
    if id then
        p = p .. "/" .. S.enc(id)
    end
    return p
end

function S.integration_body(integration_type, metadata, extra)
    return { data = { type = "incident_integrations", attributes = merge({
        integration_type = integration_type, metadata = metadata }, extra) } }
end

function S.create_integration(incident_id, integration_type, metadata, extra)
    local status, doc, _, text = emu.call("POST", S.integrations_path(incident_id),
        S.integration_body(integration_type or 1, metadata or S.slack(), extra))
    assert(status == 201, "create integration: " .. tostring(status) .. " " .. tostring(text))
    return doc.data.id, doc
end

-- ---------------------------------------------------------------------------------------------
-- Incident types, Opsgenie, PagerDuty
-- ---------------------------------------------------------------------------------------------

function S.type_body(attrs)
    return { data = { type = "incident_types", attributes = merge({
        name = "Security Incident",
        description = "Anything that harms confidentiality, integrity or availability.",
        prefix = "IR",
    }, attrs) } }
end

function S.create_type(attrs)
    local status, doc, _, text = emu.call("POST", S.TYPES, S.type_body(attrs))
    assert(status == 201, "create incident type: " .. tostring(status) .. " " .. tostring(text))
    return doc.data.id, doc
end

S.OPSGENIE_KEY = "og-secret-00000000-1111-2222-3333-444444444444"

function S.opsgenie_body(attrs)
    return { data = { type = "opsgenie-service", attributes = merge({
        name = "fake-opsgenie-service-name",
        opsgenie_api_key = S.OPSGENIE_KEY,
        region = "us",
    }, attrs) } }
end

function S.create_opsgenie(attrs)
    local status, doc, _, text = emu.call("POST", S.OPSGENIE, S.opsgenie_body(attrs))
    assert(status == 201, "create opsgenie: " .. tostring(status) .. " " .. tostring(text))
    return doc.data.id, doc
end

S.PD_KEY = "pd-secret-service-key-5555666677778888"

function S.create_pagerduty(name, key)
    local status, doc, _, text = emu.call("POST", S.PAGERDUTY,
        { service_name = name, service_key = key or S.PD_KEY })
    assert(status == 201, "create pagerduty: " .. tostring(status) .. " " .. tostring(text))
    return doc
end

function S.pagerduty_path(name)
    return S.PAGERDUTY .. "/" .. S.enc(name)
end

-- ---------------------------------------------------------------------------------------------
-- Assertions
-- ---------------------------------------------------------------------------------------------

-- The text of one error: a string, or a JSON:API object's detail (else its title).
local function error_text(e)
    if type(e) == "string" then
        return e
    end
    assert(type(e) == "table" and type(e.title) == "string",
        "an error must be a string or an object with a title: " .. emu.encode(e))
    return type(e.detail) == "string" and e.detail or e.title
end

--- The doc is a Datadog error body, all strings or all JSON:API objects, and one of its
--- messages contains `text` (plain match). Returns the shape: "strings" or "jsonapi".
function S.assert_error(doc, text)
    assert(type(doc) == "table" and emu.is_array(doc.errors) and #doc.errors > 0,
        "expected an errors body, got " .. emu.encode(doc))
    local shape = type(doc.errors[1]) == "string" and "strings" or "jsonapi"
    local found = text == nil
    for _, e in ipairs(doc.errors) do
        assert((type(e) == "string") == (shape == "strings"), "mixed shapes: " .. emu.encode(doc))
        if not found and error_text(e):find(text, 1, true) then
            found = true
        end
    end
    if not found then
        error("no error mentions '" .. text .. "': " .. emu.encode(doc.errors), 2)
    end
    return shape
end

S.RATE_HEADERS = { "x-ratelimit-limit", "x-ratelimit-period", "x-ratelimit-remaining",
    "x-ratelimit-reset", "x-ratelimit-name" }

function S.assert_rate_headers(headers, name)
    for _, h in ipairs(S.RATE_HEADERS) do
        assert(headers[h], "missing header " .. h)
    end
    for _, h in ipairs { "x-ratelimit-limit", "x-ratelimit-period", "x-ratelimit-remaining",
        "x-ratelimit-reset" } do
        assert(headers[h]:match("^%d+$"), h .. " is not an integer: " .. headers[h])
    end
    if name then
        assert(headers["x-ratelimit-name"] == name,
            "X-RateLimit-Name " .. headers["x-ratelimit-name"] .. " ~= " .. name)
    end
end

return S

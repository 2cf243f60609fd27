-- Body validation for every operation that takes a body: valid bodies reach
-- the emulator as given; invalid ones raise with the exact message and the
-- field path, and nothing is sent; unknown fields pass through to the wire;
-- validate = false sends a body unchecked.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local null = datadog.null

local client = require("spec.helpers.client").new

-- A deep copy with `path` ("data.attributes.name") set to `value`
-- (datadog.null stays null; NIL removes the field).
local NIL = {}
local function with(body, path, value)
  local function copy(t)
    if type(t) ~= "table" or t == null then return t end
    local c = {}
    for k, v in pairs(t) do c[k] = copy(v) end
    return setmetatable(c, getmetatable(t))
  end
  local out = copy(body)
  local t = out
  local keys = {}
  for k in path:gmatch("[^.]+") do keys[#keys + 1] = tonumber(k) or k end
  for i = 1, #keys - 1 do t = t[keys[i]] end
  if value == NIL then value = nil end
  t[keys[#keys]] = value
  return out
end

local function slack(n)
  return { channel_id = "C0" .. n, channel_name = "#inc-" .. n,
           redirect_url = "https://slack.com/app_redirect?channel=C0" .. n }
end
local JIRA = { account = "https://example.atlassian.net", project_key = "INC" }
local TEAMS = { ms_tenant_id = "t", ms_channel_id = "19:c@thread.tacv2",
                ms_channel_name = "Incidents", redirect_url = "https://teams.microsoft.com/l/channel/x" }
local function integration(attrs)
  local a = { integration_type = 1, metadata = { channels = { slack(1) } } }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "incident_integrations", attributes = a } }
end

-- Per body shape: the operations using it, how to call them, valid bodies
-- (minimal and full) and invalid ones with the exact message after
-- "datadog: <Id>: ". `args(f, body)` gives the call's arguments from the
-- fixtures; `invalid` bodies are never sent, so misuse needs no fixtures.
local integration_invalid = {
  { "a number", 42, "body must be a table or a JSON string (got number)" },
  { "an array", { 1, 2 }, "body: must be an object (got an array)" },
  { "no data", {}, "body.data: required" },
  { "data not an object", { data = "x" }, "body.data: must be an object (got string)" },
  { "no data.type", with(integration(), "data.type", NIL), "body.data.type: required" },
  { "a wrong data.type", with(integration(), "data.type", "incidents"),
    'body.data.type: must be one of incident_integrations (got "incidents")' },
  { "no attributes", with(integration(), "data.attributes", NIL), "body.data.attributes: required" },
  { "attributes an array", with(integration(), "data.attributes", { 1 }),
    "body.data.attributes: must be an object (got an array)" },
  { "no integration_type", with(integration(), "data.attributes.integration_type", NIL),
    "body.data.attributes.integration_type: required" },
  { "integration_type a string", integration{ integration_type = "1" },
    "body.data.attributes.integration_type: must be an integer (got string)" },
  { "integration_type a fraction", integration{ integration_type = 1.5 },
    "body.data.attributes.integration_type: must be an integer (got 1.5)" },
  { "integration_type above 100", integration{ integration_type = 101 },
    "body.data.attributes.integration_type: must be an integer from -2147483648 to 100 (got 101)" },
  { "integration_type past int32", integration{ integration_type = 2147483648 },
    "body.data.attributes.integration_type: must be an integer from -2147483648 to 100 (got 2147483648)" },
  { "integration_type below int32", integration{ integration_type = -2147483649 },
    "body.data.attributes.integration_type: must be an integer from -2147483648 to 100 (got -2147483649)" },
  { "integration_type not 1, 7 or 8", integration{ integration_type = 2 },
    "body.data.attributes.integration_type: must be 1 (Slack), 7 (Microsoft Teams) or 8 (Jira)" },
  { "integration_type null", integration{ integration_type = null },
    "body.data.attributes.integration_type: must not be null" },
  { "Jira type with Slack channels", integration{ integration_type = 8 },
    "body.data.attributes.integration_type: 8 (Jira) needs metadata.issues" },
  { "Teams type with Slack channels", integration{ integration_type = 7 },
    "body.data.attributes.integration_type: 7 (Microsoft Teams) needs metadata.teams" },
  { "Slack type with Jira issues", integration{ metadata = { issues = { JIRA } } },
    "body.data.attributes.integration_type: 1 (Slack) needs metadata.channels" },
  { "no metadata", with(integration(), "data.attributes.metadata", NIL),
    "body.data.attributes.metadata: required" },
  { "metadata a string", integration{ metadata = "slack" },
    "body.data.attributes.metadata: must be an object (got string)" },
  { "metadata of no known shape", integration{ metadata = {} },
    "body.data.attributes.metadata: must have one of channels, issues, teams" },
  { "metadata of two shapes", integration{ metadata = { channels = { slack(1) }, teams = { TEAMS } } },
    "body.data.attributes.metadata: must have only one of channels, issues, teams" },
  { "channels an object", integration{ metadata = { channels = slack(1) } },
    "body.data.attributes.metadata.channels: must be an array (got an object)" },
  { "channels with a hole", integration{ metadata = { channels = { slack(1), nil, slack(3) } } },
    "body.data.attributes.metadata.channels: array has holes (2 items, largest index 3)" },
  { "a channel that is a string", integration{ metadata = { channels = { "C01" } } },
    "body.data.attributes.metadata.channels[1]: must be an object (got string)" },
  { "a channel without redirect_url", integration{ metadata = { channels = {
      { channel_id = "C01", channel_name = "#x" } } } },
    "body.data.attributes.metadata.channels[1].redirect_url: required" },
  { "a second channel without channel_id", integration{ metadata = { channels = {
      slack(1), with(slack(2), "channel_id", NIL) } } },
    "body.data.attributes.metadata.channels[2].channel_id: required" },
  { "a channel_name that is a number", integration{ metadata = { channels = {
      with(slack(1), "channel_name", 5) } } },
    "body.data.attributes.metadata.channels[1].channel_name: must be a string (got number)" },
  { "a null team_id", integration{ metadata = { channels = { with(slack(1), "team_id", null) } } },
    "body.data.attributes.metadata.channels[1].team_id: must not be null" },
  { "a Jira issue without account", integration{ integration_type = 8,
      metadata = { issues = { { project_key = "INC" } } } },
    "body.data.attributes.metadata.issues[1].account: required" },
  { "a Jira issue without project_key", integration{ integration_type = 8,
      metadata = { issues = { { account = "https://example.atlassian.net" } } } },
    "body.data.attributes.metadata.issues[1].project_key: required" },
  { "a Jira issue_key that is a boolean", integration{ integration_type = 8,
      metadata = { issues = { with(JIRA, "issue_key", true) } } },
    "body.data.attributes.metadata.issues[1].issue_key: must be a string (got boolean)" },
  { "a Teams channel without ms_tenant_id", integration{ integration_type = 7,
      metadata = { teams = { with(TEAMS, "ms_tenant_id", NIL) } } },
    "body.data.attributes.metadata.teams[1].ms_tenant_id: required" },
  { "a Teams channel without redirect_url", integration{ integration_type = 7,
      metadata = { teams = { with(TEAMS, "redirect_url", NIL) } } },
    "body.data.attributes.metadata.teams[1].redirect_url: required" },
  { "status above 5", integration{ status = 6 },
    "body.data.attributes.status: must be an integer from 0 to 5 (got 6)" },
  { "status below 0", integration{ status = -1 },
    "body.data.attributes.status: must be an integer from 0 to 5 (got -1)" },
  { "incident_id a number", integration{ incident_id = 7 },
    "body.data.attributes.incident_id: must be a string (got number)" },
  { "created null", integration{ created = null },
    "body.data.attributes.created: must not be null" },
}

local function type_create(attrs)
  local a = { name = "Security Incident" }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "incident_types", attributes = a } }
end
local function type_patch(attrs)
  return { data = { id = "00000000-0000-0000-0000-000000000001", type = "incident_types",
                    attributes = attrs or { name = "Outage" } } }
end

local function og_create(attrs)
  local a = { name = "payments", opsgenie_api_key = "og-key-1", region = "us" }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "opsgenie-service", attributes = a } }
end
local function og_update(attrs)
  return { data = { id = "00000000-0000-0000-0000-000000000001", type = "opsgenie-service",
                    attributes = attrs or { region = "eu" } } }
end

local function incident_create(attrs)
  local a = { title = "Disk full", customer_impacted = false }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "incidents", attributes = a } }
end
local function incident_update(attrs)
  return { data = { id = "00000000-0000-0000-0000-000000000001", type = "incidents",
                    attributes = attrs } }
end

local SHAPES = {
  { ids = { "CreateIncidentIntegration", "UpdateIncidentIntegration" },
    args = {
      CreateIncidentIntegration = function(f, body) return { f.incident, body } end,
      UpdateIncidentIntegration = function(f, body) return { f.incident, f.integration, body } end,
    },
    valid = {
      { "a Slack channel", function() return integration() end },
      { "every field, two channels", function(f)
        return integration{ incident_id = f.incident, status = 2, metadata = { channels = {
          slack(1), with(slack(2), "team_id", "T01234567") } } }
      end },
      { "a Jira issue with every field", function()
        return integration{ integration_type = 8, metadata = { issues = { {
          account = "https://example.atlassian.net", project_key = "INC", issue_key = "INC-1",
          issuetype_id = "10001", redirect_url = "https://example.atlassian.net/browse/INC-1" } } } }
      end },
      { "a Teams channel", function()
        return integration{ integration_type = 7, metadata = { teams = { TEAMS } } }
      end },
      { "an empty channel list (sent as [])", function()
        return integration{ metadata = { channels = {} } }
      end },
      { "integration_type as a float with an integer value", function()
        return integration{ integration_type = 1.0 }
      end },
      { "status at both ends of its range", function() return integration{ status = 0 } end },
      { "status 5", function() return integration{ status = 5 } end },
    },
    invalid = integration_invalid,
    unknown = function(f)
      local b = integration{ incident_id = f.incident }
      b.future_top = { enabled = true }
      b.data.future_data = "x"
      b.data.attributes.future_attr = { list = datadog.array(), n = 3, none = null }
      b.data.attributes.metadata.channels[1].future_item = "kept"
      return b
    end,
    unchecked = function() return integration{ integration_type = 2 } end,
  },

  { ids = { "CreateIncidentType" },
    args = { CreateIncidentType = function(_, body) return { body } end },
    valid = {
      { "a name", function() return type_create() end },
      { "every field", function()
        return type_create{ description = "Harm to data", is_default = false, prefix = "SEC",
          configuration = { allow_incident_deletion = true, allow_workflows = false,
            create_message = "Declared", editable_timestamps = true, private_incidents = false,
            private_incidents_by_default = false, slug_source = "servicenow",
            test_incidents = true } }
      end },
      { "an empty configuration (sent as {})", function()
        return type_create{ configuration = {} }
      end },
    },
    invalid = {
      { "no data", {}, "body.data: required" },
      { "a wrong data.type", with(type_create(), "data.type", "incident_type"),
        'body.data.type: must be one of incident_types (got "incident_type")' },
      { "no attributes", with(type_create(), "data.attributes", NIL), "body.data.attributes: required" },
      { "no name", with(type_create(), "data.attributes.name", NIL),
        "body.data.attributes.name: required" },
      { "an empty name", type_create{ name = "" }, "body.data.attributes.name: must not be empty" },
      { "a name that is a number", type_create{ name = 1 },
        "body.data.attributes.name: must be a string (got number)" },
      { "a null description", type_create{ description = null },
        "body.data.attributes.description: must not be null" },
      { "is_default a string", type_create{ is_default = "yes" },
        "body.data.attributes.is_default: must be a boolean (got string)" },
      { "configuration a string", type_create{ configuration = "x" },
        "body.data.attributes.configuration: must be an object (got string)" },
      { "an unknown slug_source", type_create{ configuration = { slug_source = "jira" } },
        'body.data.attributes.configuration.slug_source: must be one of default, servicenow (got "jira")' },
      { "private_incidents a number", type_create{ configuration = { private_incidents = 1 } },
        "body.data.attributes.configuration.private_incidents: must be a boolean (got number)" },
    },
    unknown = function()
      local b = type_create{ future_attr = { 1, 2 } }
      b.data.attributes.configuration = { future_flag = true }
      return b
    end,
    unchecked = function() return type_create{ is_default = "yes" } end,
  },

  { ids = { "UpdateIncidentType" },
    args = { UpdateIncidentType = function(f, body) return { f.type, body } end },
    valid = {
      { "a new name", function(f) return with(type_patch(), "data.id", f.type) end },
      { "no change at all", function(f)
        return with(type_patch(datadog.object()), "data.id", f.type)
      end },
      { "every field", function(f)
        return with(type_patch{ name = "Outage", description = "d", is_default = true,
          prefix = "OUT", configuration = { slug_source = "default" } }, "data.id", f.type)
      end },
    },
    invalid = {
      { "no data.id", with(type_patch(), "data.id", NIL), "body.data.id: required" },
      { "data.id a number", with(type_patch(), "data.id", 5),
        "body.data.id: must be a string (got number)" },
      { "a wrong data.type", with(type_patch(), "data.type", "incidents"),
        'body.data.type: must be one of incident_types (got "incidents")' },
      { "no attributes", with(type_patch(), "data.attributes", NIL), "body.data.attributes: required" },
      { "a name that is a boolean", type_patch{ name = true },
        "body.data.attributes.name: must be a string (got boolean)" },
      { "an unknown slug_source", type_patch{ configuration = { slug_source = "x" } },
        'body.data.attributes.configuration.slug_source: must be one of default, servicenow (got "x")' },
    },
    unknown = function(f)
      local b = with(type_patch{ name = "Outage", future_attr = "x" }, "data.id", f.type)
      b.future_top = datadog.array{ 1 }
      return b
    end,
    unchecked = function(f) return with(type_patch{ name = true }, "data.id", f.type) end,
  },

  { ids = { "CreateOpsgenieService" },
    args = { CreateOpsgenieService = function(_, body) return { body } end },
    valid = {
      { "region us", function() return og_create() end },
      { "region custom with a custom_url", function()
        return og_create{ region = "custom", custom_url = "https://opsgenie.example.com" }
      end },
      { "a null custom_url with region eu", function()
        return og_create{ region = "eu", custom_url = null }
      end },
      { "a name of 100 characters (counted, not bytes)", function()
        return og_create{ name = string.rep("é", 100) }
      end },
      { "a name of 100 characters, ASCII runs between 2- to 4-byte ones", function()
        return og_create{ name = string.rep("abcdefg\u{e9}\u{20ac}\u{1F600}", 10) }
      end },
    },
    invalid = {
      { "no data", {}, "body.data: required" },
      { "a wrong data.type", with(og_create(), "data.type", "opsgenie_service"),
        'body.data.type: must be one of opsgenie-service (got "opsgenie_service")' },
      { "no attributes", with(og_create(), "data.attributes", NIL), "body.data.attributes: required" },
      { "no name", with(og_create(), "data.attributes.name", NIL), "body.data.attributes.name: required" },
      { "a name of 101 characters", og_create{ name = string.rep("é", 101) },
        "body.data.attributes.name: must be at most 100 characters (got 101)" },
      { "a name of 101 characters, ASCII runs between 2- to 4-byte ones",
        og_create{ name = string.rep("abcdefg\u{e9}\u{20ac}\u{1F600}", 10) .. "x" },
        "body.data.attributes.name: must be at most 100 characters (got 101)" },
      { "an empty name", og_create{ name = "" }, "body.data.attributes.name: must not be empty" },
      { "no opsgenie_api_key", with(og_create(), "data.attributes.opsgenie_api_key", NIL),
        "body.data.attributes.opsgenie_api_key: required" },
      { "an opsgenie_api_key that is a number", og_create{ opsgenie_api_key = 5 },
        "body.data.attributes.opsgenie_api_key: must be a string (got number)" },
      { "no region", with(og_create(), "data.attributes.region", NIL), "body.data.attributes.region: required" },
      { "an unknown region", og_create{ region = "mars" },
        'body.data.attributes.region: must be one of us, eu, custom (got "mars")' },
      { "region custom without custom_url", og_create{ region = "custom" },
        'body.data.attributes.custom_url: required when region is "custom"' },
      { "region custom with a null custom_url", og_create{ region = "custom", custom_url = null },
        'body.data.attributes.custom_url: required when region is "custom"' },
      { "a custom_url that is a number", og_create{ region = "custom", custom_url = 5 },
        "body.data.attributes.custom_url: must be a string (got number)" },
    },
    unknown = function()
      local b = og_create{ future_attr = { nested = { "a" } } }
      b.data.future_data = 1
      return b
    end,
    unchecked = function() return og_create{ region = "mars" } end,
  },

  { ids = { "UpdateOpsgenieService" },
    args = { UpdateOpsgenieService = function(f, body) return { f.opsgenie, body } end },
    valid = {
      { "a new region", function(f) return with(og_update(), "data.id", f.opsgenie) end },
      { "a new key only", function(f)
        return with(og_update{ opsgenie_api_key = "og-key-2" }, "data.id", f.opsgenie)
      end },
      { "a null custom_url", function(f)
        return with(og_update{ custom_url = null }, "data.id", f.opsgenie)
      end },
      { "every field", function(f)
        return with(og_update{ name = "renamed", opsgenie_api_key = "og-key-3", region = "custom",
          custom_url = "https://opsgenie.example.com" }, "data.id", f.opsgenie)
      end },
    },
    invalid = {
      { "no data.id", with(og_update(), "data.id", NIL), "body.data.id: required" },
      { "an empty data.id", with(og_update(), "data.id", ""), "body.data.id: must not be empty" },
      { "a data.id of 101 characters", with(og_update(), "data.id", string.rep("a", 101)),
        "body.data.id: must be at most 100 characters (got 101)" },
      { "a wrong data.type", with(og_update(), "data.type", "x"),
        'body.data.type: must be one of opsgenie-service (got "x")' },
      { "no attributes", with(og_update(), "data.attributes", NIL), "body.data.attributes: required" },
      { "a name of 101 characters", og_update{ name = string.rep("n", 101) },
        "body.data.attributes.name: must be at most 100 characters (got 101)" },
      { "a null name", og_update{ name = null }, "body.data.attributes.name: must not be null" },
      { "an unknown region", og_update{ region = "asia" },
        'body.data.attributes.region: must be one of us, eu, custom (got "asia")' },
      { "an opsgenie_api_key that is a boolean", og_update{ opsgenie_api_key = false },
        "body.data.attributes.opsgenie_api_key: must be a string (got boolean)" },
    },
    unknown = function(f)
      return with(og_update{ region = "eu", future_attr = "kept" }, "data.id", f.opsgenie)
    end,
    unchecked = function(f) return with(og_update{ region = "asia" }, "data.id", f.opsgenie) end,
  },

  { ids = { "CreatePagerDutyIntegrationService" },
    args = { CreatePagerDutyIntegrationService = function(_, body) return { body } end },
    valid = {
      { "a name and a key", function()
        return { service_name = "checkout api", service_key = "pd-key-1" }
      end },
    },
    invalid = {
      { "an array", { "x" }, "body: must be an object (got an array)" },
      { "no fields", {}, "body.service_key: required" },
      { "no service_name", { service_key = "k" }, "body.service_name: required" },
      { "no service_key", { service_name = "n" }, "body.service_key: required" },
      { "a service_name that is a number", { service_name = 5, service_key = "k" },
        "body.service_name: must be a string (got number)" },
      { "a service_key that is a table", { service_name = "n", service_key = { "k" } },
        "body.service_key: must be a string (got table)" },
      { "a null service_key", { service_name = "n", service_key = null },
        "body.service_key: must not be null" },
    },
    unknown = function() return { service_name = "n2", service_key = "k", future = { a = 1 } } end,
    unchecked = function() return { service_name = 5, service_key = "k" } end,
  },

  { ids = { "UpdatePagerDutyIntegrationService" },
    args = { UpdatePagerDutyIntegrationService = function(f, body) return { f.pagerduty, body } end },
    valid = {
      { "a new key", function() return { service_key = "pd-key-2" } end },
    },
    invalid = {
      { "no fields", {}, "body.service_key: required" },
      { "a service_key that is a number", { service_key = 1 },
        "body.service_key: must be a string (got number)" },
    },
    unknown = function() return { service_key = "pd-key-3", future = true } end,
    unchecked = function() return { service_key = 1 } end,
  },

  { ids = { "CreateIncident" },
    args = { CreateIncident = function(_, body) return { body } end },
    valid = {
      { "a title and customer_impacted", function() return incident_create() end },
      { "every field", function()
        return incident_create{ customer_impacted = true, customer_impact_scope = "Checkouts fail",
          fields = { severity = { type = "dropdown", value = "SEV-2" } },
          notification_handles = { { display_name = "On-call", handle = "@oncall" } },
          initial_cells = {}, is_test = true }
      end },
    },
    invalid = {
      { "no data", {}, "body.data: required" },
      { "a wrong data.type", with(incident_create(), "data.type", "incident"),
        'body.data.type: must be one of incidents (got "incident")' },
      { "no attributes", with(incident_create(), "data.attributes", NIL), "body.data.attributes: required" },
      { "no title", with(incident_create(), "data.attributes.title", NIL), "body.data.attributes.title: required" },
      { "a null title", incident_create{ title = null }, "body.data.attributes.title: must not be null" },
      { "no customer_impacted", with(incident_create(), "data.attributes.customer_impacted", NIL),
        "body.data.attributes.customer_impacted: required" },
      { "customer_impacted a string", incident_create{ customer_impacted = "yes" },
        "body.data.attributes.customer_impacted: must be a boolean (got string)" },
      { "is_test a number", incident_create{ is_test = 1 },
        "body.data.attributes.is_test: must be a boolean (got number)" },
      { "notification_handles an object", incident_create{ notification_handles = { a = 1 } },
        "body.data.attributes.notification_handles: must be an array (got an object)" },
      { "initial_cells a string", incident_create{ initial_cells = "x" },
        "body.data.attributes.initial_cells: must be an array (got string)" },
      { "customer_impact_scope a number", incident_create{ customer_impact_scope = 3 },
        "body.data.attributes.customer_impact_scope: must be a string (got number)" },
    },
    unknown = function()
      local b = incident_create{ future_attr = { deep = { deeper = { 1, 2, 3 } } } }
      b.data.future_data = "x"
      return b
    end,
    unchecked = function() return incident_create{ customer_impacted = "yes" } end,
  },

  { ids = { "UpdateIncident" },
    args = { UpdateIncident = function(f, body) return { f.incident, body } end },
    valid = {
      { "only id and type", function(f) return with(incident_update(), "data.id", f.incident) end },
      { "a new title", function(f)
        return with(incident_update{ title = "renamed" }, "data.id", f.incident)
      end },
      { "nullable fields set to null", function(f)
        return with(incident_update{ customer_impact_scope = null, customer_impact_start = null,
          customer_impact_end = null, detected = null }, "data.id", f.incident)
      end },
    },
    invalid = {
      { "no data.id", with(incident_update(), "data.id", NIL), "body.data.id: required" },
      { "no data.type", with(incident_update(), "data.type", NIL), "body.data.type: required" },
      { "a wrong data.type", with(incident_update(), "data.type", "x"),
        'body.data.type: must be one of incidents (got "x")' },
      { "a title that is a number", incident_update{ title = 5 },
        "body.data.attributes.title: must be a string (got number)" },
      { "a null title", incident_update{ title = null }, "body.data.attributes.title: must not be null" },
      { "customer_impacted a string", incident_update{ customer_impacted = "no" },
        "body.data.attributes.customer_impacted: must be a boolean (got string)" },
      { "customer_impact_end a number", incident_update{ customer_impact_end = 5 },
        "body.data.attributes.customer_impact_end: must be a string (got number)" },
      { "attributes an array", incident_update{ "x" },
        "body.data.attributes: must be an object (got an array)" },
    },
    unknown = function(f)
      return with(incident_update{ title = "t", future_attr = "kept" }, "data.id", f.incident)
    end,
    unchecked = function(f) return with(incident_update{ title = 5 }, "data.id", f.incident) end,
  },
}

-- One resource of each kind, made through the module.
local function fixtures(dd)
  local f = {}
  f.incident = assert(dd:create_incident(incident_create())).data.id
  f.integration = assert(dd:create_incident_integration(f.incident, integration())).data.id
  f.type = assert(dd:create_incident_type(type_create{ name = "Fixture type" })).data.id
  f.opsgenie = assert(dd:create_opsgenie_service(og_create{ name = "fixture" })).data.id
  f.pagerduty = "fixture service"
  assert(dd:create_pager_duty_integration_service({ service_name = f.pagerduty, service_key = "k" }))
  emu.clear_requests()
  return f
end

local OPS = {}
for _, op in ipairs(datadog.operations()) do OPS[op.id] = op end

-- A failing call's arguments need no real ids: nothing is sent.
local DUMMY = { incident = "i", integration = "m", type = "t", opsgenie = "o", pagerduty = "p" }

describe("body validation", function()
  emu.per_spec()

  -- the first table's 10 bodies; the other 40: generated_ops_spec.lua
  it("covers the 10 operations that take a body", function()
    local covered, with_body = {}, {}
    for _, shape in ipairs(SHAPES) do
      for _, id in ipairs(shape.ids) do covered[#covered + 1] = id end
    end
    for i, op in ipairs(datadog.operations()) do
      if op.body and i <= 24 then with_body[#with_body + 1] = op.id end
    end
    table.sort(covered)
    table.sort(with_body)
    assert.equal(10, #with_body)
    assert.same(with_body, covered)
  end)

  for _, shape in ipairs(SHAPES) do
    for _, id in ipairs(shape.ids) do
      local op = OPS[id]
      local args = shape.args[id]
      describe(id, function()
        for _, case in ipairs(shape.valid) do
          it("sends a valid body: " .. case[1], function()
            local dd = client()
            local f = fixtures(dd)
            local body = case[2](f)
            local res, resp = dd[op.method](dd, table.unpack(args(f, body)))
            assert.truthy(res, tostring(resp))
            assert.equal(op.success, resp.status)
            local log = emu.requests()
            assert.equal(1, #log)
            assert.same(datadog.decode(datadog.encode(body)), datadog.decode(log[1].body))
          end)
        end

        for _, case in ipairs(shape.invalid) do
          it("refuses " .. case[1] .. " and sends nothing", function()
            local dd = client()
            local prefix = "datadog: " .. id .. ": "
            assert.has_error(function()
              dd[op.method](dd, table.unpack(args(DUMMY, case[2])))
            end, prefix .. case[3])
            assert.equal(0, #emu.requests())
          end)
        end

        it("refuses the same way through dd:call", function()
          local dd = client()
          local case = shape.invalid[#shape.invalid]
          local params = { body = case[2] }
          local a = args(DUMMY, case[2])
          for i, p in ipairs(op.path_params) do params[p] = a[i] end
          assert.has_error(function() dd:call(id, params) end, "datadog: " .. id .. ": " .. case[3])
          assert.equal(0, #emu.requests())
        end)

        it("passes unknown fields through to the wire untouched", function()
          local dd = client()
          local f = fixtures(dd)
          local body = shape.unknown(f)
          local res, resp = dd[op.method](dd, table.unpack(args(f, body)))
          assert.truthy(res, tostring(resp))
          local sent = emu.requests()[1].body
          assert.same(datadog.decode(datadog.encode(body)), datadog.decode(sent))
          assert.not_matches("future_[%w_]+\":{}", sent) -- nothing emptied or reshaped
        end)

        it("sends an invalid body unchecked with validate = false", function()
          local dd = client{ validate = false }
          local f = fixtures(dd)
          local body = shape.unchecked(f)
          local res, err = dd[op.method](dd, table.unpack(args(f, body)))
          assert.is_nil(res)
          assert.equal(400, err.status) -- the emulator checks what we did not
          local log = emu.requests()
          assert.equal(1, #log)
          assert.same(datadog.decode(datadog.encode(body)), datadog.decode(log[1].body))
        end)
      end)
    end
  end

  it("keeps the schema's hints with validate = false: empty lists are []", function()
    local dd = client{ validate = false }
    local f = fixtures(dd)
    assert(dd:create_incident_integration(f.incident, integration{ metadata = { channels = {} } }))
    assert.matches('"channels":[]', emu.requests()[1].body, 1, true)
  end)

  it("still refuses what JSON cannot hold with validate = false", function()
    local dd = client{ validate = false }
    local cyclic = incident_create()
    cyclic.data.attributes.self = cyclic
    assert.has_error(function() dd:create_incident(cyclic) end,
      "datadog: CreateIncident: body.data.attributes.self: table contains a cycle")
    assert.has_error(function() dd:create_incident(incident_create{ title = 0 / 0 }) end,
      "datadog: CreateIncident: body.data.attributes.title: NaN and infinity cannot be sent as JSON")
    assert.equal(0, #emu.requests())
  end)

  it("checks the builders' bodies as well", function()
    local dd = client()
    assert.has_error(function()
      dd:create_opsgenie_service(datadog.opsgenie_service{ name = "x", opsgenie_api_key = "k",
        region = "custom" })
    end, 'datadog: CreateOpsgenieService: body.data.attributes.custom_url: required when region is "custom"')
    assert.has_error(function()
      dd:update_incident_type("t", datadog.incident_type_patch("t", { name = 1 }))
    end, "datadog: UpdateIncidentType: body.data.attributes.name: must be a string (got number)")
    assert.equal(0, #emu.requests())
  end)
end)

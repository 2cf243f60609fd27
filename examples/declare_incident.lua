-- Declare an incident and attach its Slack channel, its Jira issue and its
-- Microsoft Teams channel, then read them back. Everything it creates is
-- deleted at the end.
--   lua5.4 examples/declare_incident.lua
local example = require "examples.connect" -- first: it finds the checkout's module
local datadog = require "datadog"

-- What each kind of attachment is called, for printing.
local function describe(meta)
  if meta.channels then return "Slack channel " .. meta.channels[1].channel_name end
  if meta.issues then return "Jira issue " .. (meta.issues[1].issue_key or meta.issues[1].project_key) end
  return "Teams channel " .. meta.teams[1].ms_channel_name
end

example.run(function(dd, defer)
  local incident = example.check(dd:create_incident(datadog.incident{
    title = "Checkout latency above SLO", customer_impacted = true,
    customer_impact_scope = "Some checkouts take longer than 5 s",
  }))
  local id = incident.data.id
  defer(function()
    example.check(dd:delete_incident(id))
    print("deleted incident " .. id)
  end)
  print(("declared incident %s (public id %d): %s"):format(id,
    incident.data.attributes.public_id, incident.data.attributes.title))

  -- One integration per kind: a body holds Slack channels, Jira issues or
  -- Teams channels, and the builder sets integration_type to match.
  local attachments = {
    datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc-checkout-latency",
                           team_id = "T01234567" }, -- redirect_url made from the ids
    datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC",
                        issue_key = "INC-1042",
                        redirect_url = "https://example.atlassian.net/browse/INC-1042" },
    datadog.teams_channel{ ms_tenant_id = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                           ms_channel_id = "19:checkout@thread.tacv2",
                           ms_channel_name = "Checkout incidents",
                           redirect_url = "https://teams.microsoft.com/l/channel/"
                             .. "19%3Acheckout%40thread.tacv2/Checkout%20incidents" },
  }
  for _, item in ipairs(attachments) do
    local res = example.check(dd:create_incident_integration(id,
      datadog.incident_integration{ item, incident_id = id }))
    local integration = res.data
    defer(function()
      example.check(dd:delete_incident_integration(id, integration.id))
      print("deleted integration " .. integration.id)
    end)
    print(("attached %s (integration %s, integration_type %d)"):format(
      describe(integration.attributes.metadata), integration.id,
      integration.attributes.integration_type))
  end

  local list = example.check(dd:list_incident_integrations(id))
  print(("the incident now has %d integrations:"):format(#list.data))
  for _, integration in ipairs(list.data) do
    print("  " .. describe(integration.attributes.metadata))
  end
end)

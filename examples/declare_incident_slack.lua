-- Declare an incident and attach its Slack channel, then read it back.
--   lua5.4 examples/declare_incident_slack.lua
local dd, where = require("examples.connect")()
print("talking to " .. where)

local incident = assert(dd:create_incident{ data = { type = "incidents", attributes = {
  title = "Checkout latency above SLO", customer_impacted = true } } })
local id = incident.data.id
print(("declared incident %s (public id %d): %s"):format(id,
  incident.data.attributes.public_id, incident.data.attributes.title))

local slack = assert(dd:create_incident_integration(id, { data = {
  type = "incident_integrations", attributes = {
    incident_id = id,
    integration_type = 1, -- Slack
    metadata = { channels = { {
      channel_id = "C0123456789", channel_name = "#inc-checkout-latency",
      team_id = "T01234567",
      redirect_url = "https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
    } } } } } }))
print(("attached Slack channel %s (integration %s)"):format(
  slack.data.attributes.metadata.channels[1].channel_name, slack.data.id))

local list = assert(dd:list_incident_integrations(id))
print(("the incident now has %d integration(s)"):format(#list.data))

-- Tidy up, so that a run against a real account leaves nothing behind.
assert(dd:delete_incident_integration(id, slack.data.id))
assert(dd:delete_incident(id))
print("deleted the integration and the incident")

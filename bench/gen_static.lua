-- Writes the fixed response bodies the static nginx server returns, in the
-- shapes REFERENCE.md and the seed pages describe:
--   opsgenie.json     GetOpsgenieService           (~240 B)
--   integration.json  UpdateIncidentIntegration    (~700 B)
--   list.json         ListIncidentIntegrations     (~50 KB)
-- Usage: lua5.4 bench/gen_static.lua OUTDIR [LIST_BYTES]
-- Generated at run time so the repository holds no large fixtures.

local outdir = assert(arg[1], "usage: gen_static.lua OUTDIR [LIST_BYTES]")
local list_target = tonumber(arg[2] or "") or 50000

local INCIDENT_ID = "00000000-aaaa-0000-0000-000000000000"
local USER_ID = "00000000-0000-0000-2345-000000000000"

-- Deterministic ids so two runs serve byte-identical bodies.
local function uuid(kind, n)
  return string.format("%08x-%04x-4%03x-8%03x-%012x", 0x5eed0000 + kind, n % 0x10000,
    (n * 7) % 0x1000, (n * 13) % 0x1000, n * 2654435761 % 0x1000000000000)
end

local function write(name, text)
  local path = outdir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return #text
end

local function channel(i)
  local cid = string.format("C%010d", 1000000 + i)
  return string.format(
    '{"channel_id":"%s","channel_name":"#incident-bench-%d",' ..
    '"redirect_url":"https://slack.com/app_redirect?channel=%s\\u0026team=T01234567",' ..
    '"team_id":"T01234567"}', cid, i, cid)
end

local function user_rel(name)
  return string.format('"%s":{"data":{"id":"%s","type":"users"}}', name, USER_ID)
end

-- One integration resource; `channels` Slack channels in its metadata.
local function integration(i, channels)
  local ch = {}
  for c = 1, channels do ch[c] = channel(i * 10 + c) end
  return string.format(
    '{"attributes":{"created":"2024-05-%02dT10:00:00.000Z","created_by_uuid":"%s",' ..
    '"incident_id":"%s","integration_type":1,"last_modified_by_uuid":"%s",' ..
    '"metadata":{"channels":[%s]},"modified":"2024-05-%02dT10:%02d:00.000Z","status":2},' ..
    '"id":"%s","relationships":{%s,%s},"type":"incident_integrations"}',
    i % 28 + 1, USER_ID, INCIDENT_ID, USER_ID, table.concat(ch, ","), i % 28 + 1, i % 60,
    uuid(1, i), user_rel("created_by_user"), user_rel("last_modified_by_user"))
end

local included_user = string.format(
  '{"attributes":{"created_at":"2023-01-10T09:00:00.000Z","disabled":false,' ..
  '"email":"bench@example.com","handle":"bench@example.com",' ..
  '"icon":"https://secure.gravatar.com/avatar/00000000000000000000000000000000?s=48&d=retro",' ..
  '"mfa_enabled":false,"modified_at":"2024-05-01T09:00:00.000Z","name":"Bench User",' ..
  '"service_account":false,"status":"Active","title":"SRE","verified":true},' ..
  '"id":"%s","relationships":{"org":{"data":{"id":"00000000-0000-beef-0000-000000000000",' ..
  '"type":"orgs"}}},"type":"users"}', USER_ID)

local sizes = {}

-- Only `data`, as seed 003 documents the response (an earlier version added
-- a `meta` object that Datadog does not send).
sizes.opsgenie = write("opsgenie.json",
  '{"data":{"attributes":{"custom_url":"https://api.opsgenie.example.com/v2/alerts/bench",' ..
  '"name":"bench-opsgenie-service-payments-primary-oncall-rotation","region":"custom"},' ..
  '"id":"596da4af-0563-4097-90ff-07230c3f9db3","type":"opsgenie-service"}}')

sizes.integration = write("integration.json",
  '{"data":' .. integration(0, 1) .. '}')

-- Add three-channel integrations until the list reaches the target size.
local items, total = {}, 0
local tail_len = #included_user + 120
repeat
  local it = integration(#items + 1, 3)
  items[#items + 1] = it
  total = total + #it + 1
until total + tail_len >= list_target
sizes.list = write("list.json", string.format(
  '{"data":[%s],"included":[%s],"meta":{"pagination":{"next_offset":%d,"offset":0,"size":%d}}}',
  table.concat(items, ","), included_user, #items, #items))

io.write(string.format("static bodies: opsgenie %d B, integration %d B, list %d B (%d items)\n",
  sizes.opsgenie, sizes.integration, sizes.list, #items))

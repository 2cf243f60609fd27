-- Writes the committed seed corpus of the two fuzz targets:
--   lua5.4 fuzz/seeds.lua        (from the repository root)
-- fuzz/corpus/fuzz_decode/*   byte 0 operation, bytes 1-2 status, then raw
--                             header lines, "\r\n\r\n", the body
-- fuzz/corpus/fuzz_request/*  byte 0 operation, byte 1 client, then the
--                             JSON params of dd:prepare
-- Operation bytes index datadog.core.operations() (1-based, modulo their
-- number; the first 24 keep their places as the table grows).
-- Inputs the fuzzers once crashed on are kept there too, named regress_*
-- (not written by this script): fuzz_request/regress_nul_in_key is a body
-- key "type\u0000" that read past a field name in json_encode.c, and
-- regress_crlf_in_enum an enum value with a CR that split an error message.

local function write(dir, name, data)
  local f = assert(io.open("fuzz/corpus/" .. dir .. "/" .. name, "wb"))
  f:write(data)
  f:close()
end

local OPS = {}
do
  package.cpath = "./?.so;" .. package.cpath
  local core = require "datadog.core"
  for i, op in ipairs(core.operations()) do OPS[op.id] = i - 1 end
end

-- The harness reads the status as 100 + (byte1 * 256 + byte2) % 500.
local function resp(op, status, headers, body)
  local v = status - 100
  return string.char(OPS[op], v // 256, v % 256) .. headers .. "\r\n\r\n" .. body
end

local H = "Content-Type: application/json\r\nX-RateLimit-Limit: 1000\r\n"
  .. "X-RateLimit-Period: 60\r\nX-RateLimit-Remaining: 999\r\nX-RateLimit-Reset: 7, 7\r\n"
  .. "X-RateLimit-Name: opsgenie"

-- gzip of s, by the gzip command (seeds are written by hand, not at build time)
local function gzip(s)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "wb"))
  f:write(s)
  f:close()
  local p = assert(io.popen("gzip -c -n " .. tmp, "r"))
  local z = p:read("a")
  p:close()
  os.remove(tmp)
  return z
end

local GZ_BODY = '{"data":[{"id":"a","type":"opsgenie-service","attributes":{"name":"z"}}]}'

local decode = {
  og_list = resp("ListOpsgenieServices", 200, H, '{"data":[{"attributes":{"custom_url":null,'
    .. '"name":"fake-opsgenie-service","region":"us"},"id":"596da4af-0563-4097-90ff-07230c3f9db3",'
    .. '"type":"opsgenie-service"}]}'),
  og_empty = resp("ListOpsgenieServices", 200, H, '{"data":[]}'),
  integration = resp("GetIncidentIntegration", 200, H, '{"data":{"attributes":{"created":'
    .. '"2026-02-23T14:07:12.720Z","incident_id":"00000000-aaaa-0000-0000-000000000000",'
    .. '"integration_type":1,"metadata":{"channels":[{"channel_id":"C0123456789",'
    .. '"channel_name":"#incident-1","redirect_url":"https://slack.com/app_redirect?channel=C0123456789",'
    .. '"team_id":"T01234567"}]},"status":2},"id":"x","type":"incident_integrations"},'
    .. '"included":[{"id":"u","type":"users","attributes":{"email":"a@b.c","handle":"h"}}]}'),
  incidents = resp("ListIncidents", 200, H, '{"data":[{"id":"1","type":"incidents","attributes":'
    .. '{"public_id":1,"title":"t","customer_impacted":false,"time_to_repair":-9223372036854775808,'
    .. '"big":18446744073709551616,"f":-0.0,"e":1.5e-300,"fields":{"state":{"value":"active"}}}}],'
    .. '"meta":{"pagination":{"offset":0,"next_offset":10,"size":10}}}'),
  errors_400 = resp("CreateOpsgenieService", 400, H,
    '{"errors":["data.attributes.region: must be one of us, eu, custom","x"]}'),
  errors_429 = resp("ListIncidents", 429, H .. "\r\nX-RateLimit-Reset: 1", '{"errors":["Too many requests"]}'),
  html_502 = resp("GetIncident", 502, "Content-Type: text/html", "<html><h1>502</h1></html>"),
  no_content = resp("DeleteIncident", 204, "X-RateLimit-Name: incidents", ""),
  empty_put = resp("UpdatePagerDutyIntegrationService", 200, "Content-Length: 0", ""),
  escapes = resp("GetPagerDutyIntegrationService", 200, H,
    '{"service_name":"a\\u0000b\\ud83d\\ude00\\n\\t\\"\\\\\\/ \\u00e9"}'),
  -- bodies fed as they came, as a Lua driver does: the engine inflates them
  gzip_body = resp("ListOpsgenieServices", 200, H .. "\r\nContent-Encoding: gzip", gzip(GZ_BODY)),
  gzip_cut = resp("ListOpsgenieServices", 200, H .. "\r\nContent-Encoding: gzip",
    gzip(GZ_BODY):sub(1, 30)),
  deflate_raw = resp("ListOpsgenieServices", 200, "Content-Encoding: deflate",
    gzip(GZ_BODY):sub(11, -9)), -- the deflate stream inside the gzip wrapper
  gzip_error = resp("GetIncident", 404, "Content-Encoding: x-gzip",
    gzip('{"errors":[{"status":"404","title":"Not Found"}]}')),
  malformed = resp("GetOpsgenieService", 200, H, '{"data": {"id": "x", "attributes": {"name": "unterminated, '),
  deep = resp("GetIncident", 200, H, ("["):rep(99) .. ("]"):rep(99)),
  too_deep = resp("GetIncident", 200, H, ("["):rep(101) .. ("]"):rep(101)),
  numbers = resp("GetIncident", 200, H, "[0,-1,1e5,1E+5,2.5e-3,123456789012345678901234567890,-9223372036854775809]"),
  jsonapi_404 = resp("GetIncident", 404, "Content-Type: application/vnd.api+json",
    '{"errors":[{"status":"404","title":"Not Found"}]}'),
  jsonapi_generic = resp("GetIncidentIntegration", 404, "Content-Type: application/vnd.api+json",
    '{"errors":[{"title":"Generic Error","detail":"incident integration doesn\'t exist"}]}'),
  jsonapi_mixed = resp("CreateIncident", 400, H, '{"errors":["a\\nb",{"title":"T","detail":"d",'
    .. '"source":{"pointer":"/data/attributes/title"},"meta":{"fuzz-app-key-00000002":["x",'
    .. '{"k":"fuzz-api-key-00000001"}]}},7,null,[[]],{}]}'),
  errors_not_list = resp("GetOpsgenieService", 404, H, '{"errors":{"title":"Gone","detail":"svc"}}'),
  echo_key = resp("CreatePagerDutyIntegrationService", 400, "X-Echo: fuzz-api-key-00000001",
    '{"errors":["fuzz-api-key-00000001 fuzz-app-key-00000002"]}'),
}

local request = {
  slack = string.char(OPS.CreateIncidentIntegration, 0) .. '{"incident_id":"abc","body":{"data":'
    .. '{"type":"incident_integrations","attributes":{"integration_type":1,"metadata":{"channels":'
    .. '[{"channel_id":"C1","channel_name":"#x","redirect_url":"https://x"}]}}}}}',
  jira = string.char(OPS.UpdateIncidentIntegration, 0) .. '{"incident_id":"a","integration_metadata_id":"b",'
    .. '"body":{"data":{"type":"incident_integrations","attributes":{"integration_type":8,"status":5,'
    .. '"metadata":{"issues":[{"account":"https://j","project_key":"P","issue_key":"P-1"}]}}}}}',
  teams = string.char(OPS.CreateIncidentIntegration, 1) .. '{"incident_id":"a","body":{"data":'
    .. '{"type":"incident_integrations","attributes":{"integration_type":7,"metadata":{"teams":'
    .. '[{"ms_tenant_id":"t","ms_channel_id":"c","ms_channel_name":"n","redirect_url":"u"}]}}}}}',
  og_create = string.char(OPS.CreateOpsgenieService, 0) .. '{"body":{"data":{"type":"opsgenie-service",'
    .. '"attributes":{"name":"svc","opsgenie_api_key":"k","region":"custom","custom_url":"https://x"}}}}',
  og_update = string.char(OPS.UpdateOpsgenieService, 1) .. '{"integration_service_id":"../..",'
    .. '"body":{"data":{"id":"x","type":"opsgenie-service","attributes":{"custom_url":null}}}}',
  pd_create = string.char(OPS.CreatePagerDutyIntegrationService, 0)
    .. '{"body":{"service_name":"a b/c?d#e","service_key":"sk"}}',
  pd_get = string.char(OPS.GetPagerDutyIntegrationService, 0) .. '{"service_name":"x\\r\\nX-Evil: 1\\u0000"}',
  list_incidents = string.char(OPS.ListIncidents, 0)
    .. '{"page_size":10,"page_offset":0,"include":["users","attachments"]}',
  list_types = string.char(OPS.ListIncidentTypes, 0) .. '{"include_deleted":true}',
  type_create = string.char(OPS.CreateIncidentType, 0) .. '{"body":{"data":{"type":"incident_types",'
    .. '"attributes":{"name":"Security","configuration":{"slug_source":"servicenow","test_incidents":false}}}}}',
  incident = string.char(OPS.CreateIncident, 1) .. '{"body":{"data":{"type":"incidents","attributes":'
    .. '{"title":"t","customer_impacted":true,"fields":{"severity":{"type":"dropdown","value":"SEV-1"}},'
    .. '"initial_cells":[],"notification_handles":[{"handle":"@x"}]}}}}',
  incident_update = string.char(OPS.UpdateIncident, 0) .. '{"incident_id":"i","include":"users",'
    .. '"body":{"data":{"id":"i","type":"incidents","attributes":{"resolved":null,"title":"\\u00e9"}}}}',
  string_body = string.char(OPS.CreatePagerDutyIntegrationService, 0) .. '"{\\"service_name\\":\\"x\\"}"',
  -- a union (a handle or an object), a map of unions, every query type
  todo_union = string.char(OPS.CreateIncidentTodo, 0) .. '{"incident_id":"i","body":{"data":'
    .. '{"type":"incident_todos","attributes":{"content":"c","assignees":["@a",{"icon":"i","id":"U1",'
    .. '"name":"n","source":"slack"}]}}}}',
  import_map = string.char(OPS.ImportIncident, 1) .. '{"include":["last_modified_by_user"],"body":{"data":'
    .. '{"type":"incidents","attributes":{"title":"t","fields":{"severity":{"value":"SEV-1"},'
    .. '"teams":{"value":["a","b"]}}}}}}',
  search = string.char(OPS.SearchIncidents, 0) .. '{"query":"state:active & x","sort":"-created",'
    .. '"include":"users","page_size":5,"page_offset":10}',
  udf_list = string.char(OPS.ListIncidentUserDefinedFields, 0) .. '{"page_size":1,"page_number":2,'
    .. '"include_deleted":true,"filter_incident_type":"t","include":"created_by_user"}',
}

local n = { decode = 0, request = 0 }
for name, data in pairs(decode) do write("fuzz_decode", name, data); n.decode = n.decode + 1 end
for name, data in pairs(request) do write("fuzz_request", name, data); n.request = n.request + 1 end
print(("seeds: %d for fuzz_decode, %d for fuzz_request"):format(n.decode, n.request))

-- Bad input, table-driven: wrong types at every level, missing fields, NUL,
-- CR and LF in keys, invalid UTF-8, cyclic and very deep tables, huge
-- strings, integers outside int32 for int32 fields, NaN and infinity. Every
-- case must raise a clear error (the text is asserted) and send nothing: the
-- emulator's request log stays empty.
--
-- Path parameters are the exception by design: any string is a valid path
-- parameter, and it is percent-encoded whole, so NUL, CR, LF, "/" and ".."
-- stay inside their segment and never reach a header. Those cases are
-- checked with dd:prepare, which sends nothing, at the end of this file.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info

local function opts(extra)
  local o = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
              unstable = true, retry = false }
  for k, v in pairs(extra or {}) do o[k] = v end
  return o
end

local function new(extra)
  return function() return datadog.new(opts(extra)) end
end

-- Body builders.
local function og(attrs)
  local a = { name = "svc", opsgenie_api_key = "og-key-0001", region = "us" }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "opsgenie-service", attributes = a } }
end
local function slack(attrs, channel)
  local ch = { channel_id = "C1", channel_name = "#inc", redirect_url = "https://slack/x" }
  for k, v in pairs(channel or {}) do ch[k] = v end
  local a = { integration_type = 1, metadata = { channels = { ch } } }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "incident_integrations", attributes = a } }
end
local function incident(attrs)
  local a = { title = "t", customer_impacted = false }
  for k, v in pairs(attrs or {}) do a[k] = v end
  return { data = { type = "incidents", attributes = a } }
end

local function deep(n)
  local t = {}
  local cur = t
  for _ = 1, n do
    cur.x = {}
    cur = cur.x
  end
  return t
end

local cyclic = {}
cyclic.self = cyclic
local cyclic2 = { a = { b = {} } }
cyclic2.a.b.back = cyclic2
local cyclic_list = {}
cyclic_list[1] = cyclic_list

local HUGE = ("x"):rep(8 * 1024 * 1024)
local INVALID_UTF8 = {
  lone_continuation = "\x80abc",
  overlong = "\xC0\xAF",
  surrogate = "\xED\xA0\x80",
  truncated = "abc\xE2\x82",
  past_max = "\xF4\x90\x80\x80",
  ff = "\xFF",
}

local OG_ATTRS = "datadog: CreateOpsgenieService: body.data.attributes."
local INTEG_ATTRS = "datadog: CreateIncidentIntegration: body.data.attributes."
local INC_ATTRS = "datadog: CreateIncident: body.data.attributes."

-- { name, function(dd) that must raise, text the error must contain }
local CASES = {
  -- ------------------------------------------------------------------ datadog.new
  { "options not a table", function() datadog.new("x") end,
    "datadog.new: options must be a table (got string)" },
  { "unknown option", new{ timout = 3 }, "unknown option 'timout'; did you mean 'timeout'?" },
  { "non-string option key", function() datadog.new({ [1] = true }) end, "unknown option '1'" },
  { "timeout a string", new{ timeout = "3" }, "option timeout must be a number (got string)" },
  { "timeout zero", new{ timeout = 0 }, "datadog.new: option timeout must be between 0 and 86400 seconds" },
  { "timeout negative", new{ timeout = -1 }, "datadog.new: option timeout must be between 0 and 86400 seconds" },
  { "timeout NaN", new{ timeout = 0 / 0 }, "datadog.new: option timeout must be between 0 and 86400 seconds" },
  { "timeout infinite", new{ timeout = math.huge }, "datadog.new: option timeout must be between 0 and 86400 seconds" },
  { "connect_timeout a table", new{ connect_timeout = {} }, "option connect_timeout must be a number (got table)" },
  { "connect_timeout too large", new{ connect_timeout = 1e9 },
    "datadog.new: option connect_timeout must be between 0 and 86400 seconds" },
  { "validate a string", new{ validate = "yes" }, "option validate must be a boolean (got string)" },
  { "compress a number", new{ compress = 1 }, "option compress must be a boolean (got number)" },
  { "verify a string", new{ verify = "no" }, "option verify must be a boolean (got string)" },
  { "ca_file a number", new{ ca_file = 1 }, "option ca_file must be a string (got number)" },
  { "proxy a boolean", new{ proxy = true }, "option proxy must be a string (got boolean)" },
  { "retry a string", new{ retry = "x" }, "option retry must be a boolean or table (got string)" },
  { "retry.max a string", new{ retry = { max = "3" } }, "datadog.new: option retry.max must be a number (got string)" },
  { "retry.max negative", new{ retry = { max = -1 } }, "datadog.new: option retry.max must be between 0 and 100" },
  { "retry.max NaN", new{ retry = { max = 0 / 0 } }, "datadog.new: option retry.max must be between 0 and 100" },
  { "retry.max fractional", new{ retry = { max = 2.5 } }, "datadog.new: option retry.max must be a whole number" },
  { "retry.base negative", new{ retry = { base = -1 } }, "datadog.new: option retry.base must be between 0 and 3600" },
  { "retry.multiplier below 1", new{ retry = { multiplier = 0.5 } },
    "datadog.new: option retry.multiplier must be between 1 and 100" },
  { "retry.max_wait infinite", new{ retry = { max_wait = math.huge } },
    "datadog.new: option retry.max_wait must be between 0 and 86400" },
  { "retry.methods a string", new{ retry = { methods = "GET" } },
    "datadog.new: option retry.methods must be a list of HTTP methods" },
  { "retry.methods unknown method", new{ retry = { methods = { "GET", "FETCH" } } },
    "datadog.new: option retry.methods[2] must be one of GET, POST, PUT, PATCH, DELETE" },
  { "retry unknown field", new{ retry = { retries = 3 } },
    "datadog.new: option retry: unknown field 'retries' (max, base, multiplier, max_wait, methods)" },
  { "debug a string", new{ debug = "yes" }, "option debug must be a boolean or function (got string)" },
  { "max_body zero", new{ max_body = 0 }, "datadog.new: option max_body must be between 1 and 2e+09" },
  { "max_body a string", new{ max_body = "big" }, "option max_body must be a number (got string)" },
  { "gzip_requests a string", new{ gzip_requests = "x" },
    "option gzip_requests must be a number or boolean (got string)" },
  { "transport a table", new{ transport = {} }, "option transport must be a function (got table)" },
  { "unstable a string", new{ unstable = "all" }, "option unstable must be a boolean or table (got string)" },
  { "unstable with a number", new{ unstable = { 42 } },
    "datadog.new: option unstable[1] must be an operation id (got number)" },
  { "unstable with an unknown id", new{ unstable = { "GetIncidnt" } },
    "datadog.new: option unstable: unknown operation 'GetIncidnt'; did you mean 'GetIncident'?" },
  { "site unknown", function() datadog.new{ site = "datadoghq.ue", api_key = "a", app_key = "b" } end,
    "unknown site 'datadoghq.ue'; did you mean 'datadoghq.eu'?" },
  { "base_url not http", new{ base_url = "ftp://127.0.0.1" },
    "datadog.new: option base_url must start with http:// or https://" },
  { "base_url empty", new{ base_url = "" }, "datadog.new: option base_url must be a non-empty string" },
  { "base_url with CR LF", new{ base_url = "http://127.0.0.1\r\nX-Evil: 1" },
    "datadog.new: option base_url must not contain spaces or line breaks" },
  { "api_key a number", new{ api_key = 12345 }, "option api_key must be a string (got number)" },
  { "api_key empty", new{ api_key = "" }, "datadog.new: option api_key is empty" },
  { "api_key with CR LF", new{ api_key = "key\r\nX-Injected: 1" },
    "datadog.new: option api_key contains a control character (CR, LF, NUL or similar) at byte 4" },
  { "api_key with NUL", new{ api_key = "key\0rest" },
    "datadog.new: option api_key contains a control character (CR, LF, NUL or similar) at byte 4" },
  { "app_key with LF", new{ app_key = "app\nkey" },
    "datadog.new: option app_key contains a control character (CR, LF, NUL or similar) at byte 4" },
  { "app_key with DEL", new{ app_key = "app\127key" },
    "datadog.new: option app_key contains a control character (CR, LF, NUL or similar) at byte 4" },
  { "api_key huge", new{ api_key = HUGE }, "datadog.new: option api_key is too long (8388608 bytes)" },

  -- ------------------------------------------------------------------ calls
  { "method called with a dot", function(dd) dd.list_opsgenie_services() end,
    "datadog: expected a client as self (use dd:method(...), not dd.method(...))" },
  { "self is another table", function(dd) dd.list_opsgenie_services({}) end,
    "datadog: expected a client as self" },
  { "misspelt method", function(dd) return dd.list_opsgenie_service end,
    "datadog: client has no method 'list_opsgenie_service'; did you mean 'list_opsgenie_services'?" },
  { "unknown operation", function(dd) dd:call("GetIncidnt", {}) end,
    "datadog: unknown operation 'GetIncidnt'; did you mean 'GetIncident'?" },
  { "operation id a number", function(dd) dd:call(42, {}) end, "unknown operation '42'" },
  { "operation id missing", function(dd) dd:call() end, "datadog: operation id must be a string (got no value)" },
  { "call params a string", function(dd) dd:call("ListIncidents", "x") end,
    "datadog: ListIncidents: params must be a table (got string)" },
  { "path param missing", function(dd) dd:get_incident() end,
    "datadog: GetIncident: incident_id must be a string (got no value)" },
  { "path param a number", function(dd) dd:get_incident(42) end,
    "datadog: GetIncident: incident_id must be a string (got number)" },
  { "path param a table", function(dd) dd:get_opsgenie_service({}) end,
    "datadog: GetOpsgenieService: integration_service_id must be a string (got table)" },
  { "path param a boolean", function(dd) dd:get_incident_type(true) end,
    "datadog: GetIncidentType: incident_type_id must be a string (got boolean)" },
  { "path param empty", function(dd) dd:get_incident("") end,
    "datadog: GetIncident: incident_id must not be empty" },
  { "second path param missing", function(dd) dd:get_incident_integration("i") end,
    "datadog: GetIncidentIntegration: integration_metadata_id must be a string (got no value)" },
  { "path param missing in call", function(dd) dd:call("GetIncident", {}) end,
    "datadog: GetIncident: incident_id must be a string (got nil)" },
  { "too many arguments", function(dd) dd:get_incident("a", nil, "extra") end,
    "datadog: GetIncident: too many arguments (expected 1 path parameter, then an options table)" },
  { "options not a table", function(dd) dd:list_incidents("page_size=1") end,
    "datadog: ListIncidents: options must be a table (got string)" },
  { "unknown query parameter", function(dd) dd:list_incidents({ page_sise = 1 }) end,
    "datadog: ListIncidents: unknown parameter 'page_sise'; did you mean 'page_size'?" },
  { "unknown query parameter with CR LF: one line", function(dd)
      dd:list_incidents({ ["x\r\nX-Injected: 1"] = 1 }) end,
    "datadog: ListIncidents: unknown parameter 'x\\r\\nX-Injected: 1'" },
  { "query key with a NUL inside: not page_size", function(dd)
      dd:list_incidents({ ["page_size\0x"] = 1 }) end,
    "datadog: ListIncidents: unknown parameter 'page_size\\x00x'; did you mean 'page_size'?" },
  { "query parameter to an operation that has none, in call", function(dd)
      dd:call("GetOpsgenieService", { integration_service_id = "x", page_size = 1 }) end,
    "datadog: GetOpsgenieService: unknown parameter 'page_size'" },
  { "query parameter to an operation that has none, named", function(dd)
      dd:get_opsgenie_service("x", { page_size = 1 }) end,
    "datadog: GetOpsgenieService: unknown parameter 'page_size'" },
  { "body in call to an operation without one", function(dd)
      dd:call("GetOpsgenieService", { integration_service_id = "x", body = {} }) end,
    "datadog: GetOpsgenieService: unknown parameter 'body'" },
  { "query key not a string", function(dd) dd:list_incidents({ [1] = 1 }) end,
    "datadog: ListIncidents: options keys must be strings (got number)" },
  { "page_size a string", function(dd) dd:list_incidents({ page_size = "1" }) end,
    "datadog: ListIncidents: page_size must be an integer (got string)" },
  { "page_size fractional", function(dd) dd:list_incidents({ page_size = 1.5 }) end,
    "datadog: ListIncidents: page_size must be a non-negative integer" },
  { "page_size negative", function(dd) dd:list_incidents({ page_size = -1 }) end,
    "datadog: ListIncidents: page_size must be a non-negative integer" },
  { "page_offset NaN", function(dd) dd:list_incidents({ page_offset = 0 / 0 }) end,
    "datadog: ListIncidents: page_offset must be a non-negative integer" },
  { "page_offset infinite", function(dd) dd:list_incidents({ page_offset = math.huge }) end,
    "datadog: ListIncidents: page_offset must be a non-negative integer" },
  { "page_size past 2^53", function(dd) dd:list_incidents({ page_size = math.maxinteger }) end,
    "datadog: ListIncidents: page_size must be a non-negative integer" },
  { "include a number", function(dd) dd:list_incidents({ include = 42 }) end,
    "datadog: ListIncidents: include must be a string or a list of strings (got number)" },
  { "include list with a number", function(dd) dd:get_incident("i", { include = { "users", 7 } }) end,
    "datadog: GetIncident: include[2] must be a string (got number)" },
  { "include_deleted a string", function(dd) dd:list_incident_types({ include_deleted = "yes" }) end,
    "datadog: ListIncidentTypes: include_deleted must be a boolean (got string)" },
  { "disabled beta operation", function()
      datadog.new(opts({ unstable = false })):list_incidents() end,
    "datadog: ListIncidents is a beta operation and is disabled" },

  -- ------------------------------------------------------------------ bodies: types and fields
  { "body missing", function(dd) dd:create_opsgenie_service() end,
    "datadog: CreateOpsgenieService: body is required" },
  { "body a number", function(dd) dd:create_opsgenie_service(42) end,
    "datadog: CreateOpsgenieService: body must be a table or a JSON string (got number)" },
  { "body a function", function(dd) dd:create_opsgenie_service(print) end,
    "datadog: CreateOpsgenieService: body must be a table or a JSON string (got function)" },
  { "body null", function(dd) dd:create_opsgenie_service(datadog.null) end,
    "datadog: CreateOpsgenieService: body must be a table or a JSON string (got userdata)" },
  { "body an array", function(dd) dd:create_opsgenie_service({ 1, 2 }) end,
    "datadog: CreateOpsgenieService: body: must be an object (got an array)" },
  { "data missing", function(dd) dd:create_opsgenie_service({}) end,
    "datadog: CreateOpsgenieService: body.data: required" },
  { "data a string", function(dd) dd:create_opsgenie_service({ data = "x" }) end,
    "datadog: CreateOpsgenieService: body.data: must be an object (got string)" },
  { "type missing", function(dd) dd:create_opsgenie_service({ data = { attributes = og().data.attributes } }) end,
    "datadog: CreateOpsgenieService: body.data.type: required" },
  { "type wrong enum", function(dd)
      local b = og(); b.data.type = "opsgenie"; dd:create_opsgenie_service(b) end,
    'datadog: CreateOpsgenieService: body.data.type: must be one of opsgenie-service (got "opsgenie")' },
  { "a key with a NUL inside does not pass for a known field", function(dd)
      dd:create_opsgenie_service({ data = { ["type\0"] = "opsgenie-service",
        attributes = og().data.attributes } }) end,
    "datadog: CreateOpsgenieService: body.data.type: required" },
  { "NUL inside a key, in an error path: escaped", function(dd)
      dd:create_incident(incident({ fields = { ["a\0b"] = 0 / 0 } })) end,
    INC_ATTRS .. "fields.a\\x00b: NaN and infinity cannot be sent as JSON" },
  { "attributes missing", function(dd) dd:create_opsgenie_service({ data = { type = "opsgenie-service" } }) end,
    "datadog: CreateOpsgenieService: body.data.attributes: required" },
  { "required attribute missing", function(dd) dd:create_opsgenie_service(og({ name = false and 1 or nil,
      region = "us" })) end, nil }, -- placeholder, replaced below
  { "region wrong enum", function(dd) dd:create_opsgenie_service(og({ region = "mars" })) end,
    OG_ATTRS .. 'region: must be one of us, eu, custom (got "mars")' },
  { "custom region without custom_url", function(dd) dd:create_opsgenie_service(og({ region = "custom" })) end,
    OG_ATTRS .. 'custom_url: required when region is "custom"' },
  { "name a number", function(dd) dd:create_opsgenie_service(og({ name = 42 })) end,
    OG_ATTRS .. "name: must be a string (got number)" },
  { "name too long (101)", function(dd) dd:create_opsgenie_service(og({ name = ("n"):rep(101) })) end,
    OG_ATTRS .. "name: must be at most 100 characters (got 101)" },
  { "name huge (8 MiB)", function(dd) dd:create_opsgenie_service(og({ name = HUGE })) end,
    OG_ATTRS .. "name: must be at most 100 characters (got 8388608)" },
  { "opsgenie_api_key a boolean", function(dd) dd:create_opsgenie_service(og({ opsgenie_api_key = true })) end,
    OG_ATTRS .. "opsgenie_api_key: must be a string (got boolean)" },
  { "null where not nullable", function(dd) dd:create_opsgenie_service(og({ name = datadog.null })) end,
    OG_ATTRS .. "name: must not be null" },
  { "update id empty", function(dd) dd:update_opsgenie_service("x", { data = { id = "",
      type = "opsgenie-service", attributes = {} } }) end,
    "datadog: UpdateOpsgenieService: body.data.id: must not be empty" },
  { "customer_impacted a string", function(dd) dd:create_incident(incident({ customer_impacted = "no" })) end,
    INC_ATTRS .. "customer_impacted: must be a boolean (got string)" },
  { "title missing", function(dd) dd:create_incident({ data = { type = "incidents",
      attributes = { customer_impacted = true } } }) end,
    INC_ATTRS .. "title: required" },
  { "notification_handles an object", function(dd)
      dd:create_incident(incident({ notification_handles = { handle = "@x" } })) end,
    INC_ATTRS .. "notification_handles: must be an array (got an object)" },
  { "PagerDuty service_key missing", function(dd)
      dd:create_pager_duty_integration_service({ service_name = "x" }) end,
    "datadog: CreatePagerDutyIntegrationService: body.service_key: required" },
  { "PagerDuty service_key a number", function(dd)
      dd:update_pager_duty_integration_service("x", { service_key = 1234 }) end,
    "datadog: UpdatePagerDutyIntegrationService: body.service_key: must be a string (got number)" },

  -- ------------------------------------------------------------------ integration metadata
  { "channels a string", function(dd) dd:create_incident_integration("i",
      slack({ metadata = { channels = "C1" } })) end,
    INTEG_ATTRS .. "metadata.channels: must be an array (got string)" },
  { "channel item a number", function(dd) dd:create_incident_integration("i",
      slack({ metadata = { channels = { 42 } } })) end,
    INTEG_ATTRS .. "metadata.channels[1]: must be an object (got number)" },
  { "channel field missing", function(dd) dd:create_incident_integration("i",
      slack(nil, { redirect_url = false and 1 or nil })) end, nil }, -- placeholder, replaced below
  { "metadata with two shapes", function(dd) dd:create_incident_integration("i",
      slack({ metadata = { channels = {}, issues = {} } })) end,
    INTEG_ATTRS .. "metadata: must have only one of channels, issues, teams" },
  { "metadata with no shape", function(dd) dd:create_incident_integration("i",
      slack({ metadata = { other = {} } })) end,
    INTEG_ATTRS .. "metadata: must have one of channels, issues, teams" },
  { "integration_type does not match metadata", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = 8 })) end,
    INTEG_ATTRS .. "integration_type: 8 (Jira) needs metadata.issues" },
  { "integration_type fractional", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = 1.5 })) end,
    INTEG_ATTRS .. "integration_type: must be an integer (got 1.5)" },
  { "integration_type 2^31 (past int32)", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = 2147483648 })) end,
    INTEG_ATTRS .. "integration_type: must be an integer from -2147483648 to 100 (got 2147483648)" },
  { "integration_type -2^31-1 (below int32)", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = -2147483649 })) end,
    INTEG_ATTRS .. "integration_type: must be an integer from -2147483648 to 100 (got -2147483649)" },
  { "integration_type 2^63 as a float", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = 2.0 ^ 63 })) end,
    INTEG_ATTRS .. "integration_type: must be an integer from -2147483648 to 100 (got 9223372036854775808)" },
  { "integration_type NaN", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = 0 / 0 })) end,
    INTEG_ATTRS .. "integration_type: NaN and infinity cannot be sent as JSON" },
  { "integration_type infinite", function(dd) dd:create_incident_integration("i",
      slack({ integration_type = -math.huge })) end,
    INTEG_ATTRS .. "integration_type: NaN and infinity cannot be sent as JSON" },
  { "status 6 (past its range)", function(dd) dd:create_incident_integration("i",
      slack({ status = 6 })) end,
    INTEG_ATTRS .. "status: must be an integer from 0 to 5 (got 6)" },
  { "status math.mininteger", function(dd) dd:create_incident_integration("i",
      slack({ status = math.mininteger })) end,
    INTEG_ATTRS .. "status: must be an integer from 0 to 5 (got -9223372036854775808)" },
  { "status a string", function(dd) dd:create_incident_integration("i",
      slack({ status = "2" })) end,
    INTEG_ATTRS .. "status: must be an integer (got string)" },

  -- ------------------------------------------------------------------ values JSON cannot hold
  { "NaN in a free-form field", function(dd) dd:create_incident(incident({ fields = { x = 0 / 0 } })) end,
    INC_ATTRS .. "fields.x: NaN and infinity cannot be sent as JSON" },
  { "infinity in a free-form list", function(dd)
      dd:create_incident(incident({ initial_cells = { 1, math.huge } })) end,
    INC_ATTRS .. "initial_cells[2]: NaN and infinity cannot be sent as JSON" },
  { "a function value", function(dd) dd:create_incident(incident({ fields = { f = print } })) end,
    INC_ATTRS .. "fields.f: cannot be sent as JSON (got a function)" },
  { "a userdata value", function(dd) dd:create_incident(incident({ fields = { f = io.stdout } })) end,
    INC_ATTRS .. "fields.f: cannot be sent as JSON (got a userdata)" },
  { "a coroutine value", function(dd)
      dd:create_incident(incident({ fields = { f = coroutine.create(print) } })) end,
    INC_ATTRS .. "fields.f: cannot be sent as JSON (got a thread)" },
  { "a table cycle (self)", function(dd) dd:create_incident(incident({ fields = cyclic })) end,
    INC_ATTRS .. "fields.self: table contains a cycle" },
  { "a table cycle (three levels)", function(dd) dd:create_incident(incident({ fields = cyclic2 })) end,
    INC_ATTRS .. "fields.a.b.back: table contains a cycle" },
  { "a list containing itself", function(dd)
      dd:create_incident(incident({ initial_cells = cyclic_list })) end,
    INC_ATTRS .. "initial_cells[1]: table contains a cycle" },
  { "nesting 200 deep", function(dd) dd:create_incident(incident({ fields = deep(200) })) end,
    "nesting deeper than 100 levels" },
  { "a list with holes", function(dd)
      dd:create_incident(incident({ initial_cells = { 1, nil, 3 } })) end,
    INC_ATTRS .. "initial_cells: array has holes (2 items, largest index 3)" },
  { "a table mixing list and keys", function(dd)
      dd:create_incident(incident({ fields = { 1, 2, x = 3 } })) end,
    INC_ATTRS .. "fields: table mixes array items and object keys" },
  { "a boolean key", function(dd) dd:create_incident(incident({ fields = { [true] = 1 } })) end,
    INC_ATTRS .. "fields: table has keys that are neither strings nor array indexes" },
  { "a fractional key", function(dd) dd:create_incident(incident({ fields = { [1.5] = 1 } })) end,
    INC_ATTRS .. "fields: table has keys that are neither strings nor array indexes" },
  { "a table key in a known object", function(dd)
      local b = og(); b.data.attributes[{}] = 1; dd:create_opsgenie_service(b) end,
    "datadog: CreateOpsgenieService: body.data.attributes: must be an object (got a table with non-string keys)" },

  -- ------------------------------------------------------------------ strings that are not UTF-8
  { "invalid UTF-8: lone continuation byte", function(dd)
      dd:create_opsgenie_service(og({ name = INVALID_UTF8.lone_continuation })) end,
    OG_ATTRS .. "name: is not valid UTF-8" },
  { "invalid UTF-8: overlong encoding", function(dd)
      dd:create_incident(incident({ title = INVALID_UTF8.overlong })) end,
    INC_ATTRS .. "title: is not valid UTF-8" },
  { "invalid UTF-8: surrogate", function(dd)
      dd:create_incident(incident({ title = INVALID_UTF8.surrogate })) end,
    INC_ATTRS .. "title: is not valid UTF-8" },
  { "invalid UTF-8: truncated sequence", function(dd)
      dd:create_incident(incident({ fields = { note = INVALID_UTF8.truncated } })) end,
    INC_ATTRS .. "fields.note: is not valid UTF-8" },
  { "invalid UTF-8: past U+10FFFF", function(dd)
      dd:create_pager_duty_integration_service({ service_name = INVALID_UTF8.past_max,
        service_key = "pd-key-0001" }) end,
    "datadog: CreatePagerDutyIntegrationService: body.service_name: is not valid UTF-8" },
  { "invalid UTF-8 in a key", function(dd)
      dd:create_incident(incident({ fields = { [INVALID_UTF8.ff] = 1 } })) end,
    INC_ATTRS .. "fields.\\xFF: key is not valid UTF-8" },
  { "CR LF in an enum value: echoed escaped, on one line", function(dd)
      dd:create_opsgenie_service(og({ region = "us\r\nX-Injected: 1" })) end,
    OG_ATTRS .. 'region: must be one of us, eu, custom (got "us\\r\\nX-Injected: 1")' },
  { "CR LF in a key: escaped in the path", function(dd)
      dd:create_incident(incident({ fields = { ["a\r\nb"] = 0 / 0 } })) end,
    INC_ATTRS .. "fields.a\\r\\nb: NaN and infinity cannot be sent as JSON" },
  { "a long enum value: cut, not echoed whole", function(dd)
      dd:create_opsgenie_service(og({ region = ("é"):rep(1000) })) end,
    OG_ATTRS .. 'region: must be one of us, eu, custom (got "' .. ("é"):rep(20) .. '...")' },

  -- ------------------------------------------------------------------ validate = false still refuses
  { "validate = false: a cycle", function()
      datadog.new(opts({ validate = false })):create_incident(incident({ fields = cyclic })) end,
    INC_ATTRS .. "fields.self: table contains a cycle" },
  { "validate = false: NaN", function()
      datadog.new(opts({ validate = false })):create_opsgenie_service(og({ extra = 0 / 0 })) end,
    OG_ATTRS .. "extra: NaN and infinity cannot be sent as JSON" },
  { "validate = false: invalid UTF-8", function()
      datadog.new(opts({ validate = false })):create_opsgenie_service(og({ name = "\xC3" })) end,
    OG_ATTRS .. "name: is not valid UTF-8" },
  { "validate = false: too deep", function()
      datadog.new(opts({ validate = false })):create_incident(incident({ fields = deep(150) })) end,
    "nesting deeper than 100 levels" },
  { "validate = false: holes", function()
      datadog.new(opts({ validate = false })):create_incident(incident({ fields = { [1] = 1, [5] = 5 } })) end,
    INC_ATTRS .. "fields: array has holes (2 items, largest index 5)" },

  -- ------------------------------------------------------------------ closed client
  { "a closed client", function()
      local dd = datadog.new(opts()); dd:close(); dd:list_opsgenie_services() end,
    "datadog: client is closed" },
  { "a closed client, through call", function()
      local dd = datadog.new(opts()); dd:close(); dd:call("ListOpsgenieServices") end,
    "datadog: client is closed" },
}

-- Two cases whose bodies are easier to build by removing a field.
for i, case in ipairs(CASES) do
  if case[1] == "required attribute missing" then
    CASES[i] = { case[1], function(dd)
      local b = og(); b.data.attributes.name = nil; dd:create_opsgenie_service(b) end,
      OG_ATTRS .. "name: required" }
  elseif case[1] == "channel field missing" then
    CASES[i] = { case[1], function(dd)
      local b = slack(); b.data.attributes.metadata.channels[1].redirect_url = nil
      dd:create_incident_integration("i", b) end,
      INTEG_ATTRS .. "metadata.channels[1].redirect_url: required" }
  end
end

describe("bad input", function()
  local dd

  setup(function()
    info = emu.start()
    emu.reset()
  end)
  before_each(function()
    emu.clear_requests()
    dd = datadog.new(opts())
  end)

  it("has at least 60 cases", function()
    R.figure("bad inputs (raise, nothing sent)", #CASES)
    assert.is_true(#CASES >= 60, #CASES .. " cases")
  end)

  for i, case in ipairs(CASES) do
    local name, fn, want = case[1], case[2], case[3]
    it(("%d. %s: raises and sends nothing"):format(i, name), function()
      local ok, err = pcall(fn, dd)
      assert.is_false(ok, "did not raise")
      -- a misuse error object (issue 24), whose text is the one line
      assert.is_true(datadog.is_error(err), "not an error object: " .. tostring(err))
      assert.equal("invalid", err.kind)
      assert.is_string(err.message)
      err = tostring(err)
      assert.truthy(err:find(want, 1, true),
        ("error text\n  got:  %s\n  want: %s"):format(err, want))
      -- one line, and no huge echo of the value
      assert.is_nil(err:find("[\r\n]"), "multi-line error: " .. err)
      assert.is_true(#err < 400, "error of " .. #err .. " bytes")
      assert.equal(0, #emu.requests(), "something was sent")
    end)
  end

  it("leaves the client usable after any of them", function()
    for _, case in ipairs(CASES) do pcall(case[2], dd) end
    assert.equal(0, #emu.requests())
    assert.is_table(dd:list_opsgenie_services())
    assert.equal(1, #emu.requests())
  end)
end)

describe("path parameters that look dangerous", function()
  setup(function() info = emu.start() end)

  -- value -> the path segment it must become
  local SEGMENTS = {
    ["../../v1/validate"] = "..%2F..%2Fv1%2Fvalidate",
    [".."] = "%2E%2E",
    ["."] = "%2E",
    ["..."] = "%2E%2E%2E",
    ["a/b"] = "a%2Fb",
    ["x\r\nX-Injected: 1"] = "x%0D%0AX-Injected%3A%201",
    ["nul\0byte"] = "nul%00byte",
    ["tab\there"] = "tab%09here",
    ["?q=1#frag"] = "%3Fq%3D1%23frag",
    ["%2F"] = "%252F",
    ["\xFF\xFE"] = "%FF%FE",
    ["é"] = "%C3%A9",
  }

  it("stay inside their segment, never reach a header, and prepare sends nothing", function()
    emu.clear_requests()
    local dd = datadog.new(opts())
    local base = info.base_url .. "/api/v1/integration/pagerduty/configuration/services/"
    local n = 0
    for _ in pairs(SEGMENTS) do n = n + 1 end
    R.figure("dangerous path parameters (encoded, nothing sent)", n + 1)
    for value, segment in pairs(SEGMENTS) do
      local req = dd:prepare("GetPagerDutyIntegrationService", { service_name = value })
      assert.equal(base .. segment, req.url)
      assert.is_nil(req.url:find("[%c ]"))
      for k, v in pairs(req.headers) do
        assert.is_nil(k:find("%c"))
        assert.is_nil(v:find("%c"))
      end
    end
    local req = dd:prepare("GetIncidentIntegration",
      { incident_id = "../..", integration_metadata_id = "a/../../b" })
    assert.equal(info.base_url .. "/api/v2/incidents/..%2F../relationships/integrations/a%2F..%2F..%2Fb",
      req.url)
    assert.equal(0, #emu.requests())
  end)

  it("long path parameters are encoded whole, not truncated; past 2048 bytes refused", function()
    local dd = datadog.new(opts())
    local req = dd:prepare("GetOpsgenieService", { integration_service_id = ("/"):rep(2048) })
    assert.equal(#info.base_url + #"/api/v2/integration/opsgenie/services/" + 3 * 2048, #req.url)
    assert.has_error(function()
      dd:prepare("GetOpsgenieService", { integration_service_id = ("/"):rep(100000) })
    end, "datadog: GetOpsgenieService: integration_service_id is too long (100000 bytes; at most 2048)")
  end)
end)

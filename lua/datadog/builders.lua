--- Builders for request bodies: incident integration metadata (Slack
-- channels, Jira issues, Microsoft Teams channels) and the create and patch
-- bodies whose wrapping (`data.type`, `data.id`) is always the same.
--
--    local body = datadog.incident_integration{
--      datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc-42",
--                             team_id = "T01234567" },
--    }
--    dd:create_incident_integration(incident_id, body)
--
-- Builders check their own arguments and raise, naming the builder and the
-- field. They do not replace validation: the body is still checked against
-- the operation's schema when it is sent. Fields a builder does not know are
-- copied through untouched (the API grows), unless they look like a typo of
-- a field it knows.
-- @submodule datadog

local util = require "datadog.util"
local core = require "datadog.core"

local _M = {}

-- ---------------------------------------------------------------- arguments

local function fail(builder, msg)
  util.raise("datadog." .. builder, msg)
end

-- What is wrong with key `k` when `known` lacks it and it is a near miss
-- of one of `names`, or nil: unknown keys pass (the API grows), typos not.
local function near_miss(k, known, names)
  if known[k] then return nil end
  local hint = util.suggest(k, names)
  return hint and ("unknown field '" .. k .. "'; did you mean '" .. hint .. "'?")
end

-- Checks `t` against a field list `{ {name, required, types}, ... }` (types:
-- the Lua types allowed, "string" when absent, e.g. "string|number") and
-- returns a shallow copy, or nil and what is wrong: a wrong type, a missing
-- or empty required value, or a key that is a near miss of a known field.
local function checked_copy(t, fields)
  if type(t) ~= "table" then
    return nil, "expects a table of fields (got " .. type(t) .. ")"
  end
  local known, names = {}, {}
  for _, f in ipairs(fields) do
    known[f[1]] = f
    names[#names + 1] = f[1]
  end
  local out = {}
  for k, v in pairs(t) do
    if type(k) ~= "string" then
      return nil, "field names must be strings (got " .. type(k) .. ")"
    end
    local typo = near_miss(k, known, names)
    if typo then
      return nil, typo
    elseif known[k] then
      local types = known[k][3] or "string"
      if not ("|" .. types .. "|"):find("|" .. type(v) .. "|", 1, true) then
        return nil, k .. " must be a " .. types:gsub("|", " or ") .. " (got " .. type(v) .. ")"
      end
    end
    out[k] = v
  end
  for _, f in ipairs(fields) do
    if f[2] and (out[f[1]] == nil or out[f[1]] == "") then
      return nil, f[1] .. " is required (a non-empty " .. (f[3] or "string"):gsub("|", " or ") .. ")"
    end
  end
  return out
end

-- A checked copy, or a raise naming the builder.
local function build(builder, t, fields)
  local out, err = checked_copy(t, fields)
  if not out then fail(builder, err) end
  return out
end

-- ---------------------------------------------------------------- metadata items

-- One entry per kind of integration metadata. `tag` marks what a builder
-- made, `key` is the metadata list it goes in, `type` the integration_type.
local KINDS = {
  slack = { label = "Slack channel", key = "channels", type = 1,
            builder = "slack_channel",
            fields = { { "channel_id", true }, { "channel_name", true },
                       { "redirect_url", false }, { "team_id", false } } },
  teams = { label = "Microsoft Teams channel", key = "teams", type = 7,
            builder = "teams_channel",
            fields = { { "ms_tenant_id", true }, { "ms_channel_id", true },
                       { "ms_channel_name", true }, { "redirect_url", true } } },
  jira = { label = "Jira issue", key = "issues", type = 8,
           builder = "jira_issue",
           fields = { { "account", true }, { "project_key", true },
                      { "issue_key", false }, { "issuetype_id", false },
                      { "redirect_url", false } } },
}
local BY_TYPE = {}
for name, k in pairs(KINDS) do
  k.name = name
  k.mt = { __name = "datadog." .. k.builder, kind = k }
  BY_TYPE[k.type] = k
end
_M.KINDS = KINDS

--- The Slack link that opens a channel:
-- `https://slack.com/app_redirect?channel=CHANNEL_ID&team=TEAM_ID` (without
-- `team_id`, only the channel), values percent-encoded.
-- @tparam string channel_id
-- @tparam[opt] string team_id
-- @treturn string
function _M.slack_redirect_url(channel_id, team_id)
  local url = "https://slack.com/app_redirect?channel=" .. util.percent_encode(channel_id)
  if team_id and team_id ~= "" then
    url = url .. "&team=" .. util.percent_encode(team_id)
  end
  return url
end

--- A Slack channel for incident integration metadata.
-- `channel_id` and `channel_name` are required; `team_id` is optional;
-- `redirect_url`, when omitted, is made from the channel and team ids (see
-- `slack_redirect_url`).
-- @tparam table t `{channel_id=, channel_name=, team_id=, redirect_url=}`
-- @treturn table a Slack channel
-- @usage datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc-42", team_id = "T01234567" }
function _M.slack_channel(t)
  local c = build("slack_channel", t, KINDS.slack.fields)
  if c.redirect_url == nil then
    c.redirect_url = _M.slack_redirect_url(c.channel_id, c.team_id)
  end
  return setmetatable(c, KINDS.slack.mt)
end

--- A Jira issue for incident integration metadata.
-- `account` (the Jira account's URL) and `project_key` are required;
-- `issue_key`, `issuetype_id` and `redirect_url` are optional.
-- @tparam table t `{account=, project_key=, issue_key=, issuetype_id=, redirect_url=}`
-- @treturn table a Jira issue
-- @usage datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC" }
function _M.jira_issue(t)
  return setmetatable(build("jira_issue", t, KINDS.jira.fields), KINDS.jira.mt)
end

--- A Microsoft Teams channel for incident integration metadata.
-- Every field is required: Teams links need a group id the API does not
-- carry, so `redirect_url` cannot be made up safely.
-- @tparam table t `{ms_tenant_id=, ms_channel_id=, ms_channel_name=, redirect_url=}`
-- @treturn table a Teams channel
function _M.teams_channel(t)
  return setmetatable(build("teams_channel", t, KINDS.teams.fields), KINDS.teams.mt)
end

-- The kind of a metadata item: by the builder that made it, else by its keys.
local function kind_of(item)
  local mt = getmetatable(item)
  if type(mt) == "table" and type(mt.kind) == "table" and KINDS[mt.kind.name] == mt.kind then
    return mt.kind, true
  end
  if item.channel_id ~= nil then return KINDS.slack end
  if item.ms_channel_id ~= nil or item.ms_tenant_id ~= nil then return KINDS.teams end
  if item.account ~= nil or item.project_key ~= nil then return KINDS.jira end
  return nil
end

--- The body of CreateIncidentIntegration and UpdateIncidentIntegration.
-- Its list part holds Slack channels, Jira issues or Teams channels (made
-- by the builders above, or plain tables with their fields, which go
-- through the same builder); `integration_type` is set from their kind (1
-- Slack, 7 Teams, 8 Jira). Mixing kinds in one body is an error. Other
-- fields (`incident_id`, `status`, ...) become attributes as given. To send
-- an empty list, give `integration_type` and no items. A single item may be
-- passed instead of a list.
-- @tparam table spec `{ item, ..., incident_id=, status=, integration_type= }`
-- @treturn table `{data = {type = "incident_integrations", attributes = {...}}}`
-- @usage datadog.incident_integration{ datadog.jira_issue{ account = url, project_key = "INC" }, status = 2 }
function _M.incident_integration(spec)
  local B = "incident_integration"
  if type(spec) ~= "table" then
    fail(B, "expects a list of Slack channels, Jira issues or Teams channels (got "
      .. type(spec) .. ")")
  end
  local k0, tagged = kind_of(spec)
  if tagged or (k0 and #spec == 0) then spec = { spec } end
  if spec.metadata ~= nil then
    fail(B, "give the channels or issues as list items, not as metadata")
  end
  local kind, first
  local items = {}
  local n = #spec
  for i = 1, n do
    local item = spec[i]
    if type(item) ~= "table" then
      fail(B, "item " .. i .. " must be a table (got " .. type(item) .. ")")
    end
    local k = kind_of(item)
    if not k then
      fail(B, "item " .. i .. " is not a Slack channel, Jira issue or Teams channel "
        .. "(make it with datadog.slack_channel, datadog.jira_issue or datadog.teams_channel)")
    end
    if kind and k ~= kind then
      fail(B, "item " .. i .. " is a " .. k.label .. " but item " .. first .. " is a "
        .. kind.label .. ": one body holds one kind of metadata")
    end
    kind, first = k, first or i
    -- plain tables get the same checks (and Slack redirect_url) as built ones
    local built, err = checked_copy(item, k.fields)
    if not built then fail(B, "item " .. i .. " (" .. k.label .. "): " .. err) end
    if k == KINDS.slack and built.redirect_url == nil then
      built.redirect_url = _M.slack_redirect_url(built.channel_id, built.team_id)
    end
    items[i] = built
  end
  local attributes = {}
  for key, v in pairs(spec) do
    if not util.is_index(key) or key > n then
      if type(key) ~= "string" then
        fail(B, "has a key that is neither a list index nor a name (" .. tostring(key) .. ")")
      end
      attributes[key] = v
    end
  end
  local given = attributes.integration_type
  if given ~= nil then
    if kind and given ~= kind.type then
      fail(B, "integration_type " .. tostring(given) .. " does not match the items ("
        .. kind.label .. ", integration_type " .. kind.type .. ")")
    end
    if not kind then
      kind = BY_TYPE[given]
      if not kind then
        fail(B, "integration_type must be 1 (Slack), 7 (Microsoft Teams) or 8 (Jira) (got "
          .. tostring(given) .. ")")
      end
    end
  elseif not kind then
    fail(B, "needs at least one Slack channel, Jira issue or Teams channel "
      .. "(or integration_type, to send an empty list)")
  end
  attributes.integration_type = kind.type
  attributes.metadata = { [kind.key] = setmetatable(items, core.array_mt) }
  return { data = { type = "incident_integrations", attributes = attributes } }
end

-- ---------------------------------------------------------------- create and patch bodies

-- The names of `data.attributes` in an operation's body schema (the one
-- the client checks), as a set and a list; once per operation.
local ATTRIBUTES = {}
local function schema_attributes(op_id)
  if not ATTRIBUTES[op_id] then
    local function field(schema, name)
      for _, f in ipairs(schema and schema.fields or {}) do
        if f.name == name then return f.schema end
      end
    end
    local known, names = {}, {}
    local attrs = field(field(core.schema(op_id), "data"), "attributes")
    for _, f in ipairs(attrs and attrs.fields or {}) do
      known[f.name] = true
      names[#names + 1] = f.name
    end
    ATTRIBUTES[op_id] = { known, names }
  end
  return ATTRIBUTES[op_id][1], ATTRIBUTES[op_id][2]
end

-- A copy of `attrs`, refusing a key that is a typo of an attribute the
-- operation's schema knows (the schema itself lets unknown keys through).
local function attributes_of(builder, op_id, attrs)
  if attrs == nil then return {} end
  if type(attrs) ~= "table" then
    fail(builder, "attributes must be a table (got " .. type(attrs) .. ")")
  end
  local known, names = schema_attributes(op_id)
  local out = {}
  for k, v in pairs(attrs) do
    local typo = type(k) == "string" and near_miss(k, known, names)
    if typo then fail(builder, typo) end
    out[k] = v
  end
  return out
end

local function id_of(builder, id)
  if type(id) ~= "string" or id == "" then
    fail(builder, "id must be a non-empty string (got " .. (id == "" and "an empty string" or type(id)) .. ")")
  end
  return id
end

local function create_body(builder, op_id, type_name, attrs)
  return { data = { type = type_name, attributes = attributes_of(builder, op_id, attrs) } }
end

local function patch_body(builder, op_id, type_name, id, attrs)
  return { data = { id = id_of(builder, id), type = type_name,
                    attributes = attributes_of(builder, op_id, attrs) } }
end

--- Body of CreateIncident: `{data = {type = "incidents", attributes = attrs}}`.
-- @tparam table attrs `{title=, customer_impacted=, ...}`
-- @treturn table
function _M.incident(attrs)
  return create_body("incident", "CreateIncident", "incidents", attrs)
end

--- Body of UpdateIncident, with `data.id` and `data.type` filled in.
-- @tparam string id the incident's id
-- @tparam[opt] table attrs the attributes to change
-- @treturn table
function _M.incident_patch(id, attrs)
  return patch_body("incident_patch", "UpdateIncident", "incidents", id, attrs)
end

--- Body of CreateIncidentType: `{data = {type = "incident_types", attributes = attrs}}`.
-- @tparam table attrs `{name=, description=, prefix=, is_default=, configuration=}`
-- @treturn table
function _M.incident_type(attrs)
  return create_body("incident_type", "CreateIncidentType", "incident_types", attrs)
end

--- Body of UpdateIncidentType, with `data.id` and `data.type` filled in.
-- @tparam string id the incident type's id
-- @tparam table attrs the attributes to change, e.g. `{name = "Outage"}`
-- @treturn table
function _M.incident_type_patch(id, attrs)
  return patch_body("incident_type_patch", "UpdateIncidentType", "incident_types", id, attrs)
end

--- Body of CreateOpsgenieService: `{data = {type = "opsgenie-service", attributes = attrs}}`.
-- @tparam table attrs `{name=, opsgenie_api_key=, region=, custom_url=}`
-- @treturn table
function _M.opsgenie_service(attrs)
  return create_body("opsgenie_service", "CreateOpsgenieService", "opsgenie-service", attrs)
end

--- Body of UpdateOpsgenieService, with `data.id` and `data.type` filled in.
-- @tparam string id the service's id
-- @tparam table attrs the attributes to change, e.g. `{opsgenie_api_key = key}`
-- @treturn table
function _M.opsgenie_service_patch(id, attrs)
  return patch_body("opsgenie_service_patch", "UpdateOpsgenieService", "opsgenie-service", id, attrs)
end

--- Body of CreatePagerDutyIntegrationService: `{service_name=, service_key=}`
-- (the v1 API has no `data` wrapper).
-- @tparam table t `{service_name=, service_key=}`
-- @treturn table
function _M.pagerduty_service(t)
  return build("pagerduty_service", t, { { "service_name", true }, { "service_key", true } })
end

--- Body of UpdatePagerDutyIntegrationService: `{service_key = key}`. The
-- service is named by the call's path parameter, not in the body.
-- @tparam string|table key the new service key, or `{service_key = key}`
-- @treturn table
function _M.pagerduty_service_patch(key)
  if type(key) == "string" then key = { service_key = key } end
  return build("pagerduty_service_patch", key, { { "service_key", true } })
end

-- ---------------------------------------------------------------- incident resources

local DAYS = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

-- True when s is an RFC 3339 date-time (section 5.6): 2026-03-01T12:00:00Z,
-- with optional fractions of a second and a numeric offset in place of Z.
local function is_rfc3339(s)
  local y, mo, d, h, mi, sec, rest = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)[Tt](%d%d):(%d%d):(%d%d)(.*)$")
  if not y then return false end
  rest = rest:gsub("^%.%d+", "")
  local oh, om = rest:match("^[+-](%d%d):(%d%d)$")
  if not (rest == "Z" or rest == "z" or oh) then return false end
  y, mo, d, h, mi, sec = tonumber(y), tonumber(mo), tonumber(d), tonumber(h), tonumber(mi), tonumber(sec)
  if mo < 1 or mo > 12 or d < 1 or d > DAYS[mo] or h > 23 or mi > 59 or sec > 60 then return false end
  if mo == 2 and d == 29 and not (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then return false end
  return not oh or (tonumber(oh) <= 23 and tonumber(om) <= 59)
end
_M.is_rfc3339 = is_rfc3339

-- A time as the API takes it: an RFC 3339 string, checked, or Unix seconds
-- made into one (UTC). Raises naming the builder and the field otherwise.
local function rfc3339(builder, field, v)
  if type(v) == "number" then return os.date("!%Y-%m-%dT%H:%M:%SZ", math.floor(v)) end
  if type(v) == "string" and not is_rfc3339(v) then
    local shown = string.format("%q", #v > 40 and v:sub(1, 40) .. "..." or v):gsub("\\\n", "\\n")
    fail(builder, field .. " must be an RFC 3339 time such as 2026-03-01T12:00:00Z, or Unix "
      .. "seconds (got " .. shown .. ")")
  end
  return v
end

--- Body of CreateIncidentTodo and UpdateIncidentTodo. `assignees` is a
-- list of handles (`"@alice"`) or anonymous assignees
-- (`{id=, name=, icon=, source=}`), or one handle; none sends `[]`.
-- @tparam table t `{content=, assignees=, due_date=, completed=}`
-- @treturn table
function _M.incident_todo(t)
  local attrs = build("incident_todo", t, { { "content", true }, { "assignees", false, "string|table" },
    { "due_date", false, "string|number" }, { "completed", false, "string|number" },
    { "incident_id", false } })
  local a = attrs.assignees
  if type(a) == "string" then a = { a } end
  attrs.assignees = setmetatable(a or {}, core.array_mt)
  attrs.due_date = rfc3339("incident_todo", "due_date", attrs.due_date)
  attrs.completed = rfc3339("incident_todo", "completed", attrs.completed)
  return { data = { type = "incident_todos", attributes = attrs } }
end

--- Body of CreateIncidentResponder: the user to add, by id.
-- @tparam string|table user the user's id, or `{user_id=}`
-- @treturn table
function _M.incident_responder(user)
  if type(user) == "string" then user = { user_id = user } end
  local t = build("incident_responder", user, { { "user_id", true } })
  return { data = { type = "incident_responders",
    relationships = { user = { data = { id = t.user_id, type = "users" } } } } }
end

--- Body of CreateIncidentAttachment: a link (the default) or a postmortem
-- document. With `id`, the body of UpdateIncidentAttachment instead:
-- `data.id` set, url and title each optional, no attachment_type.
-- @tparam table t `{url=, title=, attachment_type="link"|"postmortem"}` or `{id=, url=, title=}`
-- @treturn table
function _M.incident_attachment(t)
  local patch = type(t) == "table" and t.id ~= nil
  local a = build("incident_attachment", t, { { "url", not patch }, { "title", not patch },
    { "attachment_type", false }, { "id", false } })
  local attrs = { attachment = { documentUrl = a.url, title = a.title } }
  if patch then
    if a.attachment_type then
      fail("incident_attachment", "attachment_type cannot change (an update, with id)")
    end
    return { data = { id = id_of("incident_attachment", a.id), type = "incident_attachments",
      attributes = attrs } }
  end
  attrs.attachment_type = a.attachment_type or "link"
  if attrs.attachment_type ~= "link" and attrs.attachment_type ~= "postmortem" then
    fail("incident_attachment", "attachment_type must be \"link\" or \"postmortem\" (got \""
      .. attrs.attachment_type .. "\")")
  end
  return { data = { type = "incident_attachments", attributes = attrs } }
end

--- Body of CreateIncidentImpact. Times are RFC 3339 strings or Unix seconds.
-- @tparam table t `{description=, start_at=, end_at=, fields=}`
-- @treturn table
function _M.incident_impact(t)
  local attrs = build("incident_impact", t, { { "description", true }, { "start_at", true, "string|number" },
    { "end_at", false, "string|number" }, { "fields", false, "table" } })
  attrs.start_at = rfc3339("incident_impact", "start_at", attrs.start_at)
  attrs.end_at = rfc3339("incident_impact", "end_at", attrs.end_at)
  return { data = { type = "incident_impacts", attributes = attrs } }
end

-- What help() says about each builder: name, arguments, one line.
_M.DOCS = {
  { "slack_channel", "{channel_id=, channel_name=, team_id=, redirect_url=}",
    "a Slack channel; redirect_url made from the ids when omitted" },
  { "jira_issue", "{account=, project_key=, issue_key=, issuetype_id=, redirect_url=}",
    "a Jira issue" },
  { "teams_channel", "{ms_tenant_id=, ms_channel_id=, ms_channel_name=, redirect_url=}",
    "a Microsoft Teams channel" },
  { "incident_integration", "{item, ..., incident_id=, status=}",
    "Create/UpdateIncidentIntegration body; integration_type from the items" },
  { "incident", "(attrs)", "CreateIncident body" },
  { "incident_patch", "(id, attrs)", "UpdateIncident body" },
  { "incident_type", "(attrs)", "CreateIncidentType body" },
  { "incident_type_patch", "(id, attrs)", "UpdateIncidentType body" },
  { "opsgenie_service", "(attrs)", "CreateOpsgenieService body" },
  { "opsgenie_service_patch", "(id, attrs)", "UpdateOpsgenieService body" },
  { "pagerduty_service", "{service_name=, service_key=}", "CreatePagerDutyIntegrationService body" },
  { "pagerduty_service_patch", "(service_key)", "UpdatePagerDutyIntegrationService body" },
  { "incident_todo", "{content=, assignees=, due_date=, completed=}", "Create/UpdateIncidentTodo body" },
  { "incident_responder", "(user_id)", "CreateIncidentResponder body" },
  { "incident_attachment", "{url=, title=, attachment_type=} | {id=, ...}",
    "Create/UpdateIncidentAttachment body" },
  { "incident_impact", "{description=, start_at=, end_at=, fields=}", "CreateIncidentImpact body" },
}

return _M

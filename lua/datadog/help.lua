--- Help at the REPL: what an operation takes, the shape of its body and an
-- example, from the operation table and the body schemas of the C core (so
-- it cannot drift from what the client checks).
-- @submodule datadog

local core = require "datadog.core"
local util = require "datadog.util"
local builders = require "datadog.builders"
local pretty = require "datadog.pretty"

local _M = {}

-- ---------------------------------------------------------------- examples

-- Per operation: `body`, a Lua expression for an example body (made with the
-- builders where there is one), and `query`, an example options table. Path
-- parameters and free names in these expressions stand for values the
-- caller has (incident_id, key, ...). The specs check every example body
-- against the operation's schema.
local EXAMPLES = {
  CreateIncidentIntegration = { body = [[
datadog.incident_integration{
  datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#incident-42",
                         team_id = "T01234567" },
}]] },
  UpdateIncidentIntegration = { body = [[
datadog.incident_integration{
  datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC",
                      issue_key = "INC-42" },
}]] },
  ListIncidentTypes = { query = "{ include_deleted = true }" },
  CreateIncidentType = { body = [[
datadog.incident_type{ name = "Security Incident", prefix = "SEC",
                       description = "Any incident that exposes customer data" }]] },
  UpdateIncidentType = { body = [[
datadog.incident_type_patch(incident_type_id, { name = "Security incident" })]] },
  CreateOpsgenieService = { body = [[
datadog.opsgenie_service{ name = "payments", opsgenie_api_key = key, region = "us" }]] },
  UpdateOpsgenieService = { body = [[
datadog.opsgenie_service_patch(integration_service_id, { opsgenie_api_key = new_key })]] },
  CreatePagerDutyIntegrationService = { body = [[
datadog.pagerduty_service{ service_name = "payments", service_key = key }]] },
  UpdatePagerDutyIntegrationService = { body = [[
datadog.pagerduty_service_patch(new_key)]] },
  ListIncidents = { query = "{ include = \"users\", page_size = 25, page_offset = 0 }" },
  CreateIncident = { body = [[
datadog.incident{ title = "Checkout latency above SLO", customer_impacted = true,
                  customer_impact_scope = "Some checkouts take over 5 s" }]] },
  GetIncident = { query = "{ include = \"users\" }" },
  UpdateIncident = { body = [[
datadog.incident_patch(incident_id, { title = "Checkout latency (mitigated)" })]] },
  CreateIncidentTodo = { body = [[
datadog.incident_todo{ content = "Write the postmortem", assignees = { "@alice" },
                       due_date = "2026-03-01T12:00:00Z" }]] },
  UpdateIncidentTodo = { body = [[
datadog.incident_todo{ content = "Write the postmortem", completed = os.time() }]] },
  CreateIncidentResponder = { body = [[
datadog.incident_responder(user_id)]] },
  CreateIncidentAttachment = { body = [[
datadog.incident_attachment{ url = "https://app.datadoghq.com/notebook/123",
                             title = "Timeline notebook" }]] },
  UpdateIncidentAttachment = { body = [[
datadog.incident_attachment{ id = attachment_id, title = "Postmortem (final)" }]] },
  CreateIncidentImpact = { body = [[
datadog.incident_impact{ description = "Checkout failed for EU customers",
                         start_at = "2026-02-01T10:00:00Z", end_at = os.time() }]] },
}
_M.EXAMPLES = EXAMPLES

-- ---------------------------------------------------------------- made examples

-- A small value that the schema s accepts: an object's required fields
-- only, an enum's first value, a list's one item, a union's first shape.
local function minimal(s, name)
  local k = s.kind
  if k == "object" then
    local t = {}
    for _, f in ipairs(s.fields or {}) do
      if f.required then t[f.name] = minimal(f.schema, f.name) end
    end
    return t
  elseif k == "array" then
    return s.items.kind == "any" and {} or { minimal(s.items, name) }
  elseif k == "oneof" or k == "union" then
    return minimal(s.oneof[1], name)
  elseif k == "string" then
    if s.enum then return s.enum[1] end
    if s.name:find("date-time", 1, true) then return "2026-01-01T00:00:00Z" end
    if s.name:find("uuid", 1, true) then return "00000000-0000-0000-0000-000000000000" end
    local v = "<" .. name .. ">"
    if s.max and s.max > 0 and #v > s.max then v = v:sub(1, s.max) end
    return v .. string.rep("x", (s.min or 0) - #v)
  elseif k == "integer" then
    return math.max(s.min, math.min(s.max, 1))
  elseif k == "number" then
    return 1
  elseif k == "boolean" then
    return true
  end
  return {} -- map, any
end

local KEYWORDS = {}
for w in ("and break do else elseif end false for function goto if in local nil not or "
    .. "repeat return then true until while"):gmatch("%a+") do KEYWORDS[w] = true end

local function is_name(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") and not KEYWORDS[k]
end

-- Lua source for a plain value (strings, numbers, booleans, tables), keys
-- sorted.
local function literal(v, indent)
  if type(v) ~= "table" then return string.format("%q", v) end
  if next(v) == nil then return "{}" end
  local inner, items = indent .. "  ", {}
  if #v > 0 then
    for _, x in ipairs(v) do items[#items + 1] = inner .. literal(x, inner) end
  else
    for _, key in ipairs(util.sorted_keys(v)) do
      local left = is_name(key) and key or "[" .. string.format("%q", key) .. "]"
      items[#items + 1] = inner .. left .. " = " .. literal(v[key], inner)
    end
  end
  return "{\n" .. table.concat(items, ",\n") .. ",\n" .. indent .. "}"
end

-- An operation's example: the hand-written one, or one made from its
-- schema and its required query parameters.
local made = {}
local function example(id)
  if EXAMPLES[id] then return EXAMPLES[id] end
  if made[id] == nil then
    local op
    for _, o in ipairs(core.operations()) do
      if o.id == id then op = o end
    end
    local ex = {}
    if not op then return ex end
    if op.body then ex.body = literal(minimal(core.schema(id), "value"), "") end
    local q = {}
    for _, p in ipairs(op.query_params) do
      if p.required then
        q[#q + 1] = p.name .. " = " .. string.format("%q", p.enum and p.enum[1] or "<" .. p.name .. ">")
      end
    end
    if #q > 0 then ex.query = "{ " .. table.concat(q, ", ") .. " }" end
    made[id] = ex
  end
  return made[id]
end
_M.example = example

-- Evaluates an operation's example body: free names become `"<name>"`.
-- Returns nil for an operation without a body.
function _M.example_body(id)
  local ex = example(id)
  if not ex.body then return nil end
  local datadog = require "datadog"
  local env = setmetatable({ datadog = datadog, os = os }, {
    __index = function(_, name) return "<" .. name .. ">" end })
  local chunk
  if setfenv then -- Lua 5.1 (its load takes no string; LuaJIT's takes no env)
    chunk = assert(loadstring("return " .. ex.body, "=example " .. id))
    setfenv(chunk, env)
  else
    chunk = assert(load("return " .. ex.body, "=example " .. id, "t", env))
  end
  return chunk()
end

-- ---------------------------------------------------------------- lookup

-- Names compare without case, "_" or "-": GetIncident, get_incident,
-- get-incident and getincident are one name.
local function squash(name)
  return (name:lower():gsub("[_%-]", ""))
end

-- Finds an operation or builder by a name as a user may type it: an id,
-- `v2.` + id, a method name, a command-line spelling
-- (`update-incident-integration`), a builder name, with or without
-- `datadog.` in front; case, `_` and `-` do not matter. Returns the
-- operation (as in datadog.operations()), or nil and a builder's {name,
-- args, doc}, or nil, nil and the closest known name (for "did you mean").
function _M.find(name)
  local list = core.operations()
  local n = squash((name:gsub("^datadog[.:]", ""):gsub("^dd[.:]", ""):gsub("^v[12]%.", "")))
  -- candidates compared as squashed names; a hint is given back in the
  -- spelling that was typed: an id for an id (GetIncidnt -> GetIncident),
  -- kebab case for kebab case, else a method or builder name
  local cands, by = {}, {}
  local paginated = require("datadog.paginate").PAGINATED
  local camel = not name:find("[_%-]") and name:find("^%u") ~= nil
  for _, op in ipairs(list) do
    if squash(op.id) == n then return op end
    -- an iterator's name gives its operation's help (which shows the items)
    if paginated[op.id] and squash(op.id) .. "withpagination" == n then return op end
    cands[#cands + 1] = squash(op.id)
    by[squash(op.id)] = camel and op.id or op.method
  end
  for _, d in ipairs(builders.DOCS) do
    if squash(d[1]) == n then return nil, d end
    if not by[squash(d[1])] then
      cands[#cands + 1] = squash(d[1])
      by[squash(d[1])] = d[1]
    end
  end
  local hint = util.suggest(n, cands)
  hint = hint and by[hint]
  if hint and name:find("-", 1, true) then hint = hint:gsub("_", "-") end
  return nil, nil, hint
end

local function lookup(name)
  local op, b, hint = _M.find(name)
  if op or b then return op, b end
  util.raise("datadog.help", "no operation or builder '" .. name .. "'"
    .. (hint and ("; did you mean '" .. hint .. "'?") or "") .. " (datadog.help() lists them)")
end

-- ---------------------------------------------------------------- rendering

local function label(s)
  if s.kind == "oneof" then return "one of:" end
  if s.kind == "array" and s.items and s.items.kind == "any" then return "array" end
  return s.name
end

-- The object schema inside a list or map, if it holds one.
local function element(s)
  if (s.kind == "array" or s.kind == "map") and s.items then return s.items end
  return s
end

-- Rows {left, right} for the fields of an object schema.
local function schema_rows(s, indent, rows)
  for _, f in ipairs(s.fields or {}) do
    local right = label(f.schema)
    if f.nullable then right = right .. " or null" end
    if f.doc and not right:find(f.doc, 1, true) then
      right = right .. "  -- " .. f.doc
    end
    rows[#rows + 1] = { indent .. f.name .. (f.required and "*" or ""), right }
    local sub = element(f.schema)
    if sub.kind == "object" then
      schema_rows(sub, indent .. "  ", rows)
    elseif sub.kind == "oneof" or sub.kind == "union" then
      for _, alt in ipairs(sub.oneof) do
        if alt.fields then
          rows[#rows + 1] = { indent .. "  " .. alt.name, "" }
          schema_rows(alt, indent .. "    ", rows)
        end
      end
    end
  end
  return rows
end

local function columns(rows, prefix)
  local width = 0
  for _, r in ipairs(rows) do
    if r[2] ~= "" and #r[1] > width then width = #r[1] end
  end
  width = math.min(width, 44)
  local out = {}
  for _, r in ipairs(rows) do
    if r[2] == "" then
      out[#out + 1] = prefix .. r[1]
    else
      out[#out + 1] = prefix .. r[1] .. string.rep(" ", math.max(1, width - #r[1] + 2)) .. r[2]
    end
  end
  return table.concat(out, "\n")
end

-- ---------------------------------------------------------------- responses

-- The response models (responses_gen.lua, written by the generator): loaded
-- on the first text that shows a response, never by `require "datadog"`.
local function responses()
  return require "datadog.responses_gen"
end

-- The model, union or enum a TypeScript type names, as "v2.Name", or nil.
local function named(v, t)
  local key = v .. "." .. t
  local r = responses()
  if r.models[key] or r.unions[key] or r.enums[key] then return key end
end

-- A one-line label of a field's type: what the value is in the decoded answer.
local function type_label(v, t, format)
  local inner = t:match("^Array<(.+)>$")
  if inner then return "array of " .. type_label(v, inner, "") end
  inner = t:match("^{ %[key: string%]: (.+); }$")
  if inner then return inner == "any" and "object" or "map of " .. type_label(v, inner, "") end
  if t == "Date" then return "string (date-time)" end
  if t == "number" then
    if format == "int64" or format == "int32" then return "integer" end
    return "number"
  end
  if t == "string" then return format ~= "" and "string (" .. format .. ")" or "string" end
  local key = named(v, t)
  local r = responses()
  if key and r.enums[key] then
    local vals = {}
    for i, x in ipairs(r.enums[key]) do vals[i] = type(x) == "string" and '"' .. x .. '"' or tostring(x) end
    return table.concat(vals, " | ")
  end
  if key and r.unions[key] then return "one of: " .. table.concat(r.unions[key], " | ") end
  return t
end

-- The model name inside a type (the items of a list, the values of a map), or nil.
local function model_of(v, t)
  local inner = t:match("^Array<(.+)>$") or t:match("^{ %[key: string%]: (.+); }$")
  if inner then return model_of(v, inner) end
  local key = named(v, t)
  return key and (responses().models[key] or responses().unions[key]) and key or nil
end

-- Rows {left, right} for a response model's fields, nested models expanded
-- below their field down to `depth` levels, each model once per text (later
-- uses say where it is).
local function response_rows(key, indent, depth, seen, rows)
  local r = responses()
  local v = key:match("^(v%d)%.")
  if r.unions[key] then
    for _, alt in ipairs(r.unions[key]) do
      local akey = named(v, alt)
      rows[#rows + 1] = { indent .. alt, "" }
      if akey and r.models[akey] and not seen[akey] and depth > 0 then
        seen[akey] = true
        response_rows(akey, indent .. "  ", depth - 1, seen, rows)
      end
    end
    return rows
  end
  for _, f in ipairs(r.models[key] or {}) do
    local name, t, format, required, doc = f[1], f[2], f[3], f[4], f[5]
    local right = type_label(v, t, format)
    if doc ~= "" and not right:find(doc, 1, true) then right = right .. "  -- " .. doc end
    rows[#rows + 1] = { indent .. name .. (required and "*" or ""), right }
    local sub = model_of(v, t)
    if sub and depth > 0 then
      if seen[sub] then
        if r.models[sub] then rows[#rows][2] = rows[#rows][2] .. " (fields above)" end
      else
        seen[sub] = true
        response_rows(sub, indent .. "  ", depth - 1, seen, rows)
      end
    end
  end
  return rows
end

-- The item model of a paginated operation: the list at its items path in
-- the response model. Returns "v2.Model" and the path as text, or nil.
local function page_item(op_id)
  local path = require("datadog.paginate").PAGINATED[op_id]
  local key = path and responses().operations[op_id]
  if not key then return nil end
  local v = key:match("^(v%d)%.")
  local t
  for i, name in ipairs(path) do
    local found
    for _, f in ipairs(responses().models[key] or {}) do
      if f[1] == name then found = f[2] end
    end
    if not found then return nil end
    t = found
    if i < #path then
      key = model_of(v, t)
      if not key then return nil end
    end
  end
  local item = t:match("^Array<(.+)>$")
  return item and named(v, item), table.concat(path, ".")
end
_M.page_item = page_item

-- The "Response" part of an operation's help: its model and fields, and the
-- shape of each item its paginated iterator yields.
local function response_text(op, add)
  local key = responses().operations[op.id]
  add("")
  if not key then
    add("Response: none; a success returns true  (-> " .. op.success .. ")")
    return
  end
  add("Response: " .. key:gsub("^v%d%.", "") .. "  (-> " .. op.success .. "; * always present)")
  add(columns(response_rows(key, "", 3, { [key] = true }, {}), "  "))
  local item, where = page_item(op.id)
  if item then
    add("")
    add("Each item of dd:" .. op.method .. "_with_pagination(...): " .. item:gsub("^v%d%.", "")
      .. "  (" .. where .. "[i] of each page)")
    add(columns(response_rows(item, "", 1, { [item] = true }, {}), "  "))
  end
end

local function kebab(name)
  return "--" .. name:gsub("_", "-")
end

local function operation_text(op)
  local lines = {}
  local function add(s) lines[#lines + 1] = s end
  local ex = example(op.id)
  add(op.id .. (op.beta and " (beta)" or "") .. ": " .. op.summary)
  add("")
  add("  " .. op.http_method .. " " .. op.path .. "  -> " .. op.success)
  local args = {}
  for _, p in ipairs(op.path_params) do args[#args + 1] = p end
  if op.body then args[#args + 1] = "body" end
  if #op.query_params > 0 then
    local required = false
    for _, q in ipairs(op.query_params) do required = required or q.required end
    args[#args + 1] = required and "opts" or "[opts]"
  end
  add("  dd:" .. op.method .. "(" .. table.concat(args, ", ") .. ")")
  local params = {}
  for _, p in ipairs(op.path_params) do params[#params + 1] = p .. " = ..." end
  if op.body then params[#params + 1] = "body = ..." end
  for _, q in ipairs(op.query_params) do
    params[#params + 1] = q.required and q.name .. " = ..." or "[" .. q.name .. " = ...]"
  end
  add("  dd:call(\"" .. op.id .. "\"" .. (#params > 0 and ", { " .. table.concat(params, ", ") .. " }" or "") .. ")")
  local cli = { "  datadog-lua " .. op.id }
  for _, p in ipairs(op.path_params) do cli[#cli + 1] = kebab(p) .. " " .. p:upper() end
  for _, q in ipairs(op.query_params) do
    local flag = kebab(q.name) .. (q.type == "boolean" and "" or " VALUE")
    cli[#cli + 1] = q.required and flag or "[" .. flag .. "]"
  end
  if op.body then cli[#cli + 1] = "--body FILE.json" end
  add(table.concat(cli, " "))
  if op.beta then
    add("  beta: enable with datadog.new{ unstable = { \"" .. op.id .. "\" } } (or unstable = true);"
      .. " datadog-lua enables it itself")
  end

  if #op.path_params + #op.query_params > 0 then
    add("")
    add("Parameters")
    local rows = {}
    for _, p in ipairs(op.path_params) do
      rows[#rows + 1] = { p, "string, required (path)" }
    end
    for _, q in ipairs(op.query_params) do
      rows[#rows + 1] = { q.name, "query " .. q.wire .. (q.required and ", required" or "") .. ": " .. q.doc }
    end
    add(columns(rows, "  "))
  end

  local schema = op.body and core.schema(op.id)
  if schema then
    add("")
    add("Body: " .. schema.name .. "  (* required; other fields pass through)")
    add(columns(schema_rows(schema, "", {}), "  "))
  end

  response_text(op, add)

  add("")
  add("Example")
  local call_args = {}
  for _, p in ipairs(op.path_params) do call_args[#call_args + 1] = p end
  if ex.body then
    add("  local body = " .. ex.body:gsub("\n", "\n  "))
    call_args[#call_args + 1] = "body"
  elseif op.body then
    call_args[#call_args + 1] = "body"
  end
  if ex.query then call_args[#call_args + 1] = ex.query end
  local call = "dd:" .. op.method
  if #call_args == 1 and ex.query and not op.body and #op.path_params == 0 then
    call = call .. ex.query
  else
    call = call .. "(" .. table.concat(call_args, ", ") .. ")"
  end
  add("  local res, err = " .. call)
  add("  if not res then print(err) else datadog.pretty(res) end")
  local body = _M.example_body(op.id)
  if body then
    add("")
    add("  -- the body it sends:")
    add("  " .. pretty.pretty(body, { print = false }):gsub("\n", "\n  "))
  end
  return table.concat(lines, "\n")
end

local function builder_text(d)
  local uses = {
    slack_channel = "incident_integration", jira_issue = "incident_integration",
    teams_channel = "incident_integration",
  }
  local lines = {
    "datadog." .. d[1] .. d[2] .. ": " .. d[3],
  }
  if uses[d[1]] then
    lines[#lines + 1] = "  goes into datadog.incident_integration{ ... } (the body of "
      .. "Create/UpdateIncidentIntegration)"
  end
  if d[1] == "incident_integration" then
    lines[#lines + 1] = "  items: datadog.slack_channel (integration_type 1), "
      .. "datadog.teams_channel (7), datadog.jira_issue (8); one kind per body"
  end
  if d[1] == "slack_channel" then
    lines[#lines + 1] = "  redirect_url defaults to "
      .. "https://slack.com/app_redirect?channel=<channel_id>&team=<team_id>"
  end
  return table.concat(lines, "\n")
end

local function overview()
  local list = core.operations()
  local lines = {
    "datadog " .. core.version .. ": " .. #list .. " operations. Call them as "
      .. "dd:<method>(...) or dd:call(\"<Id>\", {...});",
    "beta ones need datadog.new{ unstable = { \"<Id>\", ... } } or unstable = true.",
    "",
  }
  local rows = {}
  for _, op in ipairs(list) do
    rows[#rows + 1] = { op.method, op.id .. (op.beta and " (beta)" or "") }
  end
  lines[#lines + 1] = columns(rows, "  ")
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Builders"
  rows = {}
  for _, d in ipairs(builders.DOCS) do
    rows[#rows + 1] = { "datadog." .. d[1], d[3] }
  end
  lines[#lines + 1] = columns(rows, "  ")
  lines[#lines + 1] = ""
  lines[#lines + 1] = "More: datadog.help(\"<method, Id or builder>\"), datadog.pretty(value), "
    .. "datadog.operations(), tostring(dd)"
  return table.concat(lines, "\n")
end

--- Help text: with no name, every operation and builder; with an operation
-- (id, `v2.` id, method name) its parameters, body shape and an example;
-- with a builder's name, what it makes. Misspelt names raise with "did you
-- mean". The text is printed and nothing is returned, so that a REPL
-- (which prints what an expression returns) shows it once; with
-- `{ print = false }` it is returned instead, and not printed.
-- @tparam[opt] string name
-- @tparam[opt] table opts `print = false` to only return the text
-- @treturn ?string the text, with `print = false`
-- @usage datadog.help("update_incident_integration")
function _M.help(name, opts)
  local text
  if name == nil then
    text = overview()
  elseif type(name) ~= "string" then
    util.raise("datadog.help", "expects an operation or builder name (got " .. type(name) .. ")")
  else
    local op, b = lookup(name)
    text = op and operation_text(op) or builder_text(b)
  end
  if opts and opts.print == false then return text end
  io.stdout:write(text, "\n")
end

return _M

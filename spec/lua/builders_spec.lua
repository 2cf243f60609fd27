-- Builders: integration metadata items (Slack, Jira, Teams), the
-- integration body that sets integration_type from them, and the create and
-- patch bodies with data.type and data.id filled in. Then the same bodies
-- sent to the emulator.
local datadog = require "datadog"
local core = require "datadog.core"
local emu = require "spec.helpers.emulator"

-- The JSON the core would send, decoded again: what the wire sees.
local function wire(body, id)
  return datadog.decode(core.encode(body, id))
end

describe("datadog.slack_channel", function()
  it("keeps the fields it is given", function()
    local c = datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc",
      team_id = "T01234567", redirect_url = "https://example.com/x" }
    assert.same({ channel_id = "C0123456789", channel_name = "#inc", team_id = "T01234567",
      redirect_url = "https://example.com/x" }, wire(c))
  end)

  it("makes redirect_url from the channel and team ids", function()
    local c = datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc",
      team_id = "T01234567" }
    assert.equal("https://slack.com/app_redirect?channel=C0123456789&team=T01234567", c.redirect_url)
  end)

  it("makes redirect_url from the channel alone without a team_id", function()
    local c = datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc" }
    assert.equal("https://slack.com/app_redirect?channel=C0123456789", c.redirect_url)
    c = datadog.slack_channel{ channel_id = "C1", channel_name = "#inc", team_id = "" }
    assert.equal("https://slack.com/app_redirect?channel=C1", c.redirect_url)
  end)

  it("percent-encodes the ids in redirect_url", function()
    local c = datadog.slack_channel{ channel_id = "C 1&x=/é", channel_name = "#inc",
      team_id = "T?#%" }
    assert.equal("https://slack.com/app_redirect?channel=C%201%26x%3D%2F%C3%A9&team=T%3F%23%25",
      c.redirect_url)
    assert.equal("https://slack.com/app_redirect?channel=a-b_c.d~e",
      datadog.slack_redirect_url("a-b_c.d~e"))
  end)

  it("raises on missing, empty or non-string required fields", function()
    assert.has_error(function() datadog.slack_channel{ channel_name = "#inc" } end,
      "datadog.slack_channel: channel_id is required (a non-empty string)")
    assert.has_error(function() datadog.slack_channel{ channel_id = "", channel_name = "#inc" } end,
      "datadog.slack_channel: channel_id is required (a non-empty string)")
    assert.has_error(function() datadog.slack_channel{ channel_id = "C1" } end,
      "datadog.slack_channel: channel_name is required (a non-empty string)")
    assert.has_error(function() datadog.slack_channel{ channel_id = 1, channel_name = "#inc" } end,
      "datadog.slack_channel: channel_id must be a string (got number)")
    assert.has_error(function() datadog.slack_channel("C1") end,
      "datadog.slack_channel: expects a table of fields (got string)")
    assert.has_error(function() datadog.slack_channel{ "C1" } end,
      "datadog.slack_channel: field names must be strings (got number)")
  end)

  it("says what was meant for a misspelt field, and passes other unknown fields through", function()
    assert.has_error(function()
      datadog.slack_channel{ channel_id = "C1", channel_name = "#inc", teamid = "T1" }
    end, "datadog.slack_channel: unknown field 'teamid'; did you mean 'team_id'?")
    local c = datadog.slack_channel{ channel_id = "C1", channel_name = "#inc",
      workspace_url = "https://acme.slack.com" }
    assert.equal("https://acme.slack.com", c.workspace_url)
  end)

  it("raises at the caller's line", function()
    local ok, err = pcall(function()
      local c = datadog.slack_channel{}
      return c
    end)
    assert.is_false(ok)
    assert.equal("invalid", err.kind)
    assert.matches("builders_spec%.lua:%d+$", err.where)
    assert.matches("^datadog%.slack_channel: channel_id is required", tostring(err))
  end)

  it("does not keep a reference to the table it was given", function()
    local t = { channel_id = "C1", channel_name = "#inc" }
    local c = datadog.slack_channel(t)
    t.channel_name = "#changed"
    assert.equal("#inc", c.channel_name)
    assert.is_nil(t.redirect_url)
  end)
end)

describe("datadog.jira_issue", function()
  it("needs account and project_key; the rest is optional and kept", function()
    local i = datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC" }
    assert.same({ account = "https://example.atlassian.net", project_key = "INC" }, wire(i))
    i = datadog.jira_issue{ account = "a", project_key = "P", issue_key = "P-1",
      issuetype_id = "10001", redirect_url = "https://example.atlassian.net/browse/P-1" }
    assert.equal("P-1", i.issue_key)
    assert.equal("10001", i.issuetype_id)
    assert.equal("https://example.atlassian.net/browse/P-1", i.redirect_url)
  end)

  it("raises on what is missing or mistyped", function()
    assert.has_error(function() datadog.jira_issue{ project_key = "P" } end,
      "datadog.jira_issue: account is required (a non-empty string)")
    assert.has_error(function() datadog.jira_issue{ account = "a" } end,
      "datadog.jira_issue: project_key is required (a non-empty string)")
    assert.has_error(function() datadog.jira_issue{ account = "a", project_key = "P", issue_key = 1 } end,
      "datadog.jira_issue: issue_key must be a string (got number)")
    assert.has_error(function() datadog.jira_issue{ account = "a", projectkey = "P" } end,
      "datadog.jira_issue: unknown field 'projectkey'; did you mean 'project_key'?")
  end)
end)

describe("datadog.teams_channel", function()
  local T = { ms_tenant_id = "t", ms_channel_id = "c", ms_channel_name = "n",
              redirect_url = "https://teams.microsoft.com/l/channel/c" }

  it("needs every field", function()
    assert.same(T, wire(datadog.teams_channel(T)))
    for _, name in ipairs({ "ms_tenant_id", "ms_channel_id", "ms_channel_name", "redirect_url" }) do
      local t = {}
      for k, v in pairs(T) do t[k] = v end
      t[name] = nil
      assert.has_error(function() datadog.teams_channel(t) end,
        "datadog.teams_channel: " .. name .. " is required (a non-empty string)")
    end
  end)
end)

describe("datadog.incident_integration", function()
  local slack = datadog.slack_channel{ channel_id = "C1", channel_name = "#a", team_id = "T1" }
  local slack2 = datadog.slack_channel{ channel_id = "C2", channel_name = "#b" }
  local jira = datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC" }
  local teams = datadog.teams_channel{ ms_tenant_id = "t", ms_channel_id = "c",
    ms_channel_name = "n", redirect_url = "https://teams.microsoft.com/l/channel/c" }

  it("makes a Slack body with integration_type 1", function()
    local body = datadog.incident_integration{ slack, slack2 }
    assert.same({ data = { type = "incident_integrations", attributes = {
      integration_type = 1, metadata = { channels = {
        { channel_id = "C1", channel_name = "#a", team_id = "T1",
          redirect_url = "https://slack.com/app_redirect?channel=C1&team=T1" },
        { channel_id = "C2", channel_name = "#b",
          redirect_url = "https://slack.com/app_redirect?channel=C2" } } } } } },
      wire(body, "CreateIncidentIntegration"))
  end)

  it("makes a Jira body with integration_type 8 and a Teams body with 7", function()
    local j = datadog.incident_integration{ jira }
    assert.equal(8, j.data.attributes.integration_type)
    assert.same({ { account = "https://example.atlassian.net", project_key = "INC" } },
      wire(j, "UpdateIncidentIntegration").data.attributes.metadata.issues)
    local t = datadog.incident_integration{ teams }
    assert.equal(7, t.data.attributes.integration_type)
    assert.equal("n", t.data.attributes.metadata.teams[1].ms_channel_name)
  end)

  it("takes a single item instead of a list", function()
    assert.same(datadog.incident_integration{ jira }, datadog.incident_integration(jira))
  end)

  it("takes plain tables, checked and completed as the builders do", function()
    local body = datadog.incident_integration{ { channel_id = "C9", channel_name = "#plain" } }
    assert.equal(1, body.data.attributes.integration_type)
    assert.equal("https://slack.com/app_redirect?channel=C9",
      body.data.attributes.metadata.channels[1].redirect_url)
    assert.equal(8, datadog.incident_integration{ { account = "a", project_key = "P" } }
      .data.attributes.integration_type)
    assert.equal(7, datadog.incident_integration{ { ms_tenant_id = "t", ms_channel_id = "c",
      ms_channel_name = "n", redirect_url = "r" } }.data.attributes.integration_type)
    assert.has_error(function() datadog.incident_integration{ { channel_id = "C9" } } end,
      "datadog.incident_integration: item 1 (Slack channel): channel_name is required (a non-empty string)")
    -- a single plain item, not in a list
    assert.equal("C9", datadog.incident_integration{ channel_id = "C9", channel_name = "#p" }
      .data.attributes.metadata.channels[1].channel_id)
  end)

  it("puts other fields in the attributes as given", function()
    local body = datadog.incident_integration{ slack, incident_id = "abc", status = 2,
      future_attr = { x = 1 } }
    local a = body.data.attributes
    assert.equal("abc", a.incident_id)
    assert.equal(2, a.status)
    assert.same({ x = 1 }, a.future_attr)
  end)

  it("refuses to mix Slack, Jira and Teams in one body", function()
    assert.has_error(function() datadog.incident_integration{ slack, jira } end,
      "datadog.incident_integration: item 2 is a Jira issue but item 1 is a Slack channel: "
      .. "one body holds one kind of metadata")
    assert.has_error(function() datadog.incident_integration{ teams, teams, slack } end,
      "datadog.incident_integration: item 3 is a Slack channel but item 1 is a Microsoft Teams "
      .. "channel: one body holds one kind of metadata")
  end)

  it("sends an empty list as [] when integration_type says which", function()
    local body = datadog.incident_integration{ integration_type = 7 }
    assert.equal('{"data":{"attributes":{"integration_type":7,"metadata":{"teams":[]}},'
      .. '"type":"incident_integrations"}}',
      datadog.pretty(body, { print = false }):gsub("%s", ""))
    assert.matches('"teams":[]', core.encode(body, "UpdateIncidentIntegration"), 1, true)
  end)

  it("raises on what it cannot make a body of", function()
    local B = "datadog.incident_integration: "
    assert.has_error(function() datadog.incident_integration{} end, B
      .. "needs at least one Slack channel, Jira issue or Teams channel (or integration_type, "
      .. "to send an empty list)")
    assert.has_error(function() datadog.incident_integration("C1") end, B
      .. "expects a list of Slack channels, Jira issues or Teams channels (got string)")
    assert.has_error(function() datadog.incident_integration{ "C1" } end, B
      .. "item 1 must be a table (got string)")
    assert.has_error(function() datadog.incident_integration{ { name = "x" } } end, B
      .. "item 1 is not a Slack channel, Jira issue or Teams channel (make it with "
      .. "datadog.slack_channel, datadog.jira_issue or datadog.teams_channel)")
    assert.has_error(function() datadog.incident_integration{ slack, integration_type = 8 } end, B
      .. "integration_type 8 does not match the items (Slack channel, integration_type 1)")
    assert.has_error(function() datadog.incident_integration{ integration_type = 3 } end, B
      .. "integration_type must be 1 (Slack), 7 (Microsoft Teams) or 8 (Jira) (got 3)")
    assert.has_error(function() datadog.incident_integration{ metadata = { channels = {} } } end, B
      .. "give the channels or issues as list items, not as metadata")
  end)

  it("leaves its items alone", function()
    local body = datadog.incident_integration{ slack }
    body.data.attributes.metadata.channels[1].channel_name = "#changed"
    assert.equal("#a", slack.channel_name)
  end)
end)

describe("create and patch bodies", function()
  it("fill in data.type, and data.id for patches", function()
    assert.same({ data = { type = "incidents", attributes = { title = "t", customer_impacted = false } } },
      datadog.incident{ title = "t", customer_impacted = false })
    assert.same({ data = { id = "i1", type = "incidents", attributes = { title = "t" } } },
      datadog.incident_patch("i1", { title = "t" }))
    assert.same({ data = { type = "incident_types", attributes = { name = "n" } } },
      datadog.incident_type{ name = "n" })
    assert.same({ data = { id = "t1", type = "incident_types", attributes = { name = "n" } } },
      datadog.incident_type_patch("t1", { name = "n" }))
    assert.same({ data = { type = "opsgenie-service", attributes = { name = "n",
      opsgenie_api_key = "k", region = "eu" } } },
      datadog.opsgenie_service{ name = "n", opsgenie_api_key = "k", region = "eu" })
    assert.same({ data = { id = "o1", type = "opsgenie-service", attributes = { region = "us" } } },
      datadog.opsgenie_service_patch("o1", { region = "us" }))
  end)

  it("make PagerDuty's flat v1 bodies", function()
    assert.same({ service_name = "s", service_key = "k" },
      datadog.pagerduty_service{ service_name = "s", service_key = "k" })
    assert.same({ service_key = "k2" }, datadog.pagerduty_service_patch("k2"))
    assert.same({ service_key = "k3" }, datadog.pagerduty_service_patch{ service_key = "k3" })
    assert.has_error(function() datadog.pagerduty_service{ service_name = "s" } end,
      "datadog.pagerduty_service: service_key is required (a non-empty string)")
    assert.has_error(function() datadog.pagerduty_service_patch("") end,
      "datadog.pagerduty_service_patch: service_key is required (a non-empty string)")
  end)

  it("validate as the operations' bodies", function()
    core.encode(datadog.incident{ title = "t", customer_impacted = true }, "CreateIncident")
    core.encode(datadog.incident_patch("i", {}), "UpdateIncident")
    core.encode(datadog.incident_type{ name = "n" }, "CreateIncidentType")
    core.encode(datadog.incident_type_patch("t", {}), "UpdateIncidentType")
    core.encode(datadog.opsgenie_service{ name = "n", opsgenie_api_key = "k", region = "us" },
      "CreateOpsgenieService")
    core.encode(datadog.opsgenie_service_patch("o", {}), "UpdateOpsgenieService")
    core.encode(datadog.pagerduty_service{ service_name = "s", service_key = "k" },
      "CreatePagerDutyIntegrationService")
    core.encode(datadog.pagerduty_service_patch("k"), "UpdatePagerDutyIntegrationService")
  end)

  it("send empty patch attributes as {}", function()
    assert.equal('{"data":{"attributes":{},"id":"t","type":"incident_types"}}',
      datadog.pretty(datadog.incident_type_patch("t"), { print = false }):gsub("%s", ""))
  end)

  it("copy the attributes they are given", function()
    local attrs = { name = "n" }
    local body = datadog.incident_type_patch("t", attrs)
    attrs.name = "changed"
    assert.equal("n", body.data.attributes.name)
  end)

  it("raise on a missing id or attributes that are not a table", function()
    assert.has_error(function() datadog.incident_type_patch(nil, {}) end,
      "datadog.incident_type_patch: id must be a non-empty string (got nil)")
    assert.has_error(function() datadog.opsgenie_service_patch("", {}) end,
      "datadog.opsgenie_service_patch: id must be a non-empty string (got an empty string)")
    assert.has_error(function() datadog.incident_patch(5, {}) end,
      "datadog.incident_patch: id must be a non-empty string (got number)")
    assert.has_error(function() datadog.incident("t") end,
      "datadog.incident: attributes must be a table (got string)")
  end)

  it("say what was meant for a misspelt attribute of the operation's schema, and pass others", function()
    for _, case in ipairs({
      { datadog.incident, { titel = "t" }, "datadog.incident: unknown field 'titel'; did you mean 'title'?" },
      { datadog.incident_patch, { "id", { custmer_impacted = true } },
        "datadog.incident_patch: unknown field 'custmer_impacted'; did you mean 'customer_impacted'?" },
      { datadog.incident_type, { descripton = "d" },
        "datadog.incident_type: unknown field 'descripton'; did you mean 'description'?" },
      { datadog.incident_type_patch, { "id", { nme = "n" } },
        "datadog.incident_type_patch: unknown field 'nme'; did you mean 'name'?" },
      { datadog.opsgenie_service, { regon = "us" },
        "datadog.opsgenie_service: unknown field 'regon'; did you mean 'region'?" },
      { datadog.opsgenie_service_patch, { "id", { opsgenie_api_kye = "k" } },
        "datadog.opsgenie_service_patch: unknown field 'opsgenie_api_kye'; did you mean 'opsgenie_api_key'?" },
    }) do
      local args = case[2][1] and case[2] or { case[2] }
      assert.has_error(function() case[1](args[1], args[2]) end, case[3])
    end
    -- a field the schema does not know, and that is no near miss, is the API growing
    local body = datadog.incident{ title = "t", customer_impacted = false, brand_new_setting = 1 }
    assert.equal(1, body.data.attributes.brand_new_setting)
  end)

  it("are all listed by help", function()
    local text = datadog.help(nil, { print = false })
    for _, name in ipairs({ "slack_channel", "jira_issue", "teams_channel", "incident_integration",
        "incident", "incident_patch", "incident_type", "incident_type_patch", "opsgenie_service",
        "opsgenie_service_patch", "pagerduty_service", "pagerduty_service_patch" }) do
      assert.is_function(datadog[name], name)
      assert.matches("datadog." .. name .. " ", text, 1, true)
    end
  end)
end)

describe("incident todo, responder, attachment and impact bodies", function()
  it("make a todo; assignees a list, one handle, or none ([])", function()
    local b = datadog.incident_todo{ content = "Postmortem", assignees = { "@alice",
      { id = "U1", name = "Bob", icon = "https://i", source = "slack" } }, due_date = 0 }
    assert.same({ data = { type = "incident_todos", attributes = { content = "Postmortem",
      due_date = "1970-01-01T00:00:00Z", assignees = { "@alice",
        { id = "U1", name = "Bob", icon = "https://i", source = "slack" } } } } },
      wire(b, "CreateIncidentTodo"))
    assert.same({ "@bob" }, wire(datadog.incident_todo{ content = "c", assignees = "@bob" },
      "UpdateIncidentTodo").data.attributes.assignees)
    assert.matches('"assignees":[]', core.encode(datadog.incident_todo{ content = "c" }), 1, true)
    assert.has_error(function() datadog.incident_todo{ content = "" } end,
      "datadog.incident_todo: content is required (a non-empty string)")
    assert.has_error(function() datadog.incident_todo{ content = "c", asignees = {} } end,
      "datadog.incident_todo: unknown field 'asignees'; did you mean 'assignees'?")
    assert.has_error(function() datadog.incident_todo{ content = "c", due_date = true } end,
      "datadog.incident_todo: due_date must be a string or number (got boolean)")
  end)

  it("check that time strings are RFC 3339, as the README says", function()
    for _, ok in ipairs({ "2026-03-01T12:00:00Z", "2026-03-01t12:00:00z", "2024-02-29T23:59:60Z",
        "2026-03-01T12:00:00.123456+02:00", "2026-12-31T00:00:00-11:30" }) do
      assert.equal(ok, datadog.incident_todo{ content = "c", due_date = ok }.data.attributes.due_date)
    end
    for _, bad in ipairs({ "tomorrow", "2026-03-01", "2026-03-01 12:00:00Z", "2026-03-01T12:00:00",
        "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-03-01T24:00:00Z",
        "2026-03-01T12:00:00+2:00", "2026-03-01T12:00:00Z trailing", "" }) do
      local ok, err = pcall(datadog.incident_todo, { content = "c", completed = bad })
      assert.is_false(ok, bad)
      if bad ~= "" then
        assert.matches("datadog.incident_todo: completed must be an RFC 3339 time such as "
          .. "2026-03-01T12:00:00Z, or Unix seconds (got " .. string.format("%q", bad) .. ")", err, 1, true)
      end
    end
    assert.has_error(function()
      datadog.incident_impact{ description = "d", start_at = 1, end_at = "next week" }
    end, "datadog.incident_impact: end_at must be an RFC 3339 time such as 2026-03-01T12:00:00Z, "
      .. "or Unix seconds (got \"next week\")")
  end)

  it("make a responder from a user id", function()
    local want = { data = { type = "incident_responders",
      relationships = { user = { data = { id = "u-1", type = "users" } } } } }
    assert.same(want, wire(datadog.incident_responder("u-1"), "CreateIncidentResponder"))
    assert.same(want, wire(datadog.incident_responder{ user_id = "u-1" }, "CreateIncidentResponder"))
    assert.has_error(function() datadog.incident_responder(7) end,
      "datadog.incident_responder: expects a table of fields (got number)")
    assert.has_error(function() datadog.incident_responder{ usr_id = "u" } end,
      "datadog.incident_responder: unknown field 'usr_id'; did you mean 'user_id'?")
  end)

  it("make an attachment (a link unless said) and its patch", function()
    assert.same({ data = { type = "incident_attachments", attributes = { attachment_type = "link",
      attachment = { documentUrl = "https://x/n", title = "Notebook" } } } },
      wire(datadog.incident_attachment{ url = "https://x/n", title = "Notebook" }, "CreateIncidentAttachment"))
    assert.equal("postmortem", datadog.incident_attachment{ url = "u", title = "t",
      attachment_type = "postmortem" }.data.attributes.attachment_type)
    assert.has_error(function() datadog.incident_attachment{ url = "u", title = "t", attachment_type = "doc" } end,
      'datadog.incident_attachment: attachment_type must be "link" or "postmortem" (got "doc")')
    assert.has_error(function() datadog.incident_attachment{ url = "u" } end,
      "datadog.incident_attachment: title is required (a non-empty string)")
    -- with id: the update body
    assert.same({ data = { id = "a-1", type = "incident_attachments",
      attributes = { attachment = { title = "Final" } } } },
      wire(datadog.incident_attachment{ id = "a-1", title = "Final" }, "UpdateIncidentAttachment"))
    assert.has_error(function() datadog.incident_attachment{ id = "" } end,
      "datadog.incident_attachment: id must be a non-empty string (got an empty string)")
    assert.has_error(function() datadog.incident_attachment{ id = "a", attachment_type = "link" } end,
      "datadog.incident_attachment: attachment_type cannot change (an update, with id)")
  end)

  it("make an impact, times from Unix seconds or as given", function()
    local b = datadog.incident_impact{ description = "EU checkout", start_at = 86400,
      end_at = "2026-02-01T11:00:00Z", fields = { region = "eu" } }
    assert.same({ data = { type = "incident_impacts", attributes = { description = "EU checkout",
      start_at = "1970-01-02T00:00:00Z", end_at = "2026-02-01T11:00:00Z", fields = { region = "eu" } } } },
      wire(b, "CreateIncidentImpact"))
    assert.has_error(function() datadog.incident_impact{ description = "d" } end,
      "datadog.incident_impact: start_at is required (a non-empty string or number)")
    assert.has_error(function() datadog.incident_impact{ description = "d", start_at = 1, fields = "x" } end,
      "datadog.incident_impact: fields must be a table (got string)")
  end)
end)

describe("built bodies against the emulator", function()
  local info, dd
  setup(function()
    info = emu.start{}
  end)
  before_each(function()
    emu.reset()
    dd = datadog.new{ base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
      unstable = true, retry = false }
  end)

  it("attach a Slack channel, a Jira issue and a Teams channel to an incident", function()
    local inc = assert(dd:create_incident(datadog.incident{ title = "t", customer_impacted = false }))
    local id = inc.data.id
    local items = {
      datadog.slack_channel{ channel_id = "C1", channel_name = "#a", team_id = "T1" },
      datadog.jira_issue{ account = "https://example.atlassian.net", project_key = "INC" },
      datadog.teams_channel{ ms_tenant_id = "t", ms_channel_id = "c", ms_channel_name = "n",
        redirect_url = "https://teams.microsoft.com/l/channel/c" },
    }
    local types = {}
    for _, item in ipairs(items) do
      local res = assert(dd:create_incident_integration(id,
        datadog.incident_integration{ item, incident_id = id }))
      types[#types + 1] = res.data.attributes.integration_type
    end
    assert.same({ 1, 8, 7 }, types)
    local slack = emu.requests()[2]
    assert.equal("https://slack.com/app_redirect?channel=C1&team=T1",
      datadog.decode(slack.body).data.attributes.metadata.channels[1].redirect_url)
    local list = assert(dd:list_incident_integrations(id))
    assert.equal(3, #list.data)
  end)

  it("rename an incident type, rotate Opsgenie and PagerDuty keys with patch bodies", function()
    local t = assert(dd:create_incident_type(datadog.incident_type{ name = "Old" })).data
    local res = assert(dd:update_incident_type(t.id, datadog.incident_type_patch(t.id, { name = "New" })))
    assert.equal("New", res.data.attributes.name)

    local og = assert(dd:create_opsgenie_service(datadog.opsgenie_service{ name = "svc",
      opsgenie_api_key = "key-1", region = "us" })).data
    res = assert(dd:update_opsgenie_service(og.id,
      datadog.opsgenie_service_patch(og.id, { opsgenie_api_key = "key-2" })))
    assert.equal(og.id, res.data.id)
    assert.is_nil(res.data.attributes.opsgenie_api_key)

    assert(dd:create_pager_duty_integration_service(datadog.pagerduty_service{
      service_name = "svc", service_key = "pd-1" }))
    assert(dd:update_pager_duty_integration_service("svc", datadog.pagerduty_service_patch("pd-2")))
    local log = emu.requests()
    assert.equal('{"service_key":"pd-2"}', log[#log].body)
  end)
end)

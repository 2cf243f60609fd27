-- on_event (issue 27): a table per attempt, wait and finished call, for metrics and
-- tracing, from the call engine itself, so every driver (libcurl, batch, Lua drivers)
-- tells the same; no key, token or parameter value in any field; a function that
-- raises never breaks the call.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local OG = "^/api/v2/integration/opsgenie/services"

describe("on_event", function()
  local info = emu.per_spec()

  local function client(extra)
    local events = {}
    local opts = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
      unstable = true, retry = { base = 0.001 },
      on_event = function(e) events[#events + 1] = e end }
    for k, v in pairs(extra or {}) do opts[k] = v end
    return datadog.new(opts), events
  end

  local function types(events)
    local t = {}
    for i, e in ipairs(events) do t[i] = e.type end
    return table.concat(t, ",")
  end

  it("an attempt, a wait and a done for a call retried once", function()
    emu.fault{ path = OG, count = 1, status = 503 }
    local dd, events = client()
    assert.is_table(dd:list_opsgenie_services())
    assert.equal("attempt,wait,attempt,done", types(events))
    local a1, w, a2, done = events[1], events[2], events[3], events[4]
    assert.equal("ListOpsgenieServices", a1.operation)
    assert.equal("GET", a1.method)
    assert.equal("/api/v2/integration/opsgenie/services", a1.path)
    assert.equal(503, a1.status)
    assert.equal(1, a1.attempt)
    assert.is_true(a1.elapsed >= 0)
    assert.equal("5xx", w.reason)
    assert.is_true(w.seconds >= 0)
    assert.equal(200, a2.status)
    assert.equal(2, a2.attempt)
    assert.is_true(done.ok)
    assert.equal(200, done.status)
    assert.equal(2, done.attempts)
    assert.is_true(done.elapsed >= a2.elapsed)
  end)

  it("a failure: the attempt has its kind, done is not ok", function()
    local dd, events = client({ base_url = "http://127.0.0.1:" .. emu.free_port(),
      retry = false })
    assert.is_nil((dd:list_opsgenie_services()))
    assert.equal("attempt,done", types(events))
    assert.equal("connect", events[1].kind)
    assert.is_false(events[2].ok)
    assert.equal("connect", events[2].kind)
  end)

  it("the path is the template: no parameter value, key or token in any field", function()
    local dd, events = client({ retry = false })
    dd:get_opsgenie_service(info.api_key) -- a key where a value goes
    assert.equal("attempt,done", types(events))
    assert.equal("/api/v2/integration/opsgenie/services/{integration_service_id}",
      events[1].path)
    for _, e in ipairs(events) do
      for k, v in pairs(e) do
        assert.not_matches(info.api_key, tostring(v), 1, true, k)
        assert.not_matches(info.app_key, tostring(v), 1, true, k)
      end
    end
  end)

  it("a raising function never breaks the call, and is told once through debug", function()
    local lines = {}
    local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key,
      app_key = info.app_key, on_event = function() error("metrics down: " .. info.api_key) end,
      debug = function(l) lines[#lines + 1] = l end }
    assert.is_table(dd:list_opsgenie_services())
    assert.is_table(dd:list_opsgenie_services())
    local told = 0
    for _, l in ipairs(lines) do
      if l:find("on_event raised", 1, true) then told = told + 1 end
      assert.not_matches(info.api_key, l, 1, true)
    end
    assert.equal(1, told)
  end)

  it("dd:batch tells each call's events", function()
    local dd, events = client()
    local r = dd:batch({ { "ListOpsgenieServices", {} }, { "ListIncidentTypes", {} } })
    assert.is_table(r[1][1])
    local done = {}
    for _, e in ipairs(events) do
      if e.type == "done" then done[e.operation] = e.ok end
    end
    assert.same({ ListOpsgenieServices = true, ListIncidentTypes = true }, done)
  end)

  it("a rate-limit window's wait is told with reason window (a driver in Lua, no sleep)", function()
    local dd, events = client()
    local t = 0
    local function start(id)
      return dd:start("GetOpsgenieService", { integration_service_id = id },
        { clock = function() return t end })
    end
    local a, b = start("a"), start("b")
    assert.equal("send", (a:step()))
    assert.equal("wait", (b:step())) -- a learns the window
    local w = events[#events]
    assert.equal("wait", w.type)
    assert.equal("window", w.reason)
  end)

  it("must be a function", function()
    local ok, err = pcall(datadog.new, { base_url = info.base_url, api_key = "k-0001",
      app_key = "k-0002", on_event = true })
    assert.is_false(ok)
    assert.matches("on_event", tostring(err), 1, true)
  end)
end)

-- dd:batch: many calls at once over libcurl's multi interface.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"


local client = require("spec.helpers.client").new

local function opsgenie(dd, name)
  return assert(dd:create_opsgenie_service{ data = { type = "opsgenie-service",
    attributes = { name = name, opsgenie_api_key = "og-key-" .. name, region = "us" } } }).data.id
end

describe("dd:batch", function()
  setup(function() emu.start() end)
  before_each(function() emu.reset() end)

  it("returns each result in input order, as res, err like a single call", function()
    local dd = client()
    local ids = {}
    for i = 1, 5 do ids[i] = opsgenie(dd, "svc" .. i) end
    local calls = {}
    for i = 1, 40 do
      local id = (i % 10 == 0) and "missing-" .. i or ids[(i % 5) + 1]
      calls[i] = { "GetOpsgenieService", { integration_service_id = id } }
    end
    local results = dd:batch(calls, { concurrency = 8 })
    assert.equal(40, #results)
    for i, r in ipairs(results) do
      local res, second = table.unpack(r, 1, r.n)
      if i % 10 == 0 then
        assert.is_nil(res)
        assert.equal(404, second.status)
        assert.equal("GetOpsgenieService", second.operation)
      else
        assert.equal(ids[(i % 5) + 1], res.data.id)
        assert.equal(200, second.status)
      end
    end
  end)

  it("accepts { operation =, params = } entries and mixes operations", function()
    local dd = client()
    local id = opsgenie(dd, "one")
    local results = dd:batch({
      { operation = "GetOpsgenieService", params = { integration_service_id = id } },
      { "ListOpsgenieServices" },
      { "CreatePagerDutyIntegrationService", { body = { service_name = "p", service_key = "pd-key" } } },
      { "get_pager_duty_integration_service", { service_name = "p" } },
    })
    assert.equal(id, results[1][1].data.id)
    assert.equal(1, #results[2][1].data)
    assert.equal(201, results[3][2].status)
    -- created and read in one batch: the order of execution is not promised,
    -- only the order of results; so the read may or may not find it
    assert.truthy(results[4][1] or results[4][2].status == 404)
  end)

  it("runs calls at once over several connections, and reuses them", function()
    local dd = client()
    local id = opsgenie(dd, "c")
    emu.clear_requests()
    emu.fault{ path = "opsgenie", count = 100, delay_ms = 50 }
    local calls = {}
    for i = 1, 24 do calls[i] = { "GetOpsgenieService", { integration_service_id = id } } end
    local results = dd:batch(calls, { concurrency = 6 })
    for _, r in ipairs(results) do assert.truthy(r[1]) end
    local conns = {}
    for _, r in ipairs(emu.requests()) do conns[assert(r.connection)] = true end
    local n = 0
    for _ in pairs(conns) do n = n + 1 end
    assert.is_true(n > 1, "expected several connections, got " .. n)
    assert.is_true(n <= 6, "expected at most 6 connections, got " .. n)
  end)

  it("shares one pool of connections between batches; single calls keep their own", function()
    local dd = client()
    local id = opsgenie(dd, "pool")
    local get = { "GetOpsgenieService", { integration_service_id = id } }
    emu.clear_requests()
    assert(dd:get_opsgenie_service(id))
    dd:batch({ get, get, get }, { concurrency = 1 })
    emu.fault{ path = "opsgenie", count = 4, delay_ms = 30 }
    dd:batch({ get, get, get, get }, { concurrency = 4 })
    assert(dd:get_opsgenie_service(id))
    dd:batch({ get, get }, { concurrency = 1 })
    local log = emu.requests()
    assert.equal(11, #log)
    -- the first batch runs on one connection of its own
    for i = 3, 4 do assert.equal(log[2].connection, log[i].connection) end
    assert.not_equal(log[1].connection, log[2].connection)
    -- four at once need four connections, one of them the first batch's
    local seen = {}
    for i = 5, 8 do seen[log[i].connection] = true end
    assert.is_true(seen[log[2].connection])
    assert.is_nil(seen[log[1].connection])
    -- the single call is back on its own connection, and the last batch on
    -- one the batches left open
    assert.equal(log[1].connection, log[9].connection)
    assert.is_true(seen[log[10].connection])
    assert.equal(log[10].connection, log[11].connection)
    assert.equal(11, #emu.requests()) -- nothing else went out
  end)

  it("lets a call wait out its retry without stalling the others", function()
    -- windows off: the 429 here stands for one call's own retry; with
    -- windows (the default) it would hold the window's other calls too,
    -- as the next spec shows
    local dd = client({ retry = { base = 0.01 }, windows = false })
    local slow = opsgenie(dd, "slow")
    local fast = opsgenie(dd, "fast")
    emu.clear_requests()
    emu.fault{ path = slow:gsub("%p", "%%%0"), count = 1, status = 429,
               headers = { ["X-RateLimit-Reset"] = "1" } }
    local calls = { { "GetOpsgenieService", { integration_service_id = slow } } }
    for i = 2, 20 do calls[i] = { "GetOpsgenieService", { integration_service_id = fast } } end
    local results = dd:batch(calls, { concurrency = 2 })
    assert.equal(slow, results[1][1].data.id)
    assert.equal(2, results[1][2].attempts)
    -- while the first call waited, all the others went through
    local log = emu.requests()
    assert.equal(21, #log)
    assert.matches(slow, log[21].path, 1, true)
    for i = 2, 20 do assert.matches(fast, log[i].path, 1, true) end
  end)

  it("a 429 that spends the window holds that window's other calls until its reset", function()
    local dd = client({ retry = { base = 0.01 } })
    local id = opsgenie(dd, "held")
    emu.clear_requests()
    emu.fault{ path = id:gsub("%p", "%%%0"), count = 1, status = 429,
               headers = { ["X-RateLimit-Reset"] = "1", ["X-RateLimit-Remaining"] = "0" } }
    local calls = {}
    for i = 1, 6 do calls[i] = { "GetOpsgenieService", { integration_service_id = id } } end
    local results = dd:batch(calls, { concurrency = 3 })
    local statuses = {}
    for _, r in ipairs(emu.requests()) do statuses[#statuses + 1] = r.status end
    for i = 1, 6 do assert.equal(id, results[i][1].data.id) end
    -- one 429, and nothing else sent into the spent window: at most the
    -- calls already in flight with it when it answered
    local n429 = 0
    for _, s in ipairs(statuses) do if s == 429 then n429 = n429 + 1 end end
    assert.equal(1, n429)
    assert.is_true(#statuses <= 6 + 1 + 2, #statuses)
  end)

  it("raises on misuse in any call before sending anything", function()
    local dd = client()
    emu.clear_requests()
    assert.error_matches(function()
      dd:batch({ { "ListOpsgenieServices" }, { "GetOpsgenieService", {} } })
    end, "datadog: batch: calls[2]: GetOpsgenieService: integration_service_id must be a string",
      nil, true)
    -- a body fault names its call too
    assert.error_matches(function()
      dd:batch({ { "ListOpsgenieServices" }, { "ListOpsgenieServices" },
        { "CreateOpsgenieService", { body = { data = { type = "opsgenie-service",
          attributes = { name = "x", region = "mars", opsgenie_api_key = "k-000001" } } } } } })
    end, "datadog: batch: calls[3]: CreateOpsgenieService: body.data.attributes.region", nil, true)
    assert.error_matches(function() dd:batch({ { "Nope" } }) end, "unknown operation 'Nope'")
    -- the same words as dd:call, with which call it is
    assert.error_matches(function()
      dd:batch({ { "ListOpsgenieServices" }, { "GetIncidnt", {} } })
    end, "datadog: batch: calls[2]: unknown operation 'GetIncidnt'; did you mean 'GetIncident'?",
      nil, true)
    local ok, err = pcall(dd.batch, dd, { { ("x"):rep(500) .. "\n" } })
    assert.is_false(ok)
    assert.equal("invalid", err.kind) -- a misuse error object; its text:
    err = tostring(err)
    assert.matches("calls[1]: unknown operation 'xxx", err, 1, true)
    assert.is_true(#err < 200, err)
    assert.is_nil(err:find("\n", 1, true))
    assert.error_matches(function() dd:batch({ 42 }) end, "calls%[1%] must be a table")
    assert.error_matches(function() dd:batch({}, { concurrency = 0 }) end, "concurrency must be")
    assert.error_matches(function()
      client({ unstable = false }):batch({ { "ListIncidents" } })
    end, "batch: calls[1]: ListIncidents is a beta operation", nil, true)
    assert.equal(0, #emu.requests())
  end)

  it("returns an empty list for no calls", function()
    assert.same({}, client():batch({}))
  end)

  it("reports transport failures per call", function()
    local dd = datadog.new{ base_url = "http://127.0.0.1:9", api_key = "a", app_key = "b", retry = false }
    local results = dd:batch({ { "ListOpsgenieServices" }, { "ListOpsgenieServices" } })
    for _, r in ipairs(results) do
      assert.is_nil(r[1])
      assert.equal("connect", r[2].kind)
    end
  end)

  it("goes one call after another through a Lua transport", function()
    local seen = {}
    local dd = datadog.new{ base_url = "http://x", api_key = "k", app_key = "a",
      transport = function(req)
        seen[#seen + 1] = req.url
        return { status = 200, headers = {}, body = '{"n":' .. #seen .. '}' }
      end }
    local results = dd:batch({ { "ListOpsgenieServices" }, { "ListOpsgenieServices" } })
    assert.equal(1, results[1][1].n)
    assert.equal(2, results[2][1].n)
  end)
end)

-- The call engine (src/engine/call.c) driven from Lua: dd:start and call:step.
--
-- The retry and wait policy is checked table-driven through the state
-- machine, fed canned responses, reading the waits it asks for: nothing
-- sleeps. Then a real Lua driver (luasocket, against the emulator) is
-- compared with libcurl on the same faults: same attempts, waits, error
-- objects and masking. Then the `transport` option's misuse cases.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local info

local API_KEY = "engine-spec-api-key-0123456789"
local APP_KEY = "engine-spec-app-key-9876543210"

local function client(extra)
  local opts = { base_url = "http://engine.invalid", api_key = API_KEY, app_key = APP_KEY,
                 unstable = true }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts)
end

-- Drives one call to the end, answering each send with the next of
-- `answers` (a response table, or { fail = err }). Returns what the call
-- returned, the waits it asked for, and the requests it handed out.
local function drive(dd, op, params, answers)
  local call = dd:start(op, params)
  local waits, sent = {}, {}
  local what, a, b = call:step()
  while what ~= "done" do
    if what == "send" then
      sent[#sent + 1] = a
      local ans = assert(answers[#sent], "the call sent more than the answers given")
      if ans.fail ~= nil then
        what, a, b = call:step(nil, ans.fail)
      else
        what, a, b = call:step(ans)
      end
    else
      assert.equal("wait", what)
      waits[#waits + 1] = a
      what, a, b = call:step()
    end
  end
  return a, b, waits, sent
end

local OK = { status = 200, headers = { ["Content-Type"] = "application/json" },
             body = '{"data":[]}' }
local function status(n, headers, body)
  return { status = n, headers = headers or {}, body = body or '{"errors":["boom"]}' }
end
local function reset(n) return status(429, { ["X-RateLimit-Reset"] = tostring(n) }) end

describe("the call engine, driven from Lua", function()
  describe("retry policy (table-driven, no sleeps)", function()
    -- base 2, multiplier 2, with jitter in [0.5, 1): the n-th backoff lies in
    -- [2^n, 2^(n+1)); X-RateLimit-Reset is waited exactly, capped by max_wait.
    local GET = { "ListOpsgenieServices", nil }
    local POST = { "CreatePagerDutyIntegrationService",
                   { body = { service_name = "svc", service_key = "pd-key-000001" } } }
    local PATCH = { "UpdateIncidentType", { incident_type_id = "t1", body = { data = {
      id = "t1", type = "incident_types", attributes = { name = "x" } } } } }
    local cases = {
      { "GET 503, 503, 200", GET, nil, { status(503), status(503), OK },
        { { 1, 2 }, { 2, 4 } }, 200 },
      { "GET 429 with Reset 7", GET, nil, { reset(7), OK }, { { 7, 7 } }, 200 },
      { "GET 429 with Reset '7, 7'", GET, nil, { reset("7, 7"), OK }, { { 7, 7 } }, 200 },
      { "429 Reset past max_wait is capped", GET, { max_wait = 5 }, { reset(600), OK },
        { { 5, 5 } }, 200 },
      { "429 without Reset backs off", GET, nil, { status(429), OK }, { { 1, 2 } }, 200 },
      { "POST 429 is retried (not processed)", POST, nil, { reset(0), status(201, {}, '{}') },
        { { 0, 0 } }, 201 },
      { "POST 503 is not retried", POST, nil, { status(503) }, {}, 503 },
      { "PATCH 500 is not retried", PATCH, nil, { status(500) }, {}, 500 },
      { "POST 503 retried when POST is in methods", POST, { methods = { "POST" } },
        { status(503), status(201, {}, '{}') }, { { 1, 2 } }, 201 },
      { "GET network failure retried", GET, nil,
        { { fail = { kind = "network", message = "reset" } }, OK }, { { 1, 2 } }, 200 },
      { "GET connect failure retried", GET, nil,
        { { fail = { kind = "connect", message = "refused" } }, OK }, { { 1, 2 } }, 200 },
      { "GET timeout is not retried", GET, nil,
        { { fail = { kind = "timeout", message = "slow" } } }, {}, "timeout" },
      { "PATCH network failure is not retried", PATCH, nil,
        { { fail = "connection reset" } }, {}, "network" },
      { "GET 400 is not retried", GET, nil, { status(400) }, {}, 400 },
      { "exhausted: 4 x 503", GET, nil, { status(503), status(503), status(503), status(503) },
        { { 1, 2 }, { 2, 4 }, { 4, 8 } }, 503 },
      { "max = 1", GET, { max = 1 }, { status(503), status(503) }, { { 1, 2 } }, 503 },
      { "multiplier and base", GET, { base = 0.5, multiplier = 3 },
        { status(502), status(502), OK }, { { 0.25, 0.5 }, { 0.75, 1.5 } }, 200 },
      { "retry = false: not even 429", GET, false, { reset(0) }, {}, 429 },
    }
    for _, case in ipairs(cases) do
      local name, op, retry, answers, want_waits, want = table.unpack(case)
      it(name, function()
        local dd = client{ retry = retry }
        local res, resp, waits = drive(dd, op[1], op[2], answers)
        assert.equal(#want_waits, #waits)
        for i, range in ipairs(want_waits) do
          assert.is_true(waits[i] >= range[1] and waits[i] <= range[2],
            ("wait %d: %s not in [%s, %s]"):format(i, waits[i], range[1], range[2]))
        end
        local attempts = #waits + 1
        if type(want) == "number" and want < 300 then
          assert.is_table(res, tostring(resp))
          assert.equal(want, resp.status)
          assert.equal(attempts, resp.attempts)
        else
          assert.is_nil(res)
          assert.is_true(datadog.is_error(resp))
          assert.equal(attempts, resp.attempts)
          if type(want) == "number" then
            assert.equal("http", resp.kind)
            assert.equal(want, resp.status)
          else
            assert.equal(want, resp.kind)
          end
          if attempts > 1 then
            assert.matches("(after " .. attempts .. " attempts)", resp.message, 1, true)
          else
            assert.not_matches("after", resp.message)
          end
        end
      end)
    end
  end)

  describe("the request a driver gets", function()
    it("carries method, URL, headers, body and how to move it", function()
      local dd = client{ retry = { methods = { "GET" } } }
      local call = dd:start("UpdatePagerDutyIntegrationService",
        { service_name = "a/b c", body = { service_key = "pd-secret-0001" } })
      local what, req = call:step()
      assert.equal("send", what)
      assert.equal("PUT", req.method)
      assert.equal("http://engine.invalid/api/v1/integration/pagerduty/configuration/services/a%2Fb%20c",
        req.url)
      assert.equal('{"service_key":"pd-secret-0001"}', req.body)
      assert.equal(API_KEY, req.headers["DD-API-KEY"])
      assert.equal("*/*", req.headers.Accept)
      assert.equal("gzip,deflate", req.headers["Accept-Encoding"])
      assert.is_true(req.send_once) -- PUT is not in retry.methods here
      assert.equal(60, req.timeout)
      assert.equal(10, req.connect_timeout)
      assert.not_matches(API_KEY, tostring(req))
      assert.matches("^datadog.call{UpdatePagerDutyIntegrationService, attempt 0, awaiting",
        tostring(call))
      local _, req2 = client():start("GetIncident", { incident_id = "x" }):step()
      assert.is_false(req2.send_once)
    end)

    it("misuse of step raises, naming what to do", function()
      local dd = client()
      local call = dd:start("ListOpsgenieServices")
      assert.error_matches(function() call:step(OK) end, "nothing was sent yet")
      call:step()
      assert.error_matches(function() call:step() end, "expected the response")
      assert.error_matches(function() call:step({ status = 0 / 0 }) end, "whole number from 100 to 999")
      local what = call:step(OK)
      assert.equal("done", what)
      assert.error_matches(function() call:step() end, "the call is done")
      assert.error_matches(function() dd:start("Nope") end, "unknown operation 'Nope'")
      assert.error_matches(function() dd:start("GetIncident", {}) end, "incident_id must be a string")
      local closing = client()
      local c2 = closing:start("ListOpsgenieServices")
      closing:close()
      assert.error_matches(function() c2:step() end, "client of this call is closed")
    end)

    it("beta gating holds for started calls", function()
      local dd = client{ unstable = false }
      assert.error_matches(function() dd:start("GetIncident", { incident_id = "x" }) end,
        "GetIncident is a beta operation and is disabled")
    end)
  end)

  describe("what the machine does with a response", function()
    it("inflates gzip and deflate bodies fed as they came", function()
      local body = '{"data":{"id":"x","type":"opsgenie-service"}}'
      local res, resp = drive(client(), "GetOpsgenieService", { integration_service_id = "x" },
        { { status = 200, headers = { ["Content-Encoding"] = "gzip" }, body = emu.gzip(body) } })
      assert.is_table(res, tostring(resp))
      assert.equal("x", res.data.id)
      local _, err = drive(client{ retry = false }, "GetOpsgenieService",
        { integration_service_id = "x" },
        { { status = 200, headers = { ["Content-Encoding"] = "gzip" }, body = "not gzip" } })
      assert.equal("network", err.kind)
      assert.matches("not valid gzip", err.message, 1, true)
    end)

    it("counts decoded bytes against max_body", function()
      local big = '{"data":"' .. ("a"):rep(5000) .. '"}'
      local _, err = drive(client{ max_body = 1000 }, "ListOpsgenieServices", nil,
        { { status = 200, headers = { ["Content-Encoding"] = "gzip" }, body = emu.gzip(big) } })
      assert.equal("too_large", err.kind)
      local _, err2 = drive(client{ max_body = 1000 }, "ListOpsgenieServices", nil,
        { { status = 200, headers = {}, body = big } })
      assert.equal("too_large", err2.kind)
    end)

    it("masks keys and secret body fields echoed back, from drivers' failures too", function()
      local pd = { body = { service_name = "svc", service_key = "pd-service-key-42" } }
      local echo = '{"errors":["bad key pd-service-key-42 for ' .. API_KEY .. '"]}'
      local _, err = drive(client(), "CreatePagerDutyIntegrationService", pd,
        { status(400, { ["X-Echo"] = APP_KEY }, echo) })
      for _, s in ipairs({ err.message, err.body, err.errors[1], err.headers["x-echo"] }) do
        assert.not_matches("pd-service-key-42", s, 1, true)
        assert.not_matches(API_KEY, s, 1, true)
        assert.not_matches(APP_KEY, s, 1, true)
        assert.matches("****", s, 1, true)
      end
      local _, err2 = drive(client(), "CreatePagerDutyIntegrationService", pd,
        { { fail = { kind = "tls", message = "handshake with pd-service-key-42 failed" } } })
      assert.equal("tls", err2.kind)
      assert.equal("handshake with **** failed", err2.message)
    end)

    it("logs one line per attempt and per wait", function()
      local lines = {}
      local dd = client{ debug = function(l) lines[#lines + 1] = l end }
      drive(dd, "ListOpsgenieServices", nil, { reset(0), OK })
      assert.equal(3, #lines)
      assert.matches("^GET http://engine.invalid/api/v2/integration/opsgenie/services %-> 429 %(attempt 1", lines[1])
      assert.matches("waiting 0.00 s before attempt 2 (HTTP 429)", lines[2], 1, true)
      assert.matches("-> 200 (attempt 2", lines[3], 1, true)
    end)

    it("an unknown window: one call probes it, the others wait for its answer", function()
      local t = 0
      local dd = client()
      local function start(id)
        return dd:start("GetOpsgenieService", { integration_service_id = id },
          { clock = function() return t end })
      end
      local a, b = start("a"), start("b")
      assert.equal("send", (a:step()))
      local what, secs = b:step()
      assert.equal("wait", what) -- a is learning the window
      assert.is_true(secs > 0 and secs < 1, secs)
      t = t + secs
      assert.equal("wait", (b:step())) -- still unanswered
      a:step({ status = 200, headers = { ["X-RateLimit-Limit"] = "2", ["X-RateLimit-Remaining"] = "1",
        ["X-RateLimit-Reset"] = "10", ["X-RateLimit-Name"] = "og" }, body = '{"data":{"id":"a"}}' })
      assert.equal("send", (b:step())) -- the window has one send left: b's
      local c = start("c")
      what, secs = c:step()
      assert.equal("wait", what) -- spent until the reset, 10 s on this clock
      assert.is_true(math.abs(secs - 10) < 0.001, secs)
      t = t + secs
      assert.equal("send", (c:step()))
    end)

    it("a call abandoned while it probes a window gives the probe back", function()
      local dd = client()
      local function start(id) -- (the real clock: __gc gives the probe back by it)
        return dd:start("GetOpsgenieService", { integration_service_id = id })
      end
      local a = start("a")
      assert.equal("send", (a:step())) -- a probes the unknown window, then is dropped
      a = nil -- luacheck: ignore 311
      collectgarbage()
      collectgarbage()
      assert.equal("send", (start("b"):step())) -- not held behind a probe nobody answers
    end)

    it("many calls of one client may be in flight at once", function()
      local dd = client({ windows = false })
      local a = dd:start("GetOpsgenieService", { integration_service_id = "a" })
      local b = dd:start("GetOpsgenieService", { integration_service_id = "b" })
      local _, ra = a:step()
      local _, rb = b:step()
      assert.matches("/a$", ra.url)
      assert.matches("/b$", rb.url)
      local _, res_b = b:step({ status = 200, headers = {}, body = '{"data":{"id":"b"}}' })
      local _, res_a = a:step({ status = 200, headers = {}, body = '{"data":{"id":"a"}}' })
      assert.equal("a", res_a.data.id)
      assert.equal("b", res_b.data.id)
    end)
  end)

  describe("a Lua driver over real HTTP gets what libcurl gets", function()
    setup(function() info = emu.start() end)
    before_each(function() emu.reset() end)

    local OG = "^/api/v2/integration/opsgenie/services"

    -- A blocking driver on luasocket: the shape of any Lua driver.
    local function lua_call(dd, op, params)
      local call = dd:start(op, params)
      local what, a, b = call:step()
      while what ~= "done" do
        if what == "send" then
          local code, headers, body = emu.request(a.method, a.url:sub(#info.base_url + 1),
            { headers = a.headers, body = a.body })
          if code then
            what, a, b = call:step({ status = code, headers = headers, body = body })
          else
            what, a, b = call:step(nil, { kind = "network", message = tostring(headers) })
          end
        else
          what, a, b = call:step() -- a wait: the retry base keeps it at milliseconds
        end
      end
      return a, b
    end

    local function both(fault, op, params)
      local got = {}
      for _, how in ipairs({ "curl", "lua" }) do
        emu.reset()
        if fault then emu.fault(fault) end
        local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key,
          app_key = info.app_key, unstable = true, retry = { base = 0.001 } }
        if how == "curl" then
          got[how] = { dd:call(op, params) }
        else
          got[how] = { lua_call(dd, op, params) }
        end
        got[how].sent = #emu.requests()
      end
      return got.curl, got.lua
    end

    it("success, with the same response object", function()
      local c, l = both(nil, "ListOpsgenieServices", nil)
      assert.same(c[1], l[1])
      assert.equal(c[2].status, l[2].status)
      assert.equal(c[2].attempts, l[2].attempts)
      assert.same(c[2].ratelimit, l[2].ratelimit)
    end)

    it("503 twice then success: three attempts each", function()
      local c, l = both({ path = OG, count = 2, status = 503 }, "ListOpsgenieServices", nil)
      assert.equal(3, c[2].attempts)
      assert.equal(3, l[2].attempts)
      assert.equal(3, c.sent)
      assert.equal(3, l.sent)
    end)

    it("an HTTP error after retries: the same error object", function()
      local c, l = both({ path = OG, count = 10, status = 503 }, "ListOpsgenieServices", nil)
      assert.is_nil(c[1])
      assert.is_nil(l[1])
      for _, k in ipairs({ "kind", "status", "attempts", "message", "operation", "body" }) do
        assert.same(c[2][k], l[2][k], k)
      end
      assert.same(c[2].errors, l[2].errors)
      assert.equal(tostring(c[2]), tostring(l[2]))
      assert.equal(4, l.sent)
    end)

    it("a 404 with Datadog's errors: the same error object", function()
      local c, l = both(nil, "GetOpsgenieService", { integration_service_id = "missing" })
      assert.equal(404, l[2].status)
      assert.equal(tostring(c[2]), tostring(l[2]))
      assert.same(c[2].errors, l[2].errors)
    end)

    it("a gzip body is decoded for both", function()
      local c, l = both({ path = OG, count = 1, action = "gzip" }, "ListOpsgenieServices", nil)
      assert.is_table(c[1], tostring(c[2]))
      assert.is_table(l[1], tostring(l[2]))
      assert.same(c[1], l[1])
      assert.equal("gzip", l[2].headers["content-encoding"])
    end)
  end)

  describe("the transport option", function()
    it("a transport that yields gets a misuse error naming the fix, and is not retried", function()
      local calls = 0
      local dd = client{ transport = function()
        calls = calls + 1
        coroutine.yield()
      end }
      local co = coroutine.wrap(function() return pcall(dd.list_opsgenie_services, dd) end)
      local ok, err = co()
      assert.is_false(ok)
      assert.matches("tried to yield", err, 1, true)
      assert.matches("dd:start", err, 1, true)
      assert.equal(1, calls)
      -- the client is not stuck
      local ok2, err2 = pcall(dd.list_opsgenie_services, dd)
      assert.is_false(ok2)
      assert.matches("tried to yield", err2, 1, true)
      dd:close()
    end)

    it("a transport whose result raises when read leaves the client usable", function()
      local answer = setmetatable({}, { __index = function() error("boom from __index") end })
      local dd = client{ retry = false, transport = function() return answer end }
      local res, err = dd:list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.matches("transport error: .*boom from __index", err.message)
      answer = { status = 200, headers = {}, body = '{"data":[]}' }
      assert.is_table((dd:list_opsgenie_services()))
      dd:close() -- not refused: the client is idle
      assert.equal("datadog.client (closed)", tostring(dd))
    end)
  end)
end)

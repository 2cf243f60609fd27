-- The per-call deadline: `timeout` bounds one attempt, `deadline` the whole
-- call (attempts and the waits between them), so retries and 429 waits can
-- no longer stretch a call to minutes. It ends the call as a timeout with
-- the attempts made, never sleeps through a wait that would pass it, and
-- shortens the last attempt to what is left. Every driver gets it from the
-- engine: libcurl, dd:batch, the transport function and dd:start.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local socket = require "socket"

local OG = "^/api/v2/integration/opsgenie/services"

local client = require("spec.helpers.client").new

local function timed(fn)
  local t0 = socket.gettime()
  local a, b = fn()
  return socket.gettime() - t0, a, b
end

describe("the call deadline", function()
  emu.per_spec()

  it("ends a call at once when a 429 wait would pass it, instead of sleeping", function()
    emu.fault{ path = OG, count = 10, status = 429, headers = { ["X-RateLimit-Reset"] = "5" } }
    local dd = client{ retry = { max = 5 }, deadline = 2 }
    local took, res, err = timed(function() return dd:list_opsgenie_services() end)
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.equal(429, err.status)
    assert.equal(1, err.attempts)
    assert.matches("deadline %(2 s%) would pass", err.message)
    -- without the deadline the call sleeps 5 s: the bound only tells the two apart
    assert.is_true(took < 4, ("took %.2f s"):format(took))
  end)

  it("bounds retries with backoff: several attempts, then timeout with their count", function()
    emu.fault{ path = OG, count = 100, status = 503 }
    local dd = client{ retry = { max = 50, base = 0.1, multiplier = 1.5 }, deadline = 1 }
    local took, res, err = timed(function() return dd:list_opsgenie_services() end)
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.is_true(err.attempts > 1 and err.attempts < 50, "attempts: " .. err.attempts)
    assert.matches("%(after " .. err.attempts .. " attempts%)$", err.message)
    -- without the deadline: 50 retries, tens of seconds
    assert.is_true(took < 4, ("took %.2f s"):format(took))
  end)

  it("cuts the attempt that would outlast it (timeout 10 s, deadline 0.5 s)", function()
    emu.fault{ path = OG, count = 1, delay_ms = 3000 }
    local dd = client{ timeout = 10, deadline = 0.5 }
    local took, res, err = timed(function() return dd:list_opsgenie_services() end)
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.equal(1, err.attempts)
    assert.matches("deadline %(0.5 s%) passed during the attempt", err.message)
    assert.is_true(took < 2.5, ("took %.2f s"):format(took)) -- the answer comes after 3 s
    -- the next call has its own deadline, and the handle its full timeout
    assert.is_table(dd:list_opsgenie_services())
  end)

  it("dd:call takes its own, as dd:start and dd:batch do", function()
    emu.fault{ path = OG, count = 1, delay_ms = 3000 }
    local dd = client{ timeout = 10, deadline = 60 }
    local took, res, err = timed(function()
      return dd:call("ListOpsgenieServices", {}, { deadline = 0.5 })
    end)
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.matches("deadline %(0.5 s%) passed during the attempt", err.message)
    assert.is_true(took < 2.5, ("took %.2f s"):format(took)) -- the answer comes after 3 s
    assert.error_matches(function() dd:call("ListOpsgenieServices", {}, { deadline = 0 / 0 }) end,
      "ListOpsgenieServices: deadline must be a number of seconds")
    assert.error_matches(function() dd:call("ListOpsgenieServices", {}, 5) end,
      "ListOpsgenieServices: options must be a table (got number)", nil, true)
  end)

  it("applies to every call of a batch, and dd:batch takes its own", function()
    emu.fault{ path = OG, count = 4, delay_ms = 3000 }
    local dd = client{ timeout = 10, deadline = 60 }
    local calls = {}
    for i = 1, 4 do calls[i] = { "ListOpsgenieServices", {} } end
    local took, r = timed(function() return dd:batch(calls, { deadline = 0.5 }) end)
    assert.is_true(took < 2.5, ("took %.2f s"):format(took)) -- the answers come after 3 s
    for i = 1, 4 do
      assert.is_nil(r[i][1])
      assert.equal("timeout", r[i][2].kind)
    end
    assert.is_table(dd:batch(calls)[1][1]) -- the faults are used up
  end)

  it("reaches a transport function as a shorter request.timeout, and ends its waits", function()
    local seen = {}
    local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
      timeout = 30, deadline = 1, retry = { max = 5, max_wait = 100 },
      transport = function(req)
        seen[#seen + 1] = req.timeout
        return { status = 429, headers = { ["X-RateLimit-Reset"] = "0.3" }, body = "{}" }
      end }
    local took, res, err = timed(function() return dd:list_opsgenie_services() end)
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    -- without the deadline: five waits of 0.3 s, 1.5 s
    assert.is_true(took < 1.4, ("took %.2f s"):format(took))
    assert.is_true(#seen >= 2 and #seen == err.attempts)
    for _, t in ipairs(seen) do assert.is_true(t <= 1, "request.timeout " .. t) end
    assert.is_true(seen[#seen] < seen[1])
  end)

  it("holds for dd:start with the default (150 s) and per call, without any sleep", function()
    local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
      retry = { max = 5, max_wait = 1000 } }
    local function drive(call, reset)
      local what, req = call:step()
      assert.equal("send", what)
      local a, b, c = call:step{ status = 429, headers = { ["X-RateLimit-Reset"] = reset }, body = "{}" }
      return a, b, c, req
    end
    local call = dd:start("ListOpsgenieServices", {})
    local what, wait = drive(call, "100")
    assert.equal("wait", what) -- 100 s fit in 150 s
    assert.equal(100, wait)
    local done, res, err = drive(call, "151")
    assert.equal("done", done) -- 151 s from now passes the default 150 s
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.equal(2, err.attempts)
    call = dd:start("ListOpsgenieServices", {}, { deadline = 50 })
    local first, _, _, req = drive(call, "100")
    assert.equal("done", first)
    assert.is_true(req.timeout <= 50)
  end)

  it("refuses a deadline that is not a number of seconds in (0, 86400]", function()
    local dd = client()
    for _, bad in ipairs { 0, -1, 0 / 0, math.huge, 86401, "10" } do
      assert.has_error(function() client{ deadline = bad } end)
      local ok, e = pcall(dd.batch, dd, {}, { deadline = bad })
      assert.is_false(ok)
      assert.matches("batch: deadline must be", e)
      ok, e = pcall(dd.start, dd, "ListOpsgenieServices", {}, { deadline = bad })
      assert.is_false(ok)
      assert.matches("ListOpsgenieServices: deadline must be", e)
    end
    local ok, e = pcall(client, { deadline = 0 / 0 })
    assert.is_false(ok)
    assert.matches("option deadline must be between 0 and 86400 seconds", e)
  end)
end)

-- Retries: which failures are retried for which methods, how long the client
-- waits (X-RateLimit-Reset, else exponential backoff with jitter), what the
-- final error says, and what the debug log shows. Waits are kept short with
-- small bases and X-RateLimit-Reset: 0.
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"
local socket = require "socket"

local info

local client = require("spec.helpers.client").new

local OG = "^/api/v2/integration/opsgenie/services"
local PD = "^/api/v1/integration/pagerduty/configuration/services"

local function og_body(name)
  return { data = { type = "opsgenie-service", attributes = {
    name = name or "svc", opsgenie_api_key = "og-key-0001", region = "us" } } }
end

-- A fast retry policy: waits of a few milliseconds.
local FAST = { max = 3, base = 0.002, multiplier = 2 }
local function fast(extra)
  local r = {}
  for k, v in pairs(FAST) do r[k] = v end
  for k, v in pairs(extra or {}) do r[k] = v end
  return r
end

local function log_count(method)
  return R.count(emu.requests(), function(e) return method == nil or e.method == method end)
end

describe("retries", function()
  info = emu.per_spec()

  describe("429", function()
    it("a 429 storm then success: retried up to 3 times by default", function()
      emu.fault{ path = OG, count = 3, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
      local dbg, lines = R.recorder()
      local res, resp = client({ retry = true, debug = dbg }):list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      assert.equal(200, resp.status)
      assert.equal(4, resp.attempts)
      assert.equal(4, log_count("GET"))
      assert.same({ 0, 0, 0 }, R.waits(lines))
    end)

    it("is retried for POST too: the request was not processed", function()
      emu.fault{ path = OG, method = "POST", count = 2, status = 429,
                 headers = { ["X-RateLimit-Reset"] = "0" } }
      local res, resp = client({ retry = fast() }):create_opsgenie_service(og_body())
      assert.is_table(res, tostring(resp))
      assert.equal(201, resp.status)
      assert.equal(3, resp.attempts)
      -- created once: the two 429s did not perform the operation
      local list = assert(client():list_opsgenie_services())
      assert.equal(1, #list.data)
    end)

    it("gives up after max retries with the count in the error", function()
      emu.fault{ path = OG, count = 10, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
      local res, err = client({ retry = true }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("http", err.kind)
      assert.equal(429, err.status)
      assert.equal(4, err.attempts)
      -- "Too many requests" only repeats the reason: left out of the line
      assert.equal("datadog: ListOpsgenieServices: HTTP 429 Too Many Requests (after 4 attempts)",
        tostring(err))
      assert.equal(4, log_count())
      assert.equal(0, err.ratelimit.remaining)
    end)

    it("waits X-RateLimit-Reset seconds", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "1" } }
      local dbg, lines = R.recorder()
      local t0 = socket.gettime()
      local res = client({ retry = true, debug = dbg }):list_opsgenie_services()
      assert.is_table(res)
      assert.same({ 1 }, R.waits(lines))
      -- it really slept (a lower bound only: an upper one would be a timing test)
      assert.is_true(socket.gettime() - t0 >= 0.95)
    end)

    it("reads a duplicated X-RateLimit-Reset ('1, 1') as 1", function()
      -- a list value sends the header twice; the raw header lines carry "1" twice
      -- and a proxy may fold them into "1, 1"
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = { "1", "1" } } }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast({ base = 30 }), debug = dbg }):list_opsgenie_services())
      assert.same({ 1 }, R.waits(lines))
    end)

    it("reads a folded X-RateLimit-Reset value '0, 0' as 0, not as garbage", function()
      -- base 30 s: falling back to backoff would show a wait of 15 s or more
      emu.fault{ path = OG, count = 2, status = 429, headers = { ["X-RateLimit-Reset"] = "0, 0" } }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast({ base = 30 }), debug = dbg }):list_opsgenie_services())
      assert.same({ 0, 0 }, R.waits(lines))
    end)

    it("caps X-RateLimit-Reset at max_wait ('7, 7' waits max_wait)", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "7, 7" } }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast({ max_wait = 0.01 }), debug = dbg }):list_opsgenie_services())
      assert.same({ 0.01 }, R.waits(lines))
    end)

    it("falls back to backoff when X-RateLimit-Reset is not a number", function()
      emu.fault{ path = OG, count = 3, status = 429, headers = { ["X-RateLimit-Reset"] = "soon" } }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast({ base = 0.02 }), debug = dbg }):list_opsgenie_services())
      local w = R.waits(lines)
      assert.equal(3, #w)
      -- base * multiplier^n with jitter in [0.5, 1): 0.01-0.02, 0.02-0.04, 0.04-0.08
      for i, v in ipairs(w) do
        local hi = 0.02 * 2 ^ (i - 1)
        assert.is_true(v >= hi / 2 - 0.005 and v <= hi + 0.005, ("wait %d: %g"):format(i, v))
      end
    end)
  end)

  describe("5xx", function()
    for _, status in ipairs({ 500, 502, 503, 504 }) do
      it(status .. " on GET is retried, then succeeds", function()
        emu.fault{ path = OG, count = 2, status = status }
        local res, resp = client({ retry = fast() }):list_opsgenie_services()
        assert.is_table(res, tostring(resp))
        assert.equal(3, resp.attempts)
      end)
    end

    it("on POST is not retried by default", function()
      emu.fault{ path = OG, method = "POST", count = 1, status = 503 }
      local res, err = client({ retry = fast() }):create_opsgenie_service(og_body())
      assert.is_nil(res)
      assert.equal(503, err.status)
      assert.equal(1, err.attempts)
      assert.equal("datadog: CreateOpsgenieService: HTTP 503 Service Unavailable", tostring(err))
      assert.equal(1, log_count())
    end)

    it("on POST is retried when POST is opted in", function()
      emu.fault{ path = OG, method = "POST", count = 1, status = 503 }
      local res, resp = client({ retry = fast({ methods = { "POST" } }) }):create_opsgenie_service(og_body())
      assert.is_table(res, tostring(resp))
      assert.equal(2, resp.attempts)
    end)

    it("on PATCH is not retried by default, and is when opted in", function()
      local dd = client({ retry = fast() })
      local id = assert(dd:create_opsgenie_service(og_body())).data.id
      local patch = { data = { id = id, type = "opsgenie-service", attributes = { name = "renamed" } } }
      emu.fault{ path = OG, method = "PATCH", count = 1, status = 500 }
      local res, err = dd:update_opsgenie_service(id, patch)
      assert.is_nil(res)
      assert.equal(1, err.attempts)
      emu.fault{ path = OG, method = "PATCH", count = 1, status = 500 }
      local res2, resp = client({ retry = fast({ methods = { "PATCH" } }) }):update_opsgenie_service(id, patch)
      assert.is_table(res2, tostring(resp))
      assert.equal(2, resp.attempts)
    end)

    it("on PUT and DELETE is retried by default", function()
      local dd = client({ retry = fast() })
      assert(dd:create_pager_duty_integration_service({ service_name = "pd", service_key = "pd-key-1" }))
      emu.fault{ path = PD, method = "PUT", count = 2, status = 502 }
      local ok, resp = dd:update_pager_duty_integration_service("pd", { service_key = "pd-key-2" })
      assert.is_true(ok, tostring(resp))
      assert.equal(3, resp.attempts)
      emu.fault{ path = PD, method = "DELETE", count = 1, status = 504 }
      local ok2, resp2 = dd:delete_pager_duty_integration_service("pd")
      assert.is_true(ok2, tostring(resp2))
      assert.equal(2, resp2.attempts)
    end)

    it("with methods = {} nothing but 429 is retried", function()
      emu.fault{ path = OG, count = 1, status = 503 }
      local res, err = client({ retry = fast({ methods = {} }) }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal(1, err.attempts)
    end)

    it("gives up after max retries and says how many attempts were made", function()
      emu.fault{ path = OG, count = 10, status = 500 }
      local res, err = client({ retry = fast({ max = 2 }) }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal(3, err.attempts)
      assert.equal("datadog: ListOpsgenieServices: HTTP 500 Internal Server Error (after 3 attempts)",
        tostring(err))
      assert.equal(3, log_count())
    end)
  end)

  describe("never retried", function()
    for _, status in ipairs({ 400, 401, 403, 404, 409, 422 }) do
      it("HTTP " .. status, function()
        emu.fault{ path = OG, count = 5, status = status }
        local res, err = client({ retry = fast() }):list_opsgenie_services()
        assert.is_nil(res)
        assert.equal(status, err.status)
        assert.equal(1, err.attempts)
        assert.equal(1, log_count())
      end)
    end

    it("a timeout: the total timeout bounds the whole call", function()
      emu.fault{ path = OG, count = 5, delay_ms = 1000 }
      local res, err = client({ retry = fast(), timeout = 0.2 }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("timeout", err.kind)
      assert.equal(1, err.attempts)
    end)

    it("anything, with retry = false", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
      local res, err = client({ retry = false }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal(429, err.status)
      assert.equal(1, err.attempts)
      emu.fault{ path = OG, count = 1, action = "close_before" }
      res, err = client({ retry = false }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, err.attempts)
    end)

    it("anything, with max = 0", function()
      emu.fault{ path = OG, count = 1, status = 503 }
      local res, err = client({ retry = { max = 0 } }):list_opsgenie_services()
      assert.is_nil(res)
      assert.equal(1, err.attempts)
    end)
  end)

  describe("connection failures", function()
    it("a connection closed before the answer, on GET: retried", function()
      emu.fault{ path = OG, count = 2, action = "close_before" }
      local res, resp = client({ retry = fast() }):list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      assert.equal(3, resp.attempts)
    end)

    it("a connection closed in the middle of the body, on GET: retried", function()
      emu.fault{ path = OG, count = 1, action = "close_mid" }
      local res, resp = client({ retry = fast() }):list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      assert.equal(2, resp.attempts)
    end)

    it("on POST: not retried by default (it may have been processed)", function()
      emu.fault{ path = OG, method = "POST", count = 1, action = "close_mid" }
      local res, err = client({ retry = fast() }):create_opsgenie_service(og_body())
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, err.attempts)
      assert.equal(1, log_count("POST"))
    end)

    it("a POST on a reused connection closed before any answer is sent once", function()
      -- libcurl would quietly send it again on a new connection; the server
      -- may have acted on the first copy, so POST must not reuse one
      local dd = client({ retry = fast() })
      assert.is_table(dd:list_opsgenie_services()) -- leaves a connection open
      emu.fault{ path = OG, method = "POST", count = 1, action = "close_before" }
      local res, err = dd:create_opsgenie_service(og_body())
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, log_count("POST"))
      assert.equal(0, #assert(dd:list_opsgenie_services()).data)
    end)

    it("nothing listening: retried, and the error counts the attempts", function()
      local dbg, lines = R.recorder()
      local dd = client({ base_url = "http://127.0.0.1:9", retry = fast({ max = 2 }), debug = dbg })
      local res, err = dd:list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("connect", err.kind)
      assert.equal(3, err.attempts)
      assert.matches("^datadog: ListOpsgenieServices: connect: .* %(after 3 attempts%)$", tostring(err))
      -- said once, not once per layer
      local _, n = tostring(err):gsub("attempts", "")
      assert.equal(1, n)
      assert.equal(2, #R.waits(lines))
    end)
  end)

  describe("backoff", function()
    it("grows as base * multiplier^attempt, with jitter, capped by max_wait", function()
      emu.fault{ path = OG, count = 4, status = 503 }
      local dbg, lines = R.recorder()
      local res = client({ retry = { max = 4, base = 0.01, multiplier = 3, max_wait = 0.2 },
                           debug = dbg }):list_opsgenie_services()
      assert.is_table(res)
      local w = R.waits(lines)
      assert.equal(4, #w)
      -- 0.01, 0.03, 0.09 (each times [0.5, 1)), then 0.27 capped to 0.2
      for i = 1, 3 do
        local hi = 0.01 * 3 ^ (i - 1)
        assert.is_true(w[i] >= hi / 2 - 0.005 and w[i] <= hi + 0.005, ("wait %d: %g"):format(i, w[i]))
      end
      assert.is_true(w[4] >= 0.135 - 0.005 and w[4] <= 0.2, "wait 4: " .. w[4])
    end)

    it("spreads clients that failed together (jitter)", function()
      -- 10 clients, first waits uniform in [0.05, 0.1) s, logged to 0.01 s:
      -- about five values, so ten equal ones would take odds of 1 in 10^6
      local seen = {}
      for _ = 1, 10 do
        emu.fault{ path = OG, count = 1, status = 503 }
        local dbg, lines = R.recorder()
        assert.is_table(client({ retry = { base = 0.1 }, debug = dbg }):list_opsgenie_services())
        seen[#seen + 1] = lines[2]:match("waiting ([%d.]+) s")
      end
      local distinct = {}
      for _, w in ipairs(seen) do distinct[w] = true end
      local n = 0
      for _ in pairs(distinct) do n = n + 1 end
      assert.is_true(n >= 2, "10 clients all waited " .. tostring(seen[1]))
    end)
  end)

  describe("the debug log", function()
    it("shows every attempt (method, URL, status, attempt, time) and every wait", function()
      emu.fault{ path = OG, count = 2, status = 503 }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast(), debug = dbg }):list_opsgenie_services())
      assert.equal(5, #lines, table.concat(lines, "\n"))
      local url = info.base_url .. "/api/v2/integration/opsgenie/services"
      assert.matches("^GET " .. url:gsub("%p", "%%%0") .. " %-> 503 %(attempt 1, [%d.]+ ms%)$", lines[1])
      assert.matches("^ListOpsgenieServices: waiting [%d.]+ s before attempt 2 %(a server error%)$", lines[2])
      assert.matches("%-> 503 %(attempt 2, ", lines[3])
      assert.matches("waiting [%d.]+ s before attempt 3", lines[4])
      assert.matches("%-> 200 %(attempt 3, ", lines[5])
    end)

    it("names 429s and connection failures as the reason of a wait", function()
      -- the close first, on the client's first (fresh) connection: on a reused
      -- one libcurl itself would quietly send the request again
      emu.fault{ path = OG, count = 1, action = "close_before" }
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
      local dbg, lines = R.recorder()
      assert.is_table(client({ retry = fast(), debug = dbg }):list_opsgenie_services())
      local text = table.concat(lines, "\n")
      assert.matches("before attempt 2 (network)", text, 1, true)
      assert.matches("before attempt 3 (HTTP 429)", text, 1, true)
    end)

    it("a logger that raises does not break the call", function()
      emu.fault{ path = OG, count = 1, status = 503 }
      local res, resp = client({ retry = fast(), debug = function() error("logger broke") end })
        :list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      assert.equal(2, resp.attempts)
    end)
  end)
end)

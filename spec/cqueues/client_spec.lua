-- datadog.cqueues in a real cqueues controller against the emulator: the families, error
-- shapes, misuse, TLS, and that calls overlap: a slow call, a 429 wait and 20 calls at once
-- leave the controller's other coroutines running. Figures are printed; the timing
-- assertions only separate overlapping from serial (a loaded 2-core machine is slow).
local cqueues = require "cqueues"
local datadog = require "datadog"
local dcq = require "datadog.cqueues"
local emu = require "spec.helpers.emulator"

local unpack = table.unpack or unpack
local OG = "^/api/v2/integration/opsgenie/services"

local function pack(...) return { n = select("#", ...), ... } end

-- fn's results, run in a coroutine of a fresh controller; its error raised again as it came.
local function inside(fn)
  local out
  local cq = cqueues.new()
  cq:wrap(function() out = pack(fn()) end)
  local ok, err = cq:loop()
  if not ok then error(err, 0) end
  return unpack(out, 1, out.n)
end

-- A client of the emulator; extra's options replace the defaults.
local function client(info, extra)
  local opts = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
    unstable = true, retry = false }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return dcq.new(opts)
end

local function og_body(name)
  return { data = { type = "opsgenie-service",
    attributes = { name = name, opsgenie_api_key = "og-key-" .. name, region = "us" } } }
end

-- The host's other work: a coroutine that asks to wake every 10 ms until stop() is true,
-- noting how late each wake-up was. Returns the wake-ups and the latest lateness.
local function ticker(stop)
  local ticks, worst = 0, 0
  return function()
    while not stop() do
      local t0 = cqueues.monotime()
      cqueues.sleep(0.01)
      local late = cqueues.monotime() - t0 - 0.01
      if late > worst then worst = late end
      ticks = ticks + 1
    end
  end, function() return ticks, worst end
end

local function ms(s) return string.format("%.0f ms", s * 1000) end

describe("datadog.cqueues", function()
  local info = emu.per_spec()

  describe("every operation family", function()
    it("Opsgenie: create, get, list, update, delete", function()
      local dd = client(info)
      local name, n, renamed, del, status, gone, err = inside(function()
        local created = assert(dd:create_opsgenie_service(og_body("cq-svc")))
        local id = created.data.id
        local got = assert(dd:get_opsgenie_service(id))
        local list = assert(dd:call("ListOpsgenieServices", {}))
        local upd = assert(dd:update_opsgenie_service(id, { data = { id = id,
          type = "opsgenie-service", attributes = { name = "renamed" } } }))
        local d, resp = dd:delete_opsgenie_service(id)
        local g, e = dd:get_opsgenie_service(id)
        return got.data.attributes.name, #list.data, upd.data.attributes.name, d, resp.status,
          g, e
      end)
      assert.equal("cq-svc", name)
      assert.equal(1, n)
      assert.equal("renamed", renamed)
      assert.is_true(del)
      assert.equal(204, status)
      assert.is_nil(gone)
      assert.is_true(datadog.is_error(err))
      assert.equal("http", err.kind)
      assert.equal(404, err.status)
      assert.matches("^datadog: GetOpsgenieService: HTTP 404", tostring(err))
    end)

    it("an incident and its integration, pages, and dd:request", function()
      local dd = client(info)
      local ninteg, npaged, reqstatus = inside(function()
        local inc = assert(dd:create_incident(datadog.incident{ title = "cq incident",
          customer_impacted = false }))
        local iid = inc.data.id
        local integ = assert(dd:create_incident_integration(iid, datadog.incident_integration{
          datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc" } }))
        local integs = assert(dd:list_incident_integrations(iid))
        assert(dd:delete_incident_integration(iid, integ.data.id))
        for i = 1, 6 do
          assert(dd:create_incident(datadog.incident{ title = "page " .. i, customer_impacted = false }))
        end
        -- a `for` loop would do on 5.2+; Lua 5.1 cannot yield inside a `for` iterator
        local paged, next_item = 0, dd:list_incidents_with_pagination{ page_size = 3 }
        while next_item() do paged = paged + 1 end
        local _, resp = dd:request("GET", "/api/v2/incidents/{id}", { params = { id = iid } })
        assert(dd:delete_incident(iid))
        return #integs.data, paged, resp.status
      end)
      assert.equal(1, ninteg)
      assert.equal(7, npaged)
      assert.equal(200, reqstatus)
    end)

    it("keeps a connection for the next call", function()
      local dd = client(info)
      inside(function()
        assert(dd:list_opsgenie_services())
        assert(dd:list_opsgenie_services())
      end)
      local idle = 0
      for _, list in pairs(dd.pools) do idle = idle + #list end
      assert.equal(1, idle)
      dd:close()
      assert.same({}, dd.pools)
    end)
  end)

  describe("errors", function()
    it("a refused connection is kind connect, retried for GET", function()
      local dd = dcq.new{ base_url = "http://127.0.0.1:9", api_key = "k-0001", app_key = "k-0002",
        retry = { base = 0.01 } }
      local res, err = inside(function() return dd:list_opsgenie_services() end)
      assert.is_nil(res)
      assert.equal("connect", err.kind)
      assert.equal(4, err.attempts)
      assert.matches("refused", err.message)
    end)

    it("a delay past the timeout is kind timeout, in about the timeout", function()
      emu.fault{ path = OG, count = 1, delay_ms = 3000 }
      local dd = client(info, { timeout = 0.5 })
      local res, err, took = inside(function()
        local t0 = cqueues.monotime()
        local r, e = dd:list_opsgenie_services()
        return r, e, cqueues.monotime() - t0
      end)
      assert.is_nil(res)
      assert.equal("timeout", err.kind)
      assert.is_true(took < 2.5, took)
    end)

    it("close_after on a POST: not resent, and says the server may have acted", function()
      emu.fault{ path = OG, method = "POST", count = 1, action = "close_after" }
      local dd = client(info, { retry = { base = 0.01 } })
      local res, err = inside(function() return dd:create_opsgenie_service(og_body("once")) end)
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, err.attempts)
      local posts = 0
      for _, r in ipairs(emu.requests()) do if r.method == "POST" then posts = posts + 1 end end
      assert.equal(1, posts)
    end)

    it("close_before and close_mid on a GET: retried to success", function()
      local dd = client(info, { retry = { base = 0.01 } })
      emu.fault{ path = OG, count = 1, action = "close_before" }
      emu.fault{ path = OG, count = 1, action = "close_mid" }
      local res, resp = inside(function() return dd:list_opsgenie_services() end)
      assert.is_table(res, tostring(resp))
      assert.is_true(resp.attempts >= 2)
      assert.equal(3, #emu.requests())
    end)

    it("503 on a GET is retried; a gzip body is decoded", function()
      emu.fault{ path = OG, count = 2, status = 503 }
      emu.fault{ path = OG, count = 1, action = "gzip" }
      local dd = client(info, { retry = { base = 0.01 } })
      local res, resp = inside(function() return dd:list_opsgenie_services() end)
      assert.is_table(res)
      assert.equal(3, resp.attempts)
      assert.equal("gzip", resp.headers["content-encoding"])
    end)
  end)

  describe("misuse", function()
    it("raises the core's error objects before anything is sent", function()
      local dd = client(info)
      local function caught(fn)
        return inside(function() local ok, e = pcall(fn) assert(not ok) return e end)
      end
      local e = caught(function() return dd:get_incident() end)
      assert.is_true(datadog.is_error(e))
      assert.equal("invalid", e.kind)
      assert.equal("GetIncident", e.operation)
      assert.matches("incident_id must be a string", tostring(e), 1, true)
      e = caught(function() return dd:get_incidnt("x") end)
      assert.matches("no method 'get_incidnt'; did you mean 'get_incident'?", tostring(e), 1, true)
      e = caught(function() return dd:call("Nope", {}) end)
      assert.matches("unknown operation 'Nope'", tostring(e), 1, true)
      e = caught(function() return dd:batch({ { "ListOpsgenieServices", {} }, { "GetIncident", {} } }) end)
      assert.equal("invalid", e.kind)
      assert.matches("batch: calls[2]: GetIncident: incident_id must be a string", tostring(e), 1, true)
      assert.equal(0, #emu.requests())
    end)

    it("a call outside a controller raises, saying what to do", function()
      local dd = client(info)
      local ok, e = pcall(dd.list_opsgenie_services, dd)
      assert.is_false(ok)
      assert.is_true(datadog.is_error(e))
      assert.equal("invalid", e.kind)
      assert.matches("not in a cqueues controller", tostring(e), 1, true)
      assert.matches("cq:wrap", tostring(e), 1, true)
      ok, e = pcall(dd.batch, dd, { { "ListOpsgenieServices", {} } })
      assert.is_false(ok)
      assert.matches("not in a cqueues controller", tostring(e), 1, true)
      assert.equal(0, #emu.requests())
    end)

    it("refuses options that mean nothing here, naming what to do", function()
      local values = { transport = function() end, pool_size = 0, windows = "driver" }
      for opt, want in pairs{ proxy = "do not go through an HTTP proxy",
          transport = "cqueues sockets", pool_size = "must be a whole number",
          windows = "its own table" } do
        local v = values[opt] or "nope"
        local ok, e = pcall(dcq.new, { api_key = "k-0001", app_key = "k-0002", [opt] = v })
        assert.is_false(ok)
        assert.equal("invalid", e.kind)
        assert.matches("datadog.cqueues.new: option " .. opt, tostring(e), 1, true)
        assert.matches(want, tostring(e), 1, true)
      end
      local ok, e = pcall(dcq.new, { api_key = "k-0001", app_key = "k-0002", timeout = -1 })
      assert.is_false(ok)
      assert.matches("datadog.cqueues.new: option timeout must be between 0 and 86400", tostring(e), 1, true)
    end)

    it("help, tostring, prepare, the pure functions and close", function()
      local dd = dcq.new{ base_url = "http://127.0.0.1:9", api_key = "k-0001", app_key = "k-0002",
        unstable = true }
      assert.matches("^datadog.cqueues.client{base_url=http://127.0.0.1:9,", tostring(dd))
      assert.not_matches("k%-0001", tostring(dd))
      assert.matches("GetIncident", dd:help("get_incident", { print = false }), 1, true)
      assert.equal("GetIncident", dd:prepare("GetIncident", { incident_id = "x" }).operation)
      for k, v in pairs(datadog.pure) do assert.equal(v, rawget(dcq, k), k) end -- re-exported
      dd:close()
      local e = inside(function()
        local ok, err = pcall(dd.list_opsgenie_services, dd)
        assert(not ok)
        return err
      end)
      assert.matches("client is closed", tostring(e), 1, true)
    end)
  end)

  describe("over TLS", function()
    it("verifies the emulator's certificate with ca_file, by IP address and by name", function()
      for _, url in ipairs{ info.tls_url, (info.tls_url:gsub("127%.0%.0%.1", "localhost")) } do
        local dd = client(info, { base_url = url, ca_file = info.ca_file })
        local r1, r2 = inside(function()
          return dd:list_opsgenie_services(), dd:list_opsgenie_services() -- the second on the kept one
        end)
        assert.is_table(r1, url)
        assert.is_table(r2, url)
      end
    end)

    it("without the CA: refused, kind tls, saying why", function()
      local dd = client(info, { base_url = info.tls_url })
      local res, err = inside(function() return dd:list_opsgenie_services() end)
      assert.is_nil(res)
      assert.equal("tls", err.kind)
      assert.matches("certificate verification failed", err.message, 1, true)
      assert.matches("ca_file", err.message, 1, true)
      assert.equal(0, #emu.requests()) -- the keys never went out
    end)

    it("verify = false connects anyway", function()
      local dd = client(info, { base_url = info.tls_url, verify = false })
      assert.is_table((inside(function() return dd:list_opsgenie_services() end)))
    end)
  end)

  describe("overlaps calls in the controller", function()
    it("a slow call does not stall the controller's other coroutines", function()
      emu.fault{ path = OG, count = 1, delay_ms = 300 }
      local dd = client(info)
      local done = false
      local tick, seen = ticker(function() return done end)
      local during, took, status
      inside(function()
        local cq = cqueues.running()
        cq:wrap(tick)
        local t0 = cqueues.monotime()
        local _, resp = dd:list_opsgenie_services()
        took, status = cqueues.monotime() - t0, resp.status
        during = seen()
        done = true
      end)
      local _, worst = seen()
      print(("\n  one 300 ms call: %s; meanwhile %d wake-ups of 10 ms, latest %s late")
        :format(ms(took), during, ms(worst)))
      assert.equal(200, status)
      -- serial would give none: the ticker would wait for the call
      assert.is_true(during >= 5, during)
    end)

    it("20 calls of 300 ms at once take about one call's time", function()
      local dd = client(info)
      emu.fault{ path = OG, count = 1, delay_ms = 300 }
      local one = inside(function()
        local t0 = cqueues.monotime()
        assert(dd:list_opsgenie_services())
        return cqueues.monotime() - t0
      end)
      emu.fault{ path = OG, count = 20, delay_ms = 300 }
      local done, finished = false, 0
      local tick, seen = ticker(function() return done end)
      local all = inside(function()
        local cq = cqueues.running()
        cq:wrap(tick)
        local t0 = cqueues.monotime()
        local inner = cqueues.new()
        for _ = 1, 20 do
          inner:wrap(function()
            assert(dd:list_opsgenie_services())
            finished = finished + 1
          end)
        end
        assert(inner:loop())
        done = true
        return cqueues.monotime() - t0
      end)
      local ticks, worst = seen()
      print(("\n  20 calls of 300 ms at once: %s (one: %s, %.2fx); meanwhile %d wake-ups, "
        .. "latest %s late"):format(ms(all), ms(one), all / one, ticks, ms(worst)))
      assert.equal(20, finished)
      assert.is_true(one >= 0.3, one)
      -- serial would take 20 times one call
      assert.is_true(all < 5 * one, ("%.2f s against %.2f s"):format(all, one))
      assert.is_true(ticks >= 5, ticks)
    end)

    it("dd:batch overlaps its calls, results in input order", function()
      local dd = client(info)
      local ids = inside(function()
        local t = {}
        for i = 1, 4 do t[i] = assert(dd:create_opsgenie_service(og_body("b" .. i))).data.id end
        -- the operation's rate-limit window learnt: a burst's first call of an unknown
        -- window goes alone, the others wait for its answer (src/window.c)
        assert(dd:get_opsgenie_service(t[1]))
        return t
      end)
      emu.fault{ path = OG, count = 8, delay_ms = 300 }
      local calls = {}
      for i = 1, 8 do
        calls[i] = { "GetOpsgenieService", { integration_service_id = ids[i] or "missing" } }
      end
      local results, took = inside(function()
        local t0 = cqueues.monotime()
        local r = dd:batch(calls, { concurrency = 8 })
        return r, cqueues.monotime() - t0
      end)
      print(("\n  a batch of 8 calls of 300 ms: %s"):format(ms(took)))
      for i = 1, 4 do assert.equal("b" .. i, results[i][1].data.attributes.name) end
      for i = 5, 8 do
        assert.is_nil(results[i][1])
        assert.equal(404, results[i][2].status)
      end
      assert.equal(2, results[1].n)
      assert.is_true(took < 8 * 0.3, took) -- serial would take 2.4 s
    end)

    it("a 429 is waited out with cqueues.sleep, the controller running meanwhile", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "1" } }
      local dd = client(info, { retry = { base = 0.01 } })
      local done = false
      local tick, seen = ticker(function() return done end)
      local res, resp, took = inside(function()
        cqueues.running():wrap(tick)
        local t0 = cqueues.monotime()
        local r, p = dd:list_opsgenie_services()
        done = true
        return r, p, cqueues.monotime() - t0
      end)
      local ticks, worst = seen()
      print(("\n  a 429 with a 1 s reset: %s; meanwhile %d wake-ups, latest %s late")
        :format(ms(took), ticks, ms(worst)))
      assert.is_table(res)
      assert.equal(2, resp.attempts)
      assert.is_true(took >= 0.9, took)
      assert.is_true(ticks >= 20, ticks) -- a blocking sleep would allow none
    end)
  end)
end)

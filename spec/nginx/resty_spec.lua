-- datadog.resty in a real nginx (Debian's nginx + ngx_http_lua on LuaJIT) against the
-- emulator: every operation family, the emulator's faults, TLS, batches, shared rate-limit
-- windows across workers, and that a slow call does not hold up other requests. How it
-- reads hostile servers, beside the libcurl client: spec/nginx/hostile_spec.lua.
local emu = require "spec.helpers.emulator"
local nginx = require "spec.helpers.nginx"

local info

-- init_worker code that makes the worker's client, as docs/NGINX.md does.
local function worker_client(extra)
  return ([[
    local resty = require "datadog.resty"
    package.loaded["test.dd"] = resty.new{ base_url = %q, api_key = %q, app_key = %q,
      unstable = true, shared_dict = "datadog", retry = { base = 0.01 }, %s }
  ]]):format(info.base_url, info.api_key, info.app_key, extra or "")
end

-- The emulator's address and keys as locals of a chunk: keys never travel in a URL, which
-- nginx would write to its error log.
local function with_keys(code, url)
  return ("local BASE, K1, K2 = %q, %q, %q\n"):format(url or info.base_url, info.api_key,
    info.app_key) .. code
end

local function values(out)
  assert.is_nil(out.raised, out.raised)
  local v = {}
  for i = 1, out.n do
    if out.values[i] ~= emu.null then v[i] = out.values[i] end -- JSON null: a nil
  end
  return table.unpack(v, 1, out.n)
end

local OG = "^/api/v2/integration/opsgenie/services"

describe("datadog.resty in nginx", function()
  local srv

  setup(function()
    info = emu.start()
    srv = nginx.start{ init_worker = worker_client(),
      init = [[
        -- a call made before the fork is refused with a clear error
        local ok, err = pcall(function()
          local dd = require("datadog.resty").new{ base_url = "http://127.0.0.1:9",
            api_key = "init-key-0001", app_key = "init-key-0002" }
          return dd:list_opsgenie_services()
        end)
        package.loaded["test.init_error"] = ok and "no error" or tostring(err)
      ]] }
  end)
  teardown(function() if srv then srv:stop() end end)
  before_each(function() emu.reset() end)

  describe("every operation family", function()
    it("Opsgenie: create, get, list, update, delete", function()
      local out = srv:run([[
        local created = assert(dd:create_opsgenie_service{ data = { type = "opsgenie-service",
          attributes = { name = "resty-svc", opsgenie_api_key = "og-key-0001", region = "us" } } })
        local id = created.data.id
        local got = assert(dd:get_opsgenie_service(id))
        local list = assert(dd:call("ListOpsgenieServices", {}))
        local upd = assert(dd:update_opsgenie_service(id, { data = { id = id,
          type = "opsgenie-service", attributes = { name = "renamed" } } }))
        local del, resp = dd:delete_opsgenie_service(id)
        local gone, err = dd:get_opsgenie_service(id)
        return got.data.attributes.name, #list.data, upd.data.attributes.name, del, resp.status,
          gone, err
      ]])
      local name, n, renamed, del, status, gone, err = values(out)
      assert.equal("resty-svc", name)
      assert.equal(1, n)
      assert.equal("renamed", renamed)
      assert.is_true(del)
      assert.equal(204, status)
      assert.is_nil(gone)
      assert.is_true(err.is_error)
      assert.equal(404, err.status)
      assert.matches("^datadog: GetOpsgenieService: HTTP 404", err.tostring)
    end)

    it("PagerDuty, incident types, incidents and their integrations", function()
      local out = srv:run([[
        local pd = assert(dd:create_pager_duty_integration_service{ service_name = "pd resty/1",
          service_key = "pd-key-000001" })
        local pdget = assert(dd:get_pager_duty_integration_service("pd resty/1"))
        assert(dd:update_pager_duty_integration_service("pd resty/1", { service_key = "pd-key-2" }))
        assert(dd:delete_pager_duty_integration_service("pd resty/1"))
        local t = assert(dd:create_incident_type(datadog.incident_type{ name = "resty type" }))
        assert(dd:update_incident_type(t.data.id, datadog.incident_type_patch(t.data.id,
          { description = "d" })))
        local types = assert(dd:list_incident_types())
        assert(dd:delete_incident_type(t.data.id))
        local inc = assert(dd:create_incident(datadog.incident{ title = "resty incident",
          customer_impacted = false }))
        local iid = inc.data.id
        local integ = assert(dd:create_incident_integration(iid, datadog.incident_integration{
          datadog.slack_channel{ channel_id = "C0123456789", channel_name = "#inc" } }))
        local integs = assert(dd:list_incident_integrations(iid))
        assert(dd:get_incident_integration(iid, integ.data.id))
        assert(dd:delete_incident_integration(iid, integ.data.id))
        local incs = assert(dd:list_incidents({ page_size = 5 }))
        assert(dd:delete_incident(iid))
        return pd.service_name, pdget.service_name, #types.data, #integs.data, #incs.data
      ]])
      local pd, pdget, ntypes, ninteg, nincs = values(out)
      assert.equal("pd resty/1", pd)
      assert.equal("pd resty/1", pdget)
      assert.is_true(ntypes >= 1)
      assert.equal(1, ninteg)
      assert.equal(1, nincs)
      -- the path parameter went out encoded, as libcurl sends it
      local seen = false
      for _, r in ipairs(emu.requests()) do
        if r.path:find("pd%20resty%2F1", 1, true) then seen = true end
      end
      assert.is_true(seen)
    end)

    it("sends the same request bytes as the libcurl client (headers that matter)", function()
      values(srv:run([[ return dd:get_opsgenie_service("x") ]]))
      local r = emu.requests()[1]
      -- the emulator logs keys masked but for their last four characters
      assert.equal("****" .. info.api_key:sub(-4), r.headers["dd-api-key"])
      assert.equal("****" .. info.app_key:sub(-4), r.headers["dd-application-key"])
      assert.equal("application/json", r.headers.accept)
      assert.equal("gzip,deflate", r.headers["accept-encoding"])
      assert.matches("^datadog%-api%-client%-lua/[%d.]+ %(luajit ", r.headers["user-agent"])
    end)

    it("dd:request reaches an endpoint by path, as dd:request does with libcurl", function()
      local res, resp, err = values(srv:run([[
        local list, resp = dd:request("GET", "/api/v2/integration/opsgenie/services",
          { query = { ["page[size]"] = 5 } })
        local _, err = dd:request("GET", "/api/v2/integration/opsgenie/services/{id}",
          { params = { id = "no/such" } })
        return list, resp, err
      ]]))
      assert.is_table(res)
      assert.equal(200, resp.status)
      assert.equal(404, err.status)
      assert.equal("GET /api/v2/integration/opsgenie/services/{id}", err.operation)
      assert.equal("/api/v2/integration/opsgenie/services/no%2Fsuch", emu.requests()[2].path)
      local out = srv:run([[ return dd:request("GET", "/api/../x") ]])
      assert.matches("'.' or '..' segment", out.raised, 1, true)
    end)

    it("pages through incidents with the same iterators", function()
      local out = srv:run([[
        for i = 1, 12 do
          assert(dd:create_incident(datadog.incident{ title = "page " .. i, customer_impacted = false }))
        end
        local n, titles = 0, {}
        for inc in dd:list_incidents_with_pagination{ page_size = 5 } do
          n = n + 1
          titles[inc.data and inc.data.attributes.title or inc.attributes.title] = true
        end
        local m = 0
        for _ in dd:paginate("ListIncidents", { page_size = 4 }) do m = m + 1 end
        local k = 0
        for _ in pairs(titles) do k = k + 1 end
        return n, m, k
      ]])
      local n, m, distinct = values(out)
      assert.equal(12, n)
      assert.equal(12, m)
      assert.equal(12, distinct)
    end)

    it("misuse raises before anything is sent, with the core's messages", function()
      local out = srv:run([[ return dd:get_incident() ]])
      assert.matches("GetIncident: incident_id must be a string", out.raised, 1, true)
      out = srv:run([[ return dd:get_incidnt("x") ]])
      assert.matches("no method 'get_incidnt'; did you mean 'get_incident'?", out.raised, 1, true)
      out = srv:run([[ return dd:call("Nope", {}) ]])
      assert.matches("unknown operation 'Nope'", out.raised, 1, true)
      assert.equal(0, #emu.requests())
    end)

    it("refuses options that mean nothing in nginx, naming what to do", function()
      for opt, want in pairs{ proxy = "do not go through an HTTP proxy",
          ca_file = "lua_ssl_trusted_certificate", transport = "cosockets",
          shared_dict = "no lua_shared_dict named 'nope'" } do
        local v = opt == "transport" and "function() end" or "'nope'"
        local out = srv:run(("return resty.new{ api_key = 'k-0001', app_key = 'k-0002', %s = %s }")
          :format(opt, v))
        assert.matches("datadog.resty.new: option " .. opt, out.raised, 1, true)
        assert.matches(want, out.raised, 1, true)
      end
      local out = srv:run([[ return resty.new{ api_key = "k-0001", app_key = "k-0002", timeout = -1 } ]])
      assert.matches("datadog.resty.new: option timeout must be between 0 and 86400", out.raised, 1, true)
    end)

    it("a call in init_by_lua (before the fork) is refused with the reason", function()
      local msg = values(srv:run([[ return init_error ]]))
      assert.matches("cannot call in the init phase", msg, 1, true)
      assert.matches("init_worker_by_lua", msg, 1, true)
    end)

    it("works from an ngx.timer.at callback", function()
      local out = srv:run([[
        local done
        assert(ngx.timer.at(0, function() done = { dd:list_opsgenie_services() } end))
        for _ = 1, 200 do if done then break end ngx.sleep(0.01) end
        return done and done[2].status
      ]])
      assert.equal(200, values(out))
    end)

    it("a call's own options and dd:with, as with libcurl", function()
      values(srv:run([[
        assert(dd:call("ListOpsgenieServices", {}, { headers = { ["X-Request-Id"] = "n-1" } }))
        assert(dd:with{ headers = { ["X-Request-Id"] = "n-2" }, timeout = 5 }
          :list_opsgenie_services())
        return true
      ]]))
      local log = emu.requests()
      assert.equal("n-1", log[1].headers["x-request-id"])
      assert.equal("n-2", log[2].headers["x-request-id"])
      local out = srv:run([[ return dd:with{ timeot = 5 } ]])
      assert.matches("unknown option 'timeot'", out.raised, 1, true)
    end)

    it("on_event tells attempts, waits and done from inside nginx too", function()
      emu.fault{ path = OG, count = 1, status = 503 }
      local types = values(srv:run(with_keys([[
        local seen = {}
        local c = resty.new{ base_url = BASE, api_key = K1, app_key = K2, retry = { base = 0.01 },
          on_event = function(e) seen[#seen + 1] = e.type .. (e.reason and (":" .. e.reason) or "") end }
        assert(c:list_opsgenie_services())
        return table.concat(seen, ",")
      ]])))
      assert.equal("attempt,wait:5xx,attempt,done", types)
    end)

    it("help, tostring and close", function()
      local out = srv:run([[
        local c = resty.new{ base_url = "http://127.0.0.1:9", api_key = "k-0001", app_key = "k-0002" }
        local s = tostring(c)
        local h = c:help("get_incident", { print = false })
        c:close()
        local ok, err = pcall(c.list_opsgenie_services, c)
        return s, h, ok, tostring(err)
      ]])
      local s, h, ok, err = values(out)
      assert.matches("^datadog.resty.client{base_url=http://127.0.0.1:9,", s)
      assert.not_matches("k%-0001", s)
      assert.matches("GetIncident", h, 1, true)
      assert.is_false(ok)
      assert.matches("client is closed", err, 1, true)
    end)
  end)

  describe("faults", function()
    local function call_og(extra_setup)
      return srv:run((extra_setup or "") .. [[
        local t0 = ngx.now()
        local res, resp = dd:list_opsgenie_services()
        return res, resp, ngx.now() - t0
      ]])
    end

    it("429 with X-RateLimit-Reset: waits it out with ngx.sleep, then succeeds", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "1" } }
      local res, resp, took = values(call_og())
      assert.is_table(res)
      assert.equal(2, resp.attempts)
      assert.is_true(took >= 0.9, took)
    end)

    it("503 on a GET is retried", function()
      emu.fault{ path = OG, count = 2, status = 503 }
      local res, resp = values(call_og())
      assert.is_table(res)
      assert.equal(3, resp.attempts)
    end)

    it("close_before and close_mid on a GET: retried to success", function()
      emu.fault{ path = OG, count = 1, action = "close_before" }
      emu.fault{ path = OG, count = 1, action = "close_mid" }
      local res, resp = values(call_og())
      assert.is_table(res, require("dkjson").encode(resp))
      -- close_before on a kept-alive connection goes out again at once on a
      -- fresh one, within the attempt (libcurl does the same for reads)
      assert.is_true(resp.attempts >= 2)
      assert.equal(3, #emu.requests())
    end)

    it("close_after on a POST: not resent, and says the server may have acted", function()
      emu.fault{ path = OG, method = "POST", count = 1, action = "close_after" }
      local res, err = values(srv:run([[
        return dd:create_opsgenie_service{ data = { type = "opsgenie-service", attributes = {
          name = "once", opsgenie_api_key = "og-key-0002", region = "us" } } }
      ]]))
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, err.attempts)
      local posts = 0
      for _, r in ipairs(emu.requests()) do if r.method == "POST" then posts = posts + 1 end end
      assert.equal(1, posts)
    end)

    it("a gzip body is decoded by the core", function()
      emu.fault{ path = OG, count = 1, action = "gzip" }
      local res, resp = values(call_og())
      assert.is_table(res)
      assert.equal("gzip", resp.headers["content-encoding"])
    end)

    it("a truncated body is a decode error, not a success", function()
      emu.fault{ path = OG, count = 1, action = "truncate" }
      local res, err = values(call_og())
      assert.is_nil(res)
      assert.equal("decode", err.kind)
    end)

    it("a delay past the timeout is a timeout", function()
      emu.fault{ path = OG, count = 1, delay_ms = 3000 }
      local res, err, took = values(srv:run(with_keys([[
        local c = resty.new{ base_url = BASE, api_key = K1, app_key = K2, timeout = 0.5 }
        local t0 = ngx.now()
        local res, err = c:list_opsgenie_services()
        return res, err, ngx.now() - t0
      ]])))
      assert.is_nil(res)
      assert.equal("timeout", err.kind)
      assert.is_true(took < 2.5, took)
    end)

    it("a refused connection is kind connect, retried for GET", function()
      local res, err = values(srv:run([[
        local c = resty.new{ base_url = "http://127.0.0.1:9", api_key = "k-0001",
          app_key = "k-0002", retry = { base = 0.01 } }
        return c:list_opsgenie_services()
      ]]))
      assert.is_nil(res)
      assert.equal("connect", err.kind)
      assert.equal(4, err.attempts)
    end)
  end)

  describe("batch", function()
    it("runs calls on light threads, results in input order", function()
      local out = srv:run([[
        local ids = {}
        for i = 1, 5 do
          local c = assert(dd:create_opsgenie_service{ data = { type = "opsgenie-service",
            attributes = { name = "b" .. i, opsgenie_api_key = "og-key-000" .. i, region = "us" } } })
          ids[i] = c.data.id
        end
        local calls = {}
        for i = 1, 5 do calls[i] = { "GetOpsgenieService", { integration_service_id = ids[i] } } end
        calls[6] = { "GetOpsgenieService", { integration_service_id = "missing" } }
        local r = dd:batch(calls, { concurrency = 3 })
        local names = {}
        for i = 1, 5 do names[i] = r[i][1].data.attributes.name end
        return names, r[6][1], r[6][2], r[1].n
      ]])
      local names, res6, err6, n = values(out)
      assert.same({ "b1", "b2", "b3", "b4", "b5" }, names)
      assert.is_nil(res6)
      assert.equal(404, err6.status)
      assert.equal(2, n)
    end)

    it("checks every call before sending any", function()
      local out = srv:run([[
        return dd:batch({ { "ListOpsgenieServices", {} }, { "GetIncident", {} } })
      ]])
      assert.matches("batch: calls[2]: GetIncident: incident_id must be a string", out.raised, 1, true)
      assert.equal(0, #emu.requests())
    end)
  end)

  describe("pagination", function()
    it("raises a failed page's error object; names misuse", function()
      local S = require "spec.emulator.support"
      S.create_incidents(7)
      emu.fault{ path = "^/api/v2/incidents$", count = 5, status = 503 }
      local failed = srv:run([[
        local seen = 0
        local ok, err = pcall(function()
          for _ in dd:paginate("ListIncidents", { page_size = 5 }) do seen = seen + 1 end
        end)
        return ok, err, seen
      ]])
      local ok, err, seen = values(failed)
      assert.is_false(ok)
      assert.is_true(err.is_error)
      assert.equal(503, err.status)
      assert.matches("^datadog: ListIncidents: HTTP 503", err.tostring)
      assert.equal(0, seen)

      local misuse = srv:run([[ return dd:list_incidents_with_pagination{ page_sise = 5 } ]])
      assert.matches("unknown parameter 'page_sise'; did you mean 'page_size'?", misuse.raised, 1, true)
    end)
  end)

  describe("never blocks the worker", function()
    it("a slow call: other requests on the same worker are answered first", function()
      emu.fault{ path = OG, count = 1, delay_ms = 1500 }
      local slow = srv:start_request("/run", "return dd:list_opsgenie_services()")
      emu.await_request(OG) -- the call is in flight
      local _, ping_done = srv:request("GET", "/ping")
      local body, slow_done = nginx.finish_request(slow)
      assert.matches('"status":200', body, 1, true)
      assert.is_true(ping_done < slow_done)
    end)

    it("a 429 wait does not hold up other requests either", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "1" } }
      local slow = srv:start_request("/run", "return dd:list_opsgenie_services()")
      emu.await_request(OG) -- the first attempt was answered: the call waits to retry
      local _, ping_done = srv:request("GET", "/ping")
      local _, slow_done = nginx.finish_request(slow)
      assert.is_true(ping_done < slow_done)
    end)
  end)

  describe("debug", function()
    it("goes to the error log at info, keys masked", function()
      -- the keys travel in the chunk (a request body nginx does not log)
      values(srv:run(with_keys([[
        local c = resty.new{ base_url = BASE, api_key = K1, app_key = K2, debug = true }
        return c:get_opsgenie_service(K1)
      ]])))
      local log = srv:log()
      assert.matches("%[info%].-datadog: GET [^\n]*/services/%*%*%*%* %-> 404 %(attempt 1", log)
      assert.not_matches(info.api_key, log, 1, true)
    end)
  end)
end)

describe("datadog.resty over TLS", function()
  local srv, bare

  setup(function()
    info = emu.start()
    srv = nginx.start{ http = "lua_ssl_trusted_certificate " .. info.ca_file .. ";" }
    bare = nginx.start{}
  end)
  teardown(function()
    if srv then srv:stop() end
    if bare then bare:stop() end
  end)

  -- by name: nginx checks certificates against host names, not IP addresses
  local function CALL(verify, url)
    return with_keys(([[
      local c = resty.new{ base_url = BASE, api_key = K1, app_key = K2, retry = false,
        verify = %s }
      return c:list_opsgenie_services()
    ]]):format(tostring(verify ~= false)), url or (info.tls_url:gsub("127%.0%.0%.1", "localhost")))
  end

  it("verifies the emulator's certificate against lua_ssl_trusted_certificate", function()
    local res, resp = values(srv:run(CALL()))
    assert.is_table(res, require("dkjson").encode(resp))
    assert.equal(200, resp.status)
    -- and again, on the kept-alive TLS connection
    res = values(srv:run(CALL()))
    assert.is_table(res)
  end)

  it("an IP address cannot be verified by nginx: the error says to use the name", function()
    local res, err = values(srv:run(CALL(true, info.tls_url)))
    assert.is_nil(res)
    assert.equal("tls", err.kind, err.message)
    assert.matches("use the host name in base_url", err.message, 1, true)
  end)

  it("without a trusted CA: a tls error that names the directive", function()
    local res, err = values(bare:run(CALL()))
    assert.is_nil(res)
    assert.equal("tls", err.kind)
    assert.matches("lua_ssl_trusted_certificate", err.message, 1, true)
  end)

  it("verify = false connects anyway", function()
    local res = values(bare:run(CALL(false)))
    assert.is_table(res)
  end)
end)

describe("datadog.resty with two workers", function()
  local srv

  setup(function()
    info = emu.start()
    srv = nginx.start{ workers = 2, init_worker = worker_client() }
  end)
  teardown(function() if srv then srv:stop() end end)

  -- Calls one after another, each landing on whichever worker accepts it.
  -- Returns the number of 429s the emulator answered and the workers seen.
  local function sequence(n, code, query)
    local workers = {}
    for _ = 1, n do
      local out = srv:run(code, query)
      assert.is_nil(out.raised, out.raised)
      assert.is_table(out.values[1], require("dkjson").encode(out.values[2]))
      workers[out.worker] = true
    end
    local n429 = 0
    for _, r in ipairs(emu.requests()) do if r.status == 429 then n429 = n429 + 1 end end
    return n429, workers
  end

  it("share a rate-limit window: a worker that did not meet it waits too", function()
    -- Remaining 0 announced to one worker makes every worker wait for the
    -- reset instead of each sending into its own 429
    local seen_both = false
    for _ = 1, 4 do
      emu.reset{ rate_limit = { limit = 2, period = 1 } }
      local n429, workers = sequence(6, "return dd:list_opsgenie_services()")
      assert.equal(0, n429)
      if workers[0] and workers[1] then seen_both = true break end
    end
    assert.is_true(seen_both, "the calls never landed on both workers")
  end)

  it("without shared_dict each worker meets its own 429 (the test can fail)", function()
    emu.reset{ rate_limit = { limit = 2, period = 1 } }
    local n429 = sequence(6, with_keys([[
      local c = resty.new{ base_url = BASE, api_key = K1, app_key = K2, retry = { base = 0.01 } }
      return c:list_opsgenie_services()
    ]]))
    assert.is_true(n429 > 0)
  end)
end)

-- datadog.haproxy in a real HAProxy (Debian 12's 2.6, Lua 5.3) against the emulator:
-- the operation families, error shapes, misuse, where calls may run, the TLS listener,
-- every framing, and that slow calls, many calls and rate-limit waits never stall it.
local socket = require "socket"
local emu = require "spec.helpers.emulator"
local hap = require "spec.helpers.haproxy"

local info
local values = hap.values
local OG = "^/api/v2/integration/opsgenie/services"

-- Options of a client on the emulator, as Lua source.
local function opts_src(extra)
  return ("base_url = %q, api_key = %q, app_key = %q, unstable = true, "
    .. "retry = { base = 0.01 }, %s"):format(info.base_url, info.api_key, info.app_key,
      extra or "")
end

-- The file lua-load runs: the client is made there (no I/O), and a call made there is
-- refused; a task, an action and a fetch call it at run time.
local function load_file()
  return ([[
    DD = require("datadog.haproxy").new{ %s }
    LOAD = { made = tostring(DD) }
    local ok, err = pcall(DD.list_opsgenie_services, DD)
    LOAD.at_load = ok and "no error" or tostring(err)
    core.register_task(function()
      local res, err = DD:list_opsgenie_services()
      LOAD.task = res and ("task: " .. #res.data .. " services") or tostring(err)
    end)
    core.register_action("dd_list", { "http-req" }, function(txn)
      local res, err = DD:list_opsgenie_services()
      txn:set_var("txn.dd", res and ("action: " .. #res.data .. " services") or tostring(err))
    end)
    core.register_fetches("dd_fetch", function(txn)
      local res = DD:list_opsgenie_services()
      return res and "fetched" or "failed"
    end)
  ]]):format(opts_src())
end

-- Answers written byte for byte by a TCP service of the same HAProxy, chosen by the
-- request's path (/<case>/...).
local RAW = [[
  local json = '{"data":{"id":"x1","type":"opsgenie-service"},\r\n"meta":\n{}}'
  RAW_JSON = json
  local answers = {
    close = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
      .. json,
    length = "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: " .. #json
      .. "\n\n" .. json,
    chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      .. "Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\n" .. json:sub(1, 5) .. "\r\n"
      .. string.format("%x", #json - 5) .. "\r\n" .. json:sub(6) .. "\r\n0\r\nX-T: t\r\n\r\n",
    cut = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
      .. json,
    silent = "",
  }
  core.register_service("raw", "tcp", function(applet)
    local first = applet:getline() or ""
    while true do
      local l = applet:getline()
      if not l or l == "\r\n" or l == "\n" or l == "" then break end
    end
    local case = first:match("^%u+ /api/v2/integration/opsgenie/services/(%w+)") or "close"
    if case == "silent" then core.msleep(3000) end
    applet:send(answers[case] or answers.close)
  end)
]]

local CFG = [[
frontend raw
    mode tcp
    bind 127.0.0.1:$PORT(raw)
    tcp-request content use-service lua.raw

frontend act
    bind 127.0.0.1:$PORT(act)
    http-request lua.dd_list
    http-request return status 200 content-type text/plain lf-string "%[var(txn.dd)]" if { path /act }
    http-request set-var(txn.f) lua.dd_fetch if { path /fetch }
    http-request return status 200 content-type text/plain lf-string "fetch: %[var(txn.f)]" if { path /fetch }
]]

-- The pattern of docs/HAPROXY.md: a loopback listener whose backend makes the verified TLS
-- connection (here to the emulator's HTTPS port, its CA, its name); and one that cannot
-- verify (the system's CAs do not sign the emulator's certificate).
local TLS_CFG = [[
frontend dd_tls
    bind 127.0.0.1:$PORT(listener)
    default_backend dd_tls
backend dd_tls
    server api 127.0.0.1:TLS_PORT ssl verify required ca-file CA_FILE sni str(localhost)
frontend dd_unverified
    bind 127.0.0.1:$PORT(unverified)
    default_backend dd_unverified
backend dd_unverified
    server api 127.0.0.1:TLS_PORT ssl verify required ca-file /etc/ssl/certs/ca-certificates.crt sni str(localhost)
]]

local function http_get(port, path)
  local s = socket.tcp()
  s:settimeout(30)
  assert(s:connect("127.0.0.1", port))
  s:send("GET " .. path .. " HTTP/1.0\r\nHost: t\r\n\r\n")
  local raw = s:receive("*a") or ""
  s:close()
  return raw:match("\r\n\r\n(.*)$") or raw
end

local function posts()
  local n = 0
  for _, r in ipairs(emu.requests()) do if r.method == "POST" then n = n + 1 end end
  return n
end

-- Without HAProxy (scripts/deps installs it) the specs that need one are pending.
local HAPROXY = emu.sh("command -v haproxy >/dev/null") == 0

describe("datadog.haproxy in HAProxy", function()
  if not HAPROXY then
    pending("HAProxy is not installed (bash scripts/deps installs Debian's haproxy)")
    return
  end
  local srv

  setup(function()
    info = emu.start()
    local tls = TLS_CFG:gsub("TLS_PORT", tostring(info.tls_port)):gsub("CA_FILE", info.ca_file)
    srv = hap.start{ body = load_file(), lua = RAW, cfg = CFG .. tls }
  end)
  teardown(function() if srv then srv:stop() end end)
  before_each(function() emu.reset() end)

  describe("every operation family", function()
    it("Opsgenie: create, get, list, update, delete, by name and by id", function()
      local name, n, renamed, del, status, gone, err = values(srv:run([[
        local created = assert(DD:create_opsgenie_service{ data = { type = "opsgenie-service",
          attributes = { name = "hap-svc", opsgenie_api_key = "og-key-0001", region = "us" } } })
        local id = created.data.id
        local got = assert(DD:get_opsgenie_service(id))
        local list = assert(DD:call("ListOpsgenieServices", {}))
        local upd = assert(DD:update_opsgenie_service(id, { data = { id = id,
          type = "opsgenie-service", attributes = { name = "renamed" } } }))
        local del, resp = DD:delete_opsgenie_service(id)
        local gone, err = DD:get_opsgenie_service(id)
        return got.data.attributes.name, #list.data, upd.data.attributes.name, del,
          resp.status, gone, err
      ]]))
      assert.equal("hap-svc", name)
      assert.equal(1, n)
      assert.equal("renamed", renamed)
      assert.is_true(del)
      assert.equal(204, status)
      assert.is_nil(gone)
      assert.equal(404, err.status)
      assert.matches("^datadog: GetOpsgenieService: HTTP 404", err.tostring)
    end)

    it("incidents with pagination, PagerDuty, a raw request", function()
      local seen, pd, raw = values(srv:run([[
        for i = 1, 7 do
          assert(DD:create_incident(haproxy.incident{ title = "i" .. i,
            customer_impacted = false }))
        end
        local seen = 0
        for _ in DD:list_incidents_with_pagination{ page_size = 3 } do seen = seen + 1 end
        local pd = assert(DD:create_pager_duty_integration_service{ service_name = "svc",
          service_key = "pd-key-0001" })
        local raw = assert(DD:request("GET", "/api/v2/integration/opsgenie/services"))
        return seen, pd.service_name, #raw.data
      ]]))
      assert.equal(7, seen)
      assert.equal("svc", pd)
      assert.equal(0, raw)
    end)

    it("help, prepare, tostring; the pure helpers come with it", function()
      local help, req, str, pure = values(srv:run([[
        return DD:help("get_incident", { print = false }), tostring(DD:prepare("GetIncident",
          { incident_id = "x" })), tostring(DD), haproxy.encode(haproxy.array{})
      ]]))
      assert.matches("GetIncident", help, 1, true)
      assert.matches("GET .*/api/v2/incidents/x, keys hidden", req)
      assert.matches("^datadog.haproxy.client", str)
      assert.equal("[]", pure)
    end)
  end)

  describe("error shapes", function()
    it("404, refused (connect) and a timeout return nil, err", function()
      emu.fault{ path = OG .. "$", count = 1, delay_ms = 3000 }
      local nf, refused, timeout, took = values(srv:run([[
        local _, nf = DD:get_opsgenie_service("missing")
        local c = haproxy.new{ base_url = "http://127.0.0.1:9", api_key = "k-0001",
          app_key = "k-0002", retry = { base = 0.01 } }
        local _, refused = c:list_opsgenie_services()
        local t = haproxy.new{ base_url = ]] .. ("%q"):format(info.base_url) .. [[,
          api_key = "k-0001", app_key = "k-0002", timeout = 0.5 }
        local t0 = core.now()
        local _, timeout = t:list_opsgenie_services()
        local t1 = core.now()
        return nf, refused, timeout, (t1.sec - t0.sec) + (t1.usec - t0.usec) / 1e6
      ]]))
      assert.equal(404, nf.status)
      assert.equal("http", nf.kind)
      assert.equal("connect", refused.kind)
      assert.equal(4, refused.attempts)
      assert.matches("cannot connect to 127.0.0.1:9", refused.message, 1, true)
      assert.equal("timeout", timeout.kind)
      assert.is_true(took >= 0.45 and took < 2, took)
    end)

    it("misuse raises the core's error objects, before anything is sent", function()
      local out = srv:run([[ return DD:get_incident() ]])
      assert.is_true(out.raised_value.is_error)
      assert.equal("invalid", out.raised_value.kind)
      assert.equal("GetIncident", out.raised_value.operation)
      assert.matches("incident_id must be a string", out.raised, 1, true)
      out = srv:run([[ return DD:list_opsgenie_servics() ]])
      assert.matches("did you mean 'list_opsgenie_services'", out.raised, 1, true)
      out = srv:run([[ return DD:batch({ { "ListOpsgenieServices", {} }, { "GetIncident", {} } }) ]])
      assert.matches("batch: calls[2]: GetIncident: incident_id must be a string", out.raised,
        1, true)
      assert.equal(0, #emu.requests())
    end)
  end)

  describe("where calls run", function()
    it("the client is made where lua-load runs; a call there is refused with the reason",
      function()
      local load = values(srv:run([[ return LOAD ]]))
      assert.matches("^datadog.haproxy.client", load.made)
      assert.matches("cannot call here: .*actions, services and tasks", load.at_load)
    end)

    it("in a task, an action and a service", function()
      local task = emu.await(function()
        local v = values(srv:run([[ return LOAD.task ]]))
        return v
      end, "the task's call")
      assert.equal("task: 0 services", task)
      assert.equal("action: 0 services", http_get(srv.ports.act, "/act"))
    end)

    it("in a fetch HAProxy stops the call at its first wait, and says so", function()
      local out = http_get(srv.ports.act, "/fetch")
      assert.equal("fetch: ", out)
      assert.matches("Lua sample%-fetch 'dd_fetch': yield not allowed", srv:log())
    end)
  end)

  describe("faults", function()
    it("a 429 is waited out with core.msleep, and the host answers meanwhile", function()
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "1" } }
      local t0 = socket.gettime()
      local slow = srv:start_request("/run", [[
        local res, resp = DD:list_opsgenie_services()
        return res, resp
      ]])
      emu.await_request(OG)
      local p0 = socket.gettime()
      local _, ping_done = srv:request("GET", "/ping")
      local out, done = hap.finish_request(slow)
      local res, resp = values(hap.unplain(emu.json(out)))
      print(("\n  429 waited: call %.0f ms, /ping meanwhile %.1f ms"):format(
        (done - t0) * 1e3, (ping_done - p0) * 1e3))
      assert.is_table(res)
      assert.equal(2, resp.attempts)
      assert.is_true(done - t0 >= 0.9)
      assert.is_true(ping_done < done)
      assert.is_true(ping_done - p0 < 0.1, ping_done - p0)
    end)

    it("a POST closed after reading is not sent again", function()
      emu.fault{ path = OG, method = "POST", count = 1, action = "close_after" }
      local res, err = values(srv:run([[
        return DD:create_opsgenie_service{ data = { type = "opsgenie-service", attributes = {
          name = "once", opsgenie_api_key = "og-key-0002", region = "us" } } }
      ]]))
      assert.is_nil(res)
      assert.equal("network", err.kind)
      assert.equal(1, err.attempts)
      assert.equal(1, posts())
    end)

    it("503 and closed connections on a GET are retried; gzip is decoded", function()
      emu.fault{ path = OG, count = 1, status = 503 }
      emu.fault{ path = OG, count = 1, action = "close_before" }
      emu.fault{ path = OG, count = 1, action = "gzip" }
      local res, resp = values(srv:run([[ return DD:list_opsgenie_services() ]]))
      assert.is_table(res)
      assert.equal(3, resp.attempts)
      assert.equal("gzip", resp.headers["content-encoding"])
    end)
  end)

  describe("debug", function()
    it("goes to HAProxy's log with core.Info, keys masked", function()
      values(srv:run(([[
        local c = haproxy.new{ base_url = %q, api_key = %q, app_key = %q, debug = true }
        return c:get_opsgenie_service(%q)
      ]]):format(info.base_url, info.api_key, info.app_key, info.api_key)))
      local log = srv:log()
      assert.matches("datadog: GET [^\n]*/services/%*%*%*%* %-> 404 %(attempt 1", log)
      assert.not_matches(info.api_key, log, 1, true)
    end)
  end)

  describe("never stalls the host", function()
    -- Pings /ping (a Lua service of the same HAProxy) n times, 20 ms apart: the slowest.
    local function pings(n)
      local worst = 0
      for _ = 1, n do
        local t0 = socket.gettime()
        local pong, t1 = srv:request("GET", "/ping")
        assert.equal('"pong"', pong)
        worst = math.max(worst, t1 - t0)
        socket.sleep(0.02)
      end
      return worst
    end

    -- One 300 ms call, then 20 at once, with /ping meanwhile: wall times.
    local function one_then_twenty(code)
      emu.fault{ path = OG, count = 1, delay_ms = 300 }
      local t0 = socket.gettime()
      local out, t1 = srv:request("POST", "/run", code(1))
      assert.matches('"status":200', out, 1, true)
      local one = t1 - t0
      emu.reset()
      return one
    end

    it("a slow call: /ping is answered first", function()
      emu.fault{ path = OG, count = 1, delay_ms = 1500 }
      local slow = srv:start_request("/run", "return DD:list_opsgenie_services()")
      emu.await_request(OG)
      local p0 = socket.gettime()
      local _, ping_done = srv:request("GET", "/ping")
      local body, slow_done = hap.finish_request(slow)
      assert.matches('"status":200', body, 1, true)
      assert.is_true(ping_done < slow_done)
      assert.is_true(ping_done - p0 < 0.3, ping_done - p0)
    end)

    it("20 concurrent 300 ms calls overlap, and /ping answers meanwhile", function()
      local call = function() return "return DD:list_opsgenie_services()" end
      local one = one_then_twenty(call)
      emu.fault{ path = OG, count = 20, delay_ms = 300 }
      local t0 = socket.gettime()
      local socks = {}
      for i = 1, 20 do socks[i] = srv:start_request("/run", call()) end
      local worst = pings(8)
      local last = 0
      for i = 1, 20 do
        local body, done = hap.finish_request(socks[i])
        assert.matches('"status":200', body, 1, true)
        last = math.max(last, done)
      end
      local all = last - t0
      print(("\n  20 concurrent requests, one 300 ms call each: one call %.0f ms, all 20 %.0f ms"
        .. " (%.2fx), slowest /ping meanwhile %.1f ms"):format(one * 1e3, all * 1e3, all / one,
        worst * 1e3))
      -- serial would take 20 x 300 ms = 6 s; a stalled host would hold /ping >= 300 ms
      assert.is_true(all < 3, all)
      assert.is_true(worst < 0.3, worst)
    end)

    it("a batch of 20 300 ms calls overlaps on tasks, and /ping answers meanwhile", function()
      local one = one_then_twenty(function() return "return DD:list_opsgenie_services()" end)
      emu.fault{ path = OG, count = 20, delay_ms = 300 }
      local t0 = socket.gettime()
      local batch = srv:start_request("/run", [[
        local calls = {}
        for i = 1, 20 do calls[i] = { "ListOpsgenieServices", {} } end
        local r = DD:batch(calls, { concurrency = 20 })
        local ok = 0
        for i = 1, 20 do if r[i][1] and r[i][2].status == 200 then ok = ok + 1 end end
        return ok
      ]])
      local worst = pings(8)
      local body, done = hap.finish_request(batch)
      local all = done - t0
      local ok = values(hap.unplain(emu.json(body)))
      print(("\n  dd:batch of 20 300 ms calls (concurrency 20): one call %.0f ms, the batch"
        .. " %.0f ms (%.2fx), slowest /ping meanwhile %.1f ms"):format(one * 1e3, all * 1e3,
        all / one, worst * 1e3))
      assert.equal(20, ok)
      assert.is_true(all < 3, all)
      assert.is_true(worst < 0.3, worst)
    end)
  end)

  describe("TLS through a listener of the same HAProxy", function()
    it("https goes to the listener, whose backend verifies; Host is the site's", function()
      local res, resp = values(srv:run(([[
        local c = haproxy.new{ base_url = %q, listener = "127.0.0.1:%d", api_key = %q,
          app_key = %q }
        return c:list_opsgenie_services()
      ]]):format(info.tls_url:gsub("127%.0%.0%.1", "localhost"), srv.ports.listener,
        info.api_key, info.app_key)))
      assert.is_table(res, require("dkjson").encode(resp))
      assert.equal(200, resp.status)
      local r = emu.requests()[1]
      assert.equal("https", r.scheme)
      assert.equal("localhost:" .. info.tls_port, r.headers.host)
    end)

    it("a backend that cannot verify: HAProxy answers 503, the keys never reach the API",
      function()
      local res, err = values(srv:run(([[
        local c = haproxy.new{ base_url = %q, listener = "127.0.0.1:%d", api_key = %q,
          app_key = %q, retry = false }
        return c:list_opsgenie_services()
      ]]):format(info.tls_url, srv.ports.unverified, info.api_key, info.app_key)))
      assert.is_nil(res)
      assert.equal(503, err.status)
      assert.equal(0, #emu.requests())
    end)

    it("new refuses https and sites without a listener, and host names, saying why",
      function()
      local out = srv:run([[ return haproxy.new{ api_key = "k-0001", app_key = "k-0002",
        site = "datadoghq.eu" } ]])
      assert.equal("invalid", out.raised_value.kind)
      assert.equal("site", out.raised_value.field)
      assert.matches("https://api.datadoghq.eu needs TLS, and HAProxy 2.6's connect_ssl "
        .. "verifies no certificate", out.raised, 1, true)
      out = srv:run([[ return haproxy.new{ api_key = "k-0001", app_key = "k-0002",
        base_url = "http://emulator.example:8080" } ]])
      assert.matches("connects to IP addresses only", out.raised, 1, true)
    end)
  end)

  describe("every framing, byte for byte", function()
    for _, case in ipairs{ "close", "length", "chunked" } do
      it(case, function()
        local res, resp, json = values(srv:run(([[
          local c = haproxy.new{ base_url = "http://127.0.0.1:%d", api_key = "k-0001",
            app_key = "k-0002", raw_body = true }
          local res, resp = c:get_opsgenie_service(%q)
          return res, resp, RAW_JSON
        ]]):format(srv.ports.raw, case)))
        assert.is_table(res, require("dkjson").encode(resp))
        assert.equal("x1", res.data.id)
        assert.equal(json, resp.body)
      end)
    end

    it("a body cut short and a silent server are errors, not successes", function()
      local cut, silent = values(srv:run(([[
        local c = haproxy.new{ base_url = "http://127.0.0.1:%d", api_key = "k-0001",
          app_key = "k-0002", retry = false, timeout = 0.5 }
        local _, cut = c:get_opsgenie_service("cut")
        local _, silent = c:get_opsgenie_service("silent")
        return cut, silent
      ]]):format(srv.ports.raw)))
      assert.equal("network", cut.kind)
      assert.matches("closed before the response was complete", cut.message, 1, true)
      assert.equal("timeout", silent.kind)
    end)
  end)
end)

describe("datadog.haproxy.new (no I/O: here, outside HAProxy)", function()
  local haproxy = require "datadog.haproxy"
  local KEYS = { api_key = "k-0001", app_key = "k-0002" }

  local function with(extra)
    local o = { api_key = KEYS.api_key, app_key = KEYS.app_key }
    for k, v in pairs(extra) do o[k] = v end
    return o
  end

  local function refused(opts)
    local ok, err = pcall(haproxy.new, opts)
    assert.is_false(ok, "not refused")
    assert.is_true(haproxy.is_error(err), tostring(err))
    assert.equal("invalid", err.kind)
    assert.equal("datadog.haproxy.new", err.operation)
    return err
  end

  it("refuses the options that mean nothing there, saying why", function()
    for name, why in pairs{ transport = "the transport is core.tcp", proxy = "HTTP proxy",
        ca_file = "connect_ssl takes no CA", ca_path = "connect_ssl takes no CA",
        windows = "counts rate%-limit windows itself" } do
      local err = refused(with{ base_url = "http://127.0.0.1:9", [name] = "x" })
      assert.equal(name, err.field)
      assert.matches("option " .. name .. " is not supported: .*" .. why, tostring(err))
    end
  end)

  it("listener: a loopback address and port", function()
    local base = "https://api.datadoghq.com"
    for _, bad in ipairs{ "10.0.0.1:9443", "127.0.0.1", "localhost:9443", "127.0.0.1:0" } do
      assert.equal("listener", refused(with{ base_url = base, listener = bad }).field)
    end
    assert.matches("must be a string", tostring(refused(with{ listener = 9443 })), 1, true)
    for _, good in ipairs{ "127.0.0.1:9443", "[::1]:9443" } do
      assert.matches("^datadog.haproxy.client", tostring(haproxy.new(with{ base_url = base,
        listener = good })))
    end
  end)

  it("a site or https needs the listener; plain HTTP needs an IP literal or localhost",
    function()
    assert.equal("site", refused(with{ site = "datadoghq.eu" }).field)
    assert.equal("base_url", refused(with{ base_url = "https://127.0.0.1:8443" }).field)
    assert.matches("cannot parse destination address",
      tostring(refused(with{ base_url = "http://api.example:80" })), 1, true)
    for _, ok in ipairs{ "http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080" } do
      haproxy.new(with{ base_url = ok }):close()
    end
    haproxy.new(with{ site = "datadoghq.eu", listener = "127.0.0.1:9443" }):close()
  end)

  it("datadog.new's options are checked by the core, named for this constructor", function()
    local err = refused(with{ base_url = "http://127.0.0.1:9", timeout = "soon" })
    assert.equal("timeout", err.field)
    assert.matches("^datadog.haproxy.new: option timeout must be a number", tostring(err))
    refused(with{ base_url = "http://127.0.0.1:9", colour = 1 })
    refused("x")
  end)

  it("a call where nothing may wait is refused with the reason", function()
    local dd = haproxy.new(with{ base_url = "http://127.0.0.1:9" })
    local ok, err = pcall(dd.list_opsgenie_services, dd)
    assert.is_false(ok)
    assert.equal("invalid", err.kind)
    assert.matches("cannot call here: .*actions, services and tasks", tostring(err))
    assert.has_error(function() dd:batch({}) end)
    assert.matches("did you mean 'get_incident'", tostring(select(2, pcall(function()
      return dd.get_incidnet end))), 1, true)
    dd:close()
  end)
end)

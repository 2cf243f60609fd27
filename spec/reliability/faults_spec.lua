-- The fault suite: one test per kind of failure the emulator can inject (and
-- the few it cannot, made here), each ending in its documented result:
--
--   fault                              result
--   429 storm, then success            the body; response.attempts = storm + 1
--   500 / 502 / 503 / 504              err.kind "http", err.status (retried first for GET)
--   5xx with a non-JSON body           err.kind "http", err.errors = {}, err.body raw
--   connection closed before answer    err.kind "network"
--   connection closed mid-body         err.kind "network"
--   truncated JSON body                err.kind "decode", err.status 200
--   malformed JSON body                err.kind "decode", err.status 200
--   server slower than the timeout     err.kind "timeout"
--   body larger than max_body          err.kind "too_large"
--   gzip body                          decoded transparently
--   gzip body that is not gzip         err.kind "network"
--   TLS: unknown CA, or not TLS at all err.kind "tls"
--   nothing listening                  err.kind "connect"
--
-- and a last test that repeats all of them and checks that memory and file
-- descriptors stay flat (valgrind checks the same run for leaks).
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"
local socket = require "socket"

local info

local client = require("spec.helpers.client").new

local OG = "^/api/v2/integration/opsgenie/services"

-- Asserts the shape every runtime failure shares: nil, an error object with
-- the kind, the operation, the attempts, and a one-line tostring.
local function failed(kind, res, err)
  assert.is_nil(res)
  assert.is_table(err)
  assert.equal(kind, err.kind, tostring(err))
  assert.equal("ListOpsgenieServices", err.operation)
  assert.is_number(err.attempts)
  local s = tostring(err)
  assert.matches("^datadog: ListOpsgenieServices: ", s)
  assert.is_nil(s:find("[\r\n]"), "tostring must be one line: " .. s)
  return err
end

-- A bigger list, so that a body cut in half is still something.
local function seed(n)
  local dd = client()
  for i = 1, n do
    assert(dd:create_opsgenie_service({ data = { type = "opsgenie-service", attributes = {
      name = ("service-%03d"):format(i), opsgenie_api_key = "og-key-0001", region = "eu" } } }))
  end
  emu.clear_requests()
end

describe("faults", function()
  info = emu.per_spec()

  it("a 429 storm, then success", function()
    emu.fault{ path = OG, count = 3, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
    local res, resp = client({ retry = { base = 0.001 } }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal(4, resp.attempts)
  end)

  for _, status in ipairs({ 500, 502, 503, 504 }) do
    it("HTTP " .. status .. ": an http error, after retries for GET", function()
      local reasons = { [500] = "Internal Server Error", [502] = "Bad Gateway",
                        [503] = "Service Unavailable", [504] = "Gateway Timeout" }
      emu.fault{ path = OG, count = 1, status = status }
      local err = failed("http", client():list_opsgenie_services())
      assert.equal(status, err.status)
      assert.equal(reasons[status], err.errors[1])
      -- the error only repeats the reason, so the line does not
      assert.equal(("datadog: ListOpsgenieServices: HTTP %d %s"):format(status, reasons[status]),
        tostring(err))
      -- with the default policy a GET gets through
      emu.fault{ path = OG, count = 2, status = status }
      local res, resp = client({ retry = { base = 0.001 } }):list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      assert.equal(3, resp.attempts)
    end)
  end

  it("a 5xx with an HTML body (a proxy's page): http error, raw body kept", function()
    local page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    emu.fault{ path = OG, count = 1, status = 502, body = page }
    local err = failed("http", client():list_opsgenie_services())
    assert.equal(502, err.status)
    assert.same({}, err.errors)
    assert.equal(page, err.body)
    assert.equal("datadog: ListOpsgenieServices: HTTP 502 Bad Gateway", tostring(err))
  end)

  it("the connection closed before any answer: network", function()
    emu.fault{ path = OG, count = 1, action = "close_before" }
    local err = failed("network", client():list_opsgenie_services())
    assert.is_nil(err.status)
    assert.matches("Empty reply from server", err.message, 1, true)
  end)

  it("the connection closed in the middle of the body: network", function()
    seed(5)
    emu.fault{ path = OG, count = 1, action = "close_mid" }
    local err = failed("network", client():list_opsgenie_services())
    assert.matches("network: transfer closed with %d+ bytes remaining to read", err.message)
  end)

  it("a truncated body (complete HTTP, half the JSON): decode", function()
    seed(3)
    emu.fault{ path = OG, count = 1, action = "truncate" }
    local err = failed("decode", client():list_opsgenie_services())
    assert.equal(200, err.status)
    assert.matches("^invalid JSON in the response %(HTTP 200%): .* at byte %d+$", err.message)
    assert.is_string(err.body)
    assert.is_true(#err.body > 0)
  end)

  it("a malformed JSON body: decode", function()
    emu.fault{ path = OG, count = 1, action = "malformed" }
    local err = failed("decode", client():list_opsgenie_services())
    assert.equal(200, err.status)
    assert.matches("emulator-malformed", err.body, 1, true)
    assert.is_table(err.headers)
  end)

  it("a server slower than the timeout: timeout, within the timeout", function()
    emu.fault{ path = OG, count = 1, delay_ms = 3000 }
    local t0 = socket.gettime()
    local err = failed("timeout", client({ timeout = 0.3 }):list_opsgenie_services())
    -- a loose bound: the point is that the call does not wait for the server
    assert.is_true(socket.gettime() - t0 < 2.5, "the call outlived its timeout")
    assert.matches("^timeout: Operation timed out after %d+ milliseconds", err.message)
  end)

  it("a server slower than usual but within the timeout: success", function()
    emu.fault{ path = OG, count = 1, delay_ms = 200 }
    assert.is_table(client({ timeout = 5 }):list_opsgenie_services())
  end)

  it("a body larger than max_body: too_large; within it: fine", function()
    seed(20)
    local err = failed("too_large", client({ max_body = 512 }):list_opsgenie_services())
    assert.equal("too_large: the response body is larger than max_body (512 bytes)", err.message)
    assert.equal(200, err.status)
    local res = client({ max_body = 1024 * 1024 }):list_opsgenie_services()
    assert.equal(20, #res.data)
  end)

  it("a gzip body: decoded transparently, and max_body counts decoded bytes", function()
    seed(20)
    emu.fault{ path = OG, count = 1, action = "gzip" }
    local res, resp = client():list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal(20, #res.data)
    assert.equal("gzip", resp.headers["content-encoding"])
    assert.equal("gzip,deflate", emu.requests()[1].headers["accept-encoding"])
    -- 20 services compress to far less than 1 KiB; decoded they are more
    emu.fault{ path = OG, count = 1, action = "gzip" }
    failed("too_large", client({ max_body = 1024 }):list_opsgenie_services())
  end)

  it("a gzip body without compress: not asked for, not decoded (decode error)", function()
    emu.fault{ path = OG, count = 1, action = "gzip" }
    local err = failed("decode", client({ compress = false }):list_opsgenie_services())
    assert.is_nil(emu.requests()[1].headers["accept-encoding"])
    assert.equal("\31\139", err.body:sub(1, 2)) -- the gzip magic, as received
  end)

  it("Content-Encoding: gzip on a body that is not gzip: network", function()
    emu.fault{ path = OG, count = 1, status = 200, body = "this is not gzip data",
               headers = { ["Content-Encoding"] = "gzip" } }
    local err = failed("network", client():list_opsgenie_services())
    assert.matches("network: .*[Ee]rror", err.message)
  end)

  it("TLS: a certificate from an unknown CA: tls", function()
    local err = failed("tls", client({ base_url = info.tls_url }):list_opsgenie_services())
    assert.matches("certificate", err.message)
    assert.equal(0, #emu.requests())
  end)

  it("TLS: https:// to a plain HTTP port: tls", function()
    local url = info.base_url:gsub("^http:", "https:")
    failed("tls", client({ base_url = url, ca_file = info.ca_file }):list_opsgenie_services())
  end)

  it("nothing listening: connect", function()
    local err = failed("connect", client({ base_url = "http://127.0.0.1:9" }):list_opsgenie_services())
    assert.matches("^connect: Failed to connect to 127.0.0.1 port 9", err.message)
  end)

  it("a server that accepts and never answers: timeout", function()
    local server = assert(socket.bind("127.0.0.1", 0))
    local _, port = server:getsockname()
    local err = failed("timeout", client({ base_url = "http://127.0.0.1:" .. port,
      timeout = 0.3 }):list_opsgenie_services())
    server:close()
    assert.is_nil(err.status)
  end)

  describe("a Lua transport that misbehaves", function()
    local function with(transport, extra)
      local o = { base_url = "http://transport.invalid", api_key = info.api_key,
        app_key = info.app_key, retry = false, transport = transport }
      for k, v in pairs(extra or {}) do o[k] = v end
      return require("datadog").new(o)
    end

    for label, status in pairs({ NaN = 0 / 0, huge = 1e300, negative = -200,
                                 fractional = 200.5, ["not HTTP"] = 42 }) do
      it("a status that is " .. label .. ": network, not undefined behaviour", function()
        local err = failed("network", with(function()
          return { status = status, headers = {}, body = "{}" }
        end):list_opsgenie_services())
        assert.matches("without an HTTP status", err.message, 1, true)
      end)
    end

    it("raises: network, with its message", function()
      local err = failed("network", with(function() error("socket gone") end):list_opsgenie_services())
      assert.matches("^transport error: .*socket gone", err.message)
    end)

    it("returns nothing at all: network", function()
      failed("network", with(function() end):list_opsgenie_services())
    end)

    it("dd:finish with a status that is not one: a clear argument error", function()
      local dd = with(function() end)
      assert.error_matches(function() dd:finish("ListOpsgenieServices", 0 / 0, {}, "") end,
        "an HTTP status")
      assert.error_matches(function() dd:finish("ListOpsgenieServices", 1e300, {}, "") end,
        "an HTTP status")
    end)

    it("is told when the body it must send is gzip (gzip_requests)", function()
      local got
      local dd = with(function(req)
        got = req
        return { status = 201, headers = {}, body = '{"service_name":"x"}' }
      end, { gzip_requests = 1 })
      assert(dd:create_pager_duty_integration_service({ service_name = "x", service_key = "k-0001" }))
      assert.equal("\31\139", got.body:sub(1, 2))
      assert.equal("gzip", got.headers["Content-Encoding"])
      assert.equal('{"service_name":"x","service_key":"k-0001"}',
        (assert(emu.gunzip(got.body)):gsub('"service_key":"k%-0001","service_name":"x"',
          '"service_name":"x","service_key":"k-0001"')))
    end)
  end)

  it("repeated 25 times over, memory and file descriptors stay flat", function()
    seed(5)
    local function round()
      local dd = client({ retry = { max = 1, base = 0.001 } })
      emu.fault{ path = OG, count = 1, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
      assert.is_table(dd:list_opsgenie_services())
      -- the connection faults are retried once (max = 1), the others not
      -- (a fresh client each: libcurl itself sends a request again, once, when
      -- a reused connection closes before any answer)
      for action, count in pairs({ close_before = 2, close_mid = 2, truncate = 1, malformed = 1 }) do
        emu.fault{ path = OG, count = count, action = action }
        local once <close> = client({ retry = { max = 1, base = 0.001 } })
        assert.is_nil(once:list_opsgenie_services())
      end
      assert.equal(0, #emu.faults())
      emu.fault{ path = OG, count = 1, action = "gzip" }
      assert.is_table(dd:list_opsgenie_services())
      emu.fault{ path = OG, count = 2, status = 503 }
      assert.is_nil(dd:list_opsgenie_services())
      assert.is_nil(client({ max_body = 64 }):list_opsgenie_services())
      assert.is_nil(client({ base_url = info.tls_url }):list_opsgenie_services())
      dd:close()
    end
    for _ = 1, 3 do round() end -- warm up: libcurl, OpenSSL and the allocator settle
    collectgarbage()
    collectgarbage()
    local rss0, fds0 = R.rss_kb(), R.fd_count()
    for _ = 1, 25 do round() end
    collectgarbage()
    collectgarbage()
    local grown = R.rss_kb() - rss0
    R.assert_flat(grown, 2048, "25 rounds of faults")
    assert.equal(fds0, R.fd_count())
  end)
end)

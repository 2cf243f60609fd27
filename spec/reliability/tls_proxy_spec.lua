-- TLS against the emulator's HTTPS listener (verification on by default,
-- ca_file, ca_path, verify = false with its one-time warning), and HTTP
-- proxies through a real tinyproxy started here: the proxy option, and the
-- environment variables libcurl reads (http_proxy, HTTPS_PROXY, all_proxy,
-- no_proxy...), checked in child processes that have them set. The client
-- reads them once, when it is made, with libcurl's rules.
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info

local client = require("spec.helpers.client").new

-- A child process that makes one call and prints "ok <status>" or
-- "err <kind> <message>". The URL and keys come from T_URL, DD_API_KEY,
-- DD_APP_KEY; extra options from T_CA and T_VERIFY.
local CHILD = [[
local datadog = require "datadog"
local dd = datadog.new{ base_url = os.getenv("T_URL"), ca_file = os.getenv("T_CA"),
  proxy = os.getenv("T_PROXY"), verify = os.getenv("T_VERIFY") ~= "0", retry = false, timeout = 10 }
local res, resp = dd:list_opsgenie_services()
if res then print("ok " .. resp.status) else print("err " .. resp.kind .. " " .. resp.message) end
]]

local function child(env)
  local base = { DD_API_KEY = info.api_key, DD_APP_KEY = info.app_key,
    http_proxy = false, https_proxy = false, HTTPS_PROXY = false, HTTP_PROXY = false,
    all_proxy = false, ALL_PROXY = false, no_proxy = false, NO_PROXY = false }
  for k, v in pairs(env) do base[k] = v end
  local code, out, err = R.lua(CHILD, base)
  return (out:gsub("%s+$", "")), err, code
end

describe("TLS", function()
  info = emu.per_spec()

  it("verifies by default: the emulator's self-signed certificate is refused", function()
    local res, err = client({ base_url = info.tls_url }):list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("tls", err.kind)
    assert.matches("certificate", err.message)
    assert.equal(0, #emu.requests())
  end)

  it("trusts a ca_file", function()
    local res, resp = client({ base_url = info.tls_url, ca_file = info.ca_file }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal("https", emu.requests()[1].scheme)
  end)

  it("checks the host name: https://localhost matches the certificate", function()
    local url = info.tls_url:gsub("127%.0%.0%.1", "localhost")
    local res, resp = client({ base_url = url, ca_file = info.ca_file }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
  end)

  it("trusts a ca_path (a hashed directory)", function()
    local dir = R.tmpdir()
    finally(function() R.rmdir(dir) end)
    R.write(dir .. "/emulator.pem", R.read(info.ca_file))
    local code, _, err = emu.sh("openssl rehash " .. R.q(dir))
    assert.equal(0, code, err)
    local res, resp = client({ base_url = info.tls_url, ca_path = dir }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
  end)

  it("an empty ca_path does not trust the emulator", function()
    local dir = R.tmpdir()
    finally(function() R.rmdir(dir) end)
    local res, err = client({ base_url = info.tls_url, ca_path = dir,
      ca_file = "/nonexistent/ca.pem" }):list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("tls", err.kind)
  end)

  it("a ca_file that does not exist: tls, nothing sent", function()
    local res, err = client({ base_url = info.tls_url, ca_file = "/nonexistent/ca.pem" })
      :list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("tls", err.kind)
    assert.equal(0, #emu.requests())
  end)

  it("a ca_file that is not a certificate: tls", function()
    local dir = R.tmpdir()
    finally(function() R.rmdir(dir) end)
    R.write(dir .. "/junk.pem", "not a certificate\n")
    local res, err = client({ base_url = info.tls_url, ca_file = dir .. "/junk.pem" })
      :list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("tls", err.kind)
  end)

  it("verify = false connects without the CA, and warns once per process", function()
    local out, err = child({ T_URL = info.tls_url, T_VERIFY = "0" })
    assert.equal("ok 200", out)
    local code = [[
      local datadog = require "datadog"
      for _ = 1, 3 do
        local dd = datadog.new{ base_url = os.getenv("T_URL"), verify = false }
        assert(dd:list_opsgenie_services())
      end
      print("done")
    ]]
    local _, out3, err3 = R.lua(code, { T_URL = info.tls_url, DD_API_KEY = info.api_key,
      DD_APP_KEY = info.app_key })
    assert.equal("done\n", out3)
    local _, n = err3:gsub("TLS certificate verification is off", "")
    assert.equal(1, n, err3)
    assert.matches("warning", err, 1, true)
  end)

  it("verify = true (the default) does not warn", function()
    local out, err = child({ T_URL = info.tls_url, T_CA = info.ca_file })
    assert.equal("ok 200", out)
    assert.equal("", err)
  end)
end)

describe("proxy", function()
  local proxy

  setup(function()
    info = emu.start()
    proxy = R.proxy()
  end)
  teardown(function() R.proxy_stop(proxy) end)
  before_each(function() emu.reset() end)

  local function proxied_count()
    return #R.proxy_requests(proxy)
  end

  it("the proxy option sends plain HTTP through the proxy", function()
    local before = proxied_count()
    local res, resp = client({ proxy = proxy.url }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    local got = emu.requests()[1]
    assert.matches("tinyproxy", got.headers.via, 1, true)
    local reqs = R.proxy_requests(proxy)
    assert.equal(before + 1, #reqs)
    assert.equal("GET " .. info.base_url .. "/api/v2/integration/opsgenie/services HTTP/1.1",
      reqs[#reqs])
  end)

  it("the proxy option tunnels HTTPS (CONNECT), still verifying the server", function()
    local before = proxied_count()
    local res, resp = client({ proxy = proxy.url, base_url = info.tls_url, ca_file = info.ca_file })
      :list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal("https", emu.requests()[1].scheme)
    local reqs = R.proxy_requests(proxy)
    assert.equal(before + 1, #reqs)
    assert.equal("CONNECT 127.0.0.1:" .. info.tls_port .. " HTTP/1.1", reqs[#reqs])
    -- through the tunnel, the certificate is still checked
    local nores, err = client({ proxy = proxy.url, base_url = info.tls_url }):list_opsgenie_services()
    assert.is_nil(nores)
    assert.equal("tls", err.kind)
  end)

  it("a proxy that is down: connect", function()
    local res, err = client({ proxy = "http://127.0.0.1:9" }):list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("connect", err.kind)
    assert.equal(0, #emu.requests())
  end)

  it("honours http_proxy from the environment", function()
    local before = proxied_count()
    local out = child({ T_URL = info.base_url, http_proxy = proxy.url })
    assert.equal("ok 200", out)
    assert.matches("tinyproxy", emu.requests()[1].headers.via, 1, true)
    assert.equal(before + 1, proxied_count())
  end)

  it("honours HTTPS_PROXY from the environment", function()
    local before = proxied_count()
    local out = child({ T_URL = info.tls_url, T_CA = info.ca_file, HTTPS_PROXY = proxy.url })
    assert.equal("ok 200", out)
    local reqs = R.proxy_requests(proxy)
    assert.equal(before + 1, #reqs)
    assert.equal("CONNECT 127.0.0.1:" .. info.tls_port .. " HTTP/1.1", reqs[#reqs])
  end)

  it("honours no_proxy from the environment", function()
    local before = proxied_count()
    local out = child({ T_URL = info.base_url, http_proxy = proxy.url, no_proxy = "127.0.0.1" })
    assert.equal("ok 200", out)
    assert.is_nil(emu.requests()[1].headers.via)
    assert.equal(before, proxied_count())
  end)

  it("ignores upper-case HTTP_PROXY for http:// (as libcurl does: httpoxy)", function()
    local before = proxied_count()
    local out = child({ T_URL = info.base_url, HTTP_PROXY = proxy.url })
    assert.equal("ok 200", out)
    assert.is_nil(emu.requests()[1].headers.via)
    assert.equal(before, proxied_count())
  end)

  it("a dead proxy in the environment: connect", function()
    local out = child({ T_URL = info.base_url, http_proxy = "http://127.0.0.1:9" })
    assert.matches("^err connect ", out)
    assert.equal(0, #emu.requests())
  end)

  it("honours all_proxy, and ALL_PROXY when all_proxy is not set", function()
    for _, name in ipairs({ "all_proxy", "ALL_PROXY" }) do
      emu.reset()
      local before = proxied_count()
      local out = child({ T_URL = info.base_url, [name] = proxy.url })
      assert.equal("ok 200", out, name)
      assert.matches("tinyproxy", emu.requests()[1].headers.via, 1, true)
      assert.equal(before + 1, proxied_count(), name)
    end
  end)

  it("prefers the scheme's own variable to all_proxy", function()
    local before = proxied_count()
    local out = child({ T_URL = info.base_url, http_proxy = proxy.url,
      all_proxy = "http://127.0.0.1:9" })
    assert.equal("ok 200", out)
    assert.equal(before + 1, proxied_count())
    -- and the other scheme's variable is not used for http://
    out = child({ T_URL = info.base_url, https_proxy = "http://127.0.0.1:9" })
    assert.equal("ok 200", out)
  end)

  it("takes an empty variable as not set", function()
    local before = proxied_count()
    local out = child({ T_URL = info.base_url, http_proxy = "", all_proxy = proxy.url,
      no_proxy = "" })
    assert.equal("ok 200", out)
    assert.equal(before + 1, proxied_count())
  end)

  it("applies no_proxy and NO_PROXY to the proxy option too, as libcurl does", function()
    for _, name in ipairs({ "no_proxy", "NO_PROXY" }) do
      emu.reset()
      local before = proxied_count()
      local out = child({ T_URL = info.base_url, T_PROXY = "http://127.0.0.1:9",
        [name] = "127.0.0.1" })
      assert.equal("ok 200", out, name)
      assert.equal(before, proxied_count(), name)
    end
  end)

  it("the proxy option wins over the environment", function()
    local code = [[
      local datadog = require "datadog"
      local dd = datadog.new{ base_url = os.getenv("T_URL"), proxy = os.getenv("T_PROXY"), retry = false }
      local res, resp = dd:list_opsgenie_services()
      print(res and "ok" or resp.kind)
    ]]
    local _, out = R.lua(code, { T_URL = info.base_url, T_PROXY = proxy.url,
      http_proxy = "http://127.0.0.1:9", DD_API_KEY = info.api_key, DD_APP_KEY = info.app_key })
    assert.equal("ok\n", out)
    assert.matches("tinyproxy", emu.requests()[1].headers.via, 1, true)
  end)
end)

-- Secret hygiene: the API key, the application key, PagerDuty service keys
-- and Opsgenie API keys never appear in a debug line (function or stderr),
-- an error (message, errors, body, headers, tostring) or a tostring, even
-- when the server or a transport echoes them back. (The emulator masks keys
-- in its own request log; that is its business, not checked here.)
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info

local SERVICE_KEY = "pd-service-key-S3CR3T-5f2a9c81d7"
local OPSGENIE_KEY = "og-api-key-S3CR3T-0b1e7d44c2"
local PROXY_PASSWORD = "proxy-pw-S3CR3T-77aa"

local OG = "^/api/v2/integration/opsgenie/services"
local PD = "^/api/v1/integration/pagerduty/configuration/services"

-- Everything gathered from the module, to be searched at the end of each test.
local seen

local function secrets()
  return { info.api_key, info.app_key, SERVICE_KEY, OPSGENIE_KEY, PROXY_PASSWORD }
end

local function keep(where, s)
  if s ~= nil then seen[#seen + 1] = { where, tostring(s) } end
end

-- Every string an error object offers.
local function keep_error(where, err)
  if type(err) ~= "table" then return keep(where, err) end
  keep(where .. " tostring", tostring(err))
  keep(where .. " message", err.message)
  keep(where .. " body", err.body)
  for i, e in ipairs(err.errors or {}) do keep(where .. " errors[" .. i .. "]", e) end
  for k, v in pairs(err.headers or {}) do keep(where .. " header " .. k, v) end
end

local function keep_call(where, res, err)
  if res == nil then keep_error(where, err) end
  return res, err
end

local function debug_fn()
  return function(line) keep("debug line", line) end
end

local function client(extra)
  local o = { debug = debug_fn() }
  for k, v in pairs(extra or {}) do o[k] = v end
  local dd = R.client(info, o)
  keep("tostring(dd)", tostring(dd))
  return dd
end

local function og_body(name)
  return { data = { type = "opsgenie-service", attributes = {
    name = name or "svc", opsgenie_api_key = OPSGENIE_KEY, region = "us" } } }
end

-- Searches everything kept for every secret, whole and by its first 12
-- characters (a value cut short must not leave a usable piece behind).
local function assert_clean()
  assert.is_true(#seen > 0, "nothing was collected")
  R.figure("secrets: strings searched", #seen)
  for _, item in ipairs(seen) do
    for _, s in ipairs(secrets()) do
      assert.is_nil(item[2]:find(s, 1, true),
        ("%s contains a secret: %s"):format(item[1], item[2]))
      assert.is_nil(item[2]:find(s:sub(1, 12), 1, true),
        ("%s contains the start of a secret: %s"):format(item[1], item[2]))
    end
  end
end

describe("secrets", function()
  setup(function() info = emu.start() end)
  before_each(function()
    emu.reset()
    seen = {}
  end)
  after_each(function() assert_clean() end)

  it("stay out of the debug log of successful calls that carry them", function()
    local dd = client({ retry = { base = 0.001 } })
    local og = assert(keep_call("create og", dd:create_opsgenie_service(og_body())))
    keep_call("update og", dd:update_opsgenie_service(og.data.id, { data = { id = og.data.id,
      type = "opsgenie-service", attributes = { opsgenie_api_key = OPSGENIE_KEY .. "-2" } } }))
    keep_call("create pd", dd:create_pager_duty_integration_service({ service_name = "pd",
      service_key = SERVICE_KEY }))
    keep_call("update pd", dd:update_pager_duty_integration_service("pd", { service_key = SERVICE_KEY }))
    keep_call("get pd", dd:get_pager_duty_integration_service("pd"))
    keep_call("delete pd", dd:delete_pager_duty_integration_service("pd"))
    assert.is_true(#seen >= 7)
  end)

  it("stay out of every failure: retries, waits, faults, timeouts, TLS, connect", function()
    local dd = client({ retry = { base = 0.001 }, timeout = 0.5, max_body = 100000 })
    emu.fault{ path = PD, count = 2, status = 429, headers = { ["X-RateLimit-Reset"] = "0" } }
    emu.fault{ path = PD, count = 1, status = 503 }
    keep_call("429 then 503", dd:create_pager_duty_integration_service({ service_name = "a",
      service_key = SERVICE_KEY }))
    for _, action in ipairs({ "close_before", "close_mid", "truncate", "malformed", "gzip" }) do
      emu.fault{ path = OG, method = "POST", count = 1, action = action }
      keep_call(action, dd:create_opsgenie_service(og_body(action)))
    end
    emu.fault{ path = PD, count = 1, delay_ms = 1500 }
    keep_call("timeout", dd:update_pager_duty_integration_service("a", { service_key = SERVICE_KEY }))
    keep_call("too large", client({ max_body = 10 }):create_opsgenie_service(og_body("big")))
    keep_call("tls", client({ base_url = info.tls_url }):create_pager_duty_integration_service({
      service_name = "b", service_key = SERVICE_KEY }))
    keep_call("connect", client({ base_url = "http://127.0.0.1:9", retry = { base = 0.001 } })
      :create_opsgenie_service(og_body()))
    keep_call("proxy down", client({ proxy = "http://user:" .. PROXY_PASSWORD .. "@127.0.0.1:9" })
      :list_opsgenie_services())
    -- a 400 from the server's own validation (validation off here)
    keep_call("server 400", client({ validate = false }):create_opsgenie_service({ data = {
      type = "opsgenie-service", attributes = { opsgenie_api_key = OPSGENIE_KEY } } }))
    assert.is_true(#seen >= 30, #seen .. " strings")
  end)

  it("are masked when the server echoes them in errors, bodies and headers", function()
    -- (only what the request carried can be recognised: the two keys and
    -- this body's service_key)
    local echo = ('{"errors":["bad api key %s","app %s","service_key %s"],"x":"%s"}')
      :format(info.api_key, info.app_key, SERVICE_KEY, info.api_key)
    local dd = client()
    emu.fault{ path = PD, count = 1, status = 400, body = echo,
               headers = { ["X-Echo-Key"] = info.api_key, ["X-Echo-Service"] = SERVICE_KEY } }
    local res, err = keep_call("echo 400", dd:create_pager_duty_integration_service({
      service_name = "pd", service_key = SERVICE_KEY }))
    assert.is_nil(res)
    assert.equal(3, #err.errors)
    assert.equal("bad api key ****", err.errors[1])
    assert.equal("service_key ****", err.errors[3])
    assert.matches("****", err.headers["x-echo-key"], 1, true)
    -- a decode error keeps the raw body: masked too
    emu.fault{ path = OG, count = 1, action = "malformed",
               body = "{oops " .. OPSGENIE_KEY .. " " .. info.app_key }
    keep_call("echo malformed", dd:create_opsgenie_service(og_body()))
    -- a 5xx page, after retries
    emu.fault{ path = OG, count = 2, status = 502, body = "<p>" .. info.api_key .. "</p>" }
    keep_call("echo 502", client({ retry = { max = 1, base = 0.001 } }):list_opsgenie_services())
  end)

  it("are masked in a successful response's headers, the other headers untouched", function()
    local dd = client()
    local og = assert(keep_call("create og", dd:create_opsgenie_service(og_body("echo-ok"))))
    local id = og.data.id
    -- one value with a key, one with none, and a key only in a header's name
    emu.fault{ path = OG, count = 1, delay_ms = 1, headers = {
      ["X-Echo-App"] = "app=" .. info.app_key .. ";api=" .. info.api_key,
      ["X-Plain"] = "nothing secret here",
      ["X-" .. info.api_key:sub(1, 8)] = "name only" } }
    local body, response = keep_call("echo 200", dd:get_opsgenie_service(id))
    assert.equal(id, body.data.id)
    assert.equal("app=****;api=****", response.headers["x-echo-app"])
    assert.equal("nothing secret here", response.headers["x-plain"])
    assert.equal("name only", response.headers["x-" .. info.api_key:sub(1, 8):lower()])
    -- and a response with no key anywhere keeps every value as sent
    local _, plain = assert(dd:get_opsgenie_service(id))
    assert.is_nil(plain.headers["x-echo-app"])
    assert.equal("application/json", plain.headers["content-type"])
    for k, v in pairs(response.headers) do keep("200 header " .. k, v) end
  end)

  it("are masked in what a Lua transport reports", function()
    local mode
    local dd = datadog.new{ base_url = "http://transport.invalid", api_key = info.api_key,
      app_key = info.app_key, debug = debug_fn(), retry = { max = 1, base = 0.001,
      methods = { "GET", "POST" } },
      transport = function(req)
        keep("tostring(request)", tostring(req))
        local k = req.headers["DD-API-KEY"]
        if mode == "raise" then error("transport blew up with " .. k .. " " .. req.body) end
        if mode == "nil" then return nil, { kind = "network", message = "lost " .. k } end
        if mode == "string" then return nil, "lost " .. req.headers["DD-APPLICATION-KEY"] end
        -- a long message: cut to fit, it must not keep the start of a key
        if mode == "long" then return nil, ("x"):rep(235) .. k end
        return { status = 500, headers = { ["X-Echo"] = k }, body = '{"errors":["' .. req.body:gsub('"', "'") .. '"]}' }
      end }
    for _, m in ipairs({ "raise", "nil", "string", "long", "echo" }) do
      mode = m
      keep_call("transport " .. m, dd:create_pager_duty_integration_service({ service_name = "t",
        service_key = SERVICE_KEY }))
    end
  end)

  it("are never in tostring of a client, a prepared request or the config", function()
    local dd = client({ proxy = "http://user:" .. PROXY_PASSWORD .. "@127.0.0.1:3128" })
    local req = dd:prepare("CreatePagerDutyIntegrationService",
      { body = { service_name = "x", service_key = SERVICE_KEY } })
    keep("tostring(prepared)", tostring(req))
    keep("tostring(dd)", tostring(dd))
    dd:close()
    keep("tostring(closed)", tostring(dd))
  end)

  it("are never echoed by misuse errors", function()
    local function raise(where, fn)
      local ok, err = pcall(fn)
      assert.is_false(ok, where)
      keep(where, err)
    end
    raise("api_key with CR", function() client({ api_key = info.api_key .. "\r\n" }) end)
    raise("app_key with NUL", function() client({ app_key = "\0" .. info.app_key }) end)
    raise("api_key too long", function() client({ api_key = info.api_key:rep(20) }) end)
    raise("env key with LF", function()
      datadog.config(nil, function(k)
        return ({ DD_API_KEY = info.api_key .. "\n", DD_APP_KEY = info.app_key })[k]
      end)
      datadog.new{ api_key = info.api_key .. "\n", app_key = info.app_key }
    end)
    local dd = client()
    raise("service_key wrong type next to a key", function()
      dd:create_pager_duty_integration_service({ service_name = 1, service_key = SERVICE_KEY })
    end)
    raise("opsgenie body error", function()
      dd:create_opsgenie_service({ data = { type = "opsgenie-service",
        attributes = { opsgenie_api_key = OPSGENIE_KEY, region = "mars", name = "x" } } })
    end)
  end)

  it("stay out of stderr with debug = true and keys from the environment", function()
    local code = [[
      local datadog = require "datadog"
      local dd = datadog.new{ base_url = os.getenv("T_URL"), debug = true, unstable = true,
        retry = { base = 0.001 } }
      local pd = { service_name = "env", service_key = os.getenv("T_SERVICE_KEY") }
      print(select(2, dd:create_pager_duty_integration_service(pd)).status)
      print(select(2, dd:create_pager_duty_integration_service(pd)))      -- 409
      print(select(2, dd:update_pager_duty_integration_service("env", pd)).status)
      print(select(2, dd:create_opsgenie_service{ data = { type = "opsgenie-service",
        attributes = { name = "e", opsgenie_api_key = os.getenv("T_OG_KEY"), region = "us" } } }).status)
      local bad = datadog.new{ base_url = "http://127.0.0.1:9", debug = true, retry = { base = 0.001 } }
      print(select(2, bad:create_pager_duty_integration_service(pd)))
      local tls = datadog.new{ base_url = os.getenv("T_TLS"), debug = true, verify = false }
      print(select(2, tls:get_pager_duty_integration_service("env")).status)
      print(tostring(dd), tostring(bad))
    ]]
    emu.fault{ path = PD, method = "PUT", count = 1, status = 503 }
    emu.fault{ path = PD, method = "POST", count = 1, status = 429,
               headers = { ["X-RateLimit-Reset"] = "0" }, body = '{"errors":["' .. SERVICE_KEY .. '"]}' }
    local status, out, err = R.lua(code, { T_URL = info.base_url, T_TLS = info.tls_url,
      DD_API_KEY = info.api_key, DD_APP_KEY = info.app_key,
      T_SERVICE_KEY = SERVICE_KEY, T_OG_KEY = OPSGENIE_KEY })
    assert.equal(0, status, err)
    keep("child stdout", out)
    for line in err:gmatch("[^\n]+") do keep("child stderr", line) end
    local _, lines = err:gsub("\n", "")
    assert.is_true(lines >= 10, "stderr had " .. lines .. " lines:\n" .. err)
    assert.matches("datadog: PUT .* %-> 503 %(attempt 1", err)
    assert.matches("waiting [%d.]+ s before attempt 2", err)
  end)
end)

-- Secrets in every form and at every cut (issue 16, items 4 to 6): a key
-- near the cut of a fixed-size message (err.message, debug lines) leaves no
-- piece behind; keys echoed as response header names, or spelt with JSON
-- string escapes in an error body, are masked; and a call keeps its own
-- copies of what it masks, whatever the caller's code drops.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info
local API_KEY = "ZkQ7api9c4e1b7d2a8f03e6b5d9c1a7e4f2"
local APP_KEY = "XpW3app0f6a2c9e4b1d7a3f8e2c6b0d5a9"
local SERVICE_KEY = "Vn8svc-5f2a9c81d7e3b6a04c9f1e2d8b7a"
local OG = "^/api/v2/integration/opsgenie/services"

-- No piece of any key of 4 bytes or more, and no key's first byte at the end.
local function assert_clean(text, where)
  text = tostring(text)
  for _, key in ipairs { API_KEY, APP_KEY, SERVICE_KEY } do
    for i = 1, #key - 3 do
      local piece = key:sub(i, i + 3)
      assert.is_nil(text:find(piece, 1, true), ("%s holds %q of a key: %s"):format(where, piece, text:sub(-80)))
    end
  end
end

local function echo_client(answer, extra)
  local opts = { base_url = "http://x.invalid", api_key = API_KEY, app_key = APP_KEY,
    retry = false, unstable = true, transport = function(req) return answer(req) end }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts)
end

describe("secrets", function()
  info = emu.per_spec()

  describe("at the cut of a fixed-size message (item 5)", function()
    it("err.message and tostring keep no piece of a key, wherever the cut falls", function()
      for shift = -40, 40 do
        local pad = ("x"):rep(511 - #"HTTP 400 Bad Request: " - 16 + shift)
        local dd = echo_client(function()
          return { status = 400, headers = {}, body = '{"errors":["' .. pad .. API_KEY .. '"]}' }
        end)
        local _, err = dd:list_opsgenie_services()
        assert_clean(err.message, "err.message (shift " .. shift .. ")")
        assert_clean(tostring(err), "tostring(err)")
        for _, e in ipairs(err.errors) do assert_clean(e, "err.errors") end
      end
    end)

    it("a secret body field near the cut too (PagerDuty service_key)", function()
      for shift = -20, 20, 4 do
        local pad = ("y"):rep(480 + shift)
        local dd = echo_client(function()
          return { status = 409, headers = {}, body = '{"errors":["' .. pad .. SERVICE_KEY .. '"]}' }
        end)
        local _, err = dd:create_pager_duty_integration_service{ service_name = "s", service_key = SERVICE_KEY }
        assert_clean(err.message, "err.message")
      end
    end)

    it("debug lines keep no piece of a key passed inside a long path parameter", function()
      for shift = -30, 30, 3 do
        local log, lines = R.recorder()
        local dd = echo_client(function() return { status = 404, headers = {}, body = "{}" } end,
          { debug = log })
        dd:get_incident(("i"):rep(470 + shift) .. API_KEY .. "-" .. APP_KEY)
        assert.is_true(#lines > 0)
        for _, l in ipairs(lines) do assert_clean(l, "debug line") end
      end
    end)

    it("a failure message from a transport, cut, keeps none either", function()
      for shift = -20, 20, 5 do
        local dd = echo_client(function() return nil, ("z"):rep(230 + shift) .. APP_KEY end)
        local _, err = dd:list_opsgenie_services()
        assert.equal("network", err.kind)
        assert_clean(err.message, "err.message")
      end
    end)
  end)

  describe("in every form a server can echo them (item 6)", function()
    it("as response header names, in errors and in successes", function()
      local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
        retry = false }
      emu.fault{ path = OG, count = 1, status = 403,
        headers = { ["X-Echo-" .. info.api_key] = "1", ["X-" .. info.app_key .. "-Seen"] = "yes" } }
      local _, err = dd:list_opsgenie_services()
      assert.equal(403, err.status)
      local n = 0
      for name, value in pairs(err.headers) do
        assert.is_nil(name:find(info.api_key:lower(), 1, true))
        assert.is_nil(name:find(info.app_key:lower(), 1, true))
        if name:find("****", 1, true) then n = n + 1; assert.is_truthy(value) end
      end
      assert.equal(2, n, "both echoed headers are kept, masked")
      emu.fault{ path = OG, count = 1, status = 200, body = '{"data":[]}',
        headers = { ["X-Echo-" .. info.api_key] = "1" } }
      local res, response = dd:list_opsgenie_services()
      assert.is_table(res)
      assert.is_not_nil(response.headers["x-echo-****"])
    end)

    it("as JSON string escapes in err.body, every character or a few", function()
      local function u(s, every)
        return (s:gsub("()(.)", function(i, ch)
          if every or i % 3 == 0 then return ("\\u%04x"):format(ch:byte()) end
          return ch
        end))
      end
      local forms = { u(API_KEY, true), u(API_KEY, false), (u(API_KEY, true):upper():gsub("\\U", "\\u")),
        (API_KEY:gsub("a", "\\u0061")), (SERVICE_KEY:gsub("%-", "\\u002d")) }
      for _, form in ipairs(forms) do
        local dd = echo_client(function()
          return { status = 400, headers = {}, body = '{"errors":["bad key ' .. form .. '"],"k":"' .. form .. '"}' }
        end)
        local _, err = dd:create_pager_duty_integration_service{ service_name = "s", service_key = SERVICE_KEY }
        assert_clean(err.body, "err.body")
        local decoded = emu.json(err.body) -- still JSON, and what it says holds no key
        assert_clean(decoded.errors[1] .. decoded.k, "decoded err.body")
        assert_clean(err.message, "err.message")
        assert.matches("bad key %*%*%*%*", err.errors[1])
      end
    end)

    it("with \\/ and surrogate pairs in secret body fields", function()
      local key = "Wq/svc/\u{1F511}/0042"
      local forms = { (key:gsub("/", "\\/")), (key:gsub("\u{1F511}", "\\ud83d\\udd11")),
        (key:gsub("/", "\\u002F"):gsub("\u{1F511}", "\\uD83D\\uDD11")) }
      for _, form in ipairs(forms) do
        local dd = echo_client(function()
          return { status = 400, headers = {}, body = '{"errors":["echo ' .. form .. '"]}' }
        end)
        local _, err = dd:create_pager_duty_integration_service{ service_name = "s", service_key = key }
        assert.is_nil(err.body:find(form, 1, true), err.body)
        assert.is_nil(emu.json(err.body).errors[1]:find(key, 1, true))
        assert.matches("echo %*%*%*%*", err.body)
      end
    end)

    it("an escape that only looks like a key is left alone", function()
      local dd = echo_client(function()
        return { status = 400, headers = {}, body = '{"errors":["\\u005a\\u006bQ7 is not a key"]}' }
      end)
      local _, err = dd:list_opsgenie_services()
      assert.equal('{"errors":["\\u005a\\u006bQ7 is not a key"]}', err.body)
    end)
  end)

  describe("copies owned by the call (item 4)", function()
    it("a transport or debug function that drops the body cannot unmask the service key", function()
      for _, where in ipairs { "transport", "debug" } do
        local params = { service_name = "s", service_key = SERVICE_KEY .. where }
        local dd = echo_client(function()
          params.service_key = nil
          params = nil
          collectgarbage()
          collectgarbage()
          return { status = 409, headers = {}, body = '{"errors":["exists: ' .. SERVICE_KEY .. where .. '"]}' }
        end, where == "debug" and { debug = function() params = nil; collectgarbage() end } or nil)
        local _, err = dd:create_pager_duty_integration_service(params)
        assert_clean(err.message, where)
        assert_clean(err.body, where)
      end
    end)

    it("a call started with dd:start keeps masking after its params are gone", function()
      local dd = echo_client(function() end)
      -- the params table lives only in this expression
      local call = dd:start("CreatePagerDutyIntegrationService",
        { body = { service_name = "s", service_key = SERVICE_KEY } })
      for _ = 1, 3 do collectgarbage() end
      call:step()
      local done, _, err = call:step{ status = 400, headers = {}, body = '{"errors":["' .. SERVICE_KEY .. '"]}' }
      assert.equal("done", done)
      assert_clean(err.message, "err.message")
      assert_clean(err.body, "err.body")
    end)
  end)
end)

-- The options users of the official clients reach for (issue 27, first part): an OAuth2
-- access token instead of the keys, headers of the caller's own on every request, and a
-- product token after the module's User-Agent; against the emulator, whose request log
-- shows what went out.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local TOKEN = "ddapp_tok_0123456789abcdefghij"

describe("options", function()
  local info = emu.per_spec()

  local function token_client(extra)
    local opts = { base_url = info.base_url, access_token = TOKEN, unstable = true,
      retry = false }
    for k, v in pairs(extra or {}) do opts[k] = v end
    return datadog.new(opts)
  end

  local function raises(opts, pattern)
    local ok, err = pcall(datadog.new, opts)
    assert.is_false(ok)
    assert.is_true(datadog.is_error(err), tostring(err))
    assert.equal("invalid", err.kind)
    assert.matches(pattern, tostring(err), 1, true)
    return err
  end

  describe("access_token", function()
    it("sends Authorization: Bearer and no keys; the emulator lets it in", function()
      local res, resp = token_client():list_opsgenie_services()
      assert.is_table(res, tostring(resp))
      local h = emu.requests()[1].headers
      assert.equal("****" .. TOKEN:sub(-4), h.authorization) -- the log masks it
      assert.is_nil(h["dd-api-key"])
      assert.is_nil(h["dd-application-key"])
    end)

    it("a token the API refuses is a 403, and the token shows nowhere", function()
      emu.reset{ access_token = "another-token-000000" }
      local lines = {}
      local dd = token_client({ debug = function(l) lines[#lines + 1] = l end })
      local res, err = dd:get_opsgenie_service(TOKEN) -- the token in a path, too
      assert.is_nil(res)
      assert.equal(403, err.status)
      for _, text in ipairs({ tostring(err), err.message, tostring(dd), table.concat(lines, "\n"),
          tostring(dd:prepare("ListOpsgenieServices", {})) }) do
        assert.not_matches(TOKEN, text, 1, true)
        assert.not_matches(TOKEN:sub(1, 12), text, 1, true)
      end
    end)

    it("keys are still sent when given with a token", function()
      assert.is_table(token_client({ api_key = info.api_key, app_key = info.app_key })
        :list_opsgenie_services())
      local h = emu.requests()[1].headers
      assert.is_string(h.authorization)
      assert.is_string(h["dd-api-key"])
    end)

    it("without a token, a missing key still names what to pass", function()
      raises({ base_url = info.base_url, app_key = "k-0002" },
        "no API key: pass api_key or set DD_API_KEY (or give access_token)")
    end)

    it("is checked like a key", function()
      raises({ base_url = info.base_url, access_token = "" }, "option access_token is empty")
      raises({ base_url = info.base_url, access_token = "tok\r\nX-Evil: 1" },
        "option access_token contains a control character")
    end)
  end)

  describe("headers", function()
    it("go out on every request, after the module's own", function()
      local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key,
        app_key = info.app_key, unstable = true,
        headers = { ["X-Request-Id"] = "req-42", ["X-Team"] = "payments" } }
      assert.is_table(dd:list_opsgenie_services())
      assert.is_table(dd:list_incident_types())
      for _, r in ipairs(emu.requests()) do
        assert.equal("req-42", r.headers["x-request-id"])
        assert.equal("payments", r.headers["x-team"])
      end
      -- the request table a Lua driver gets has them too
      local req = dd:prepare("ListOpsgenieServices", {})
      assert.equal("req-42", req.headers["X-Request-Id"])
    end)

    it("cannot replace a header the module owns", function()
      for _, name in ipairs({ "DD-API-KEY", "dd-application-key", "Authorization", "Host",
          "Content-Length", "Content-Type", "Content-Encoding", "Accept-Encoding",
          "Transfer-Encoding", "user-agent" }) do
        raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
          headers = { [name] = "x" } }, "is the module's own header and cannot be replaced")
      end
    end)

    it("refuses CR, LF and NUL in values and names that are not tokens", function()
      for _, v in ipairs({ "a\r\nX-Evil: 1", "a\nb", "a\0b" }) do
        raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
          headers = { ["X-A"] = v } }, "contains a control character")
      end
      for _, n in ipairs({ "X A", "X:A", "", "X\nA" }) do
        raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
          headers = { [n] = "v" } }, "is not a header name")
      end
      raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
        headers = { ["X-A"] = 5 } }, "must be a string (got number)")
      local many = {}
      for i = 1, 33 do many["X-H" .. i] = "v" end
      raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
        headers = many }, "more than 32 headers")
      assert.equal(0, #emu.requests())
    end)
  end)

  describe("user_agent", function()
    it("appends a product token after the module's own", function()
      local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key,
        app_key = info.app_key, user_agent = "incident-bot/2.1" }
      assert.is_table(dd:list_opsgenie_services())
      local ua = emu.requests()[1].headers["user-agent"]
      assert.matches("^datadog%-api%-client%-lua/[%d.]+ %(.-%) incident%-bot/2%.1$", ua)
    end)

    it("refuses control characters", function()
      raises({ base_url = info.base_url, api_key = "k-0001", app_key = "k-0002",
        user_agent = "bot\r\nX: 1" }, "contains a control character")
    end)
  end)

  describe("a call's own options", function()
    local OG = "^/api/v2/integration/opsgenie/services"
    local function dd_with_retry(extra)
      local o = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
        unstable = true, retry = { base = 0.001 }, headers = { ["X-Team"] = "core" } }
      for k, v in pairs(extra or {}) do o[k] = v end
      return datadog.new(o)
    end

    it("dd:call takes headers, timeout, retry and deadline of its own", function()
      local dd = dd_with_retry()
      assert.is_table(dd:call("ListOpsgenieServices", {}, { headers = {
        ["X-Request-Id"] = "r-1", ["X-Team"] = "payments" } }))
      local h = emu.requests()[1].headers
      assert.equal("r-1", h["x-request-id"])
      assert.equal("payments", h["x-team"]) -- the call's over the client's
      emu.clear_requests()
      assert.is_table(dd:call("ListOpsgenieServices", {}))
      h = emu.requests()[1].headers
      assert.is_nil(h["x-request-id"]) -- the next call is the client's again
      assert.equal("core", h["x-team"])
      emu.fault{ path = OG, count = 1, status = 503 }
      local res, err = dd:call("ListOpsgenieServices", {}, { retry = false })
      assert.is_nil(res)
      assert.equal(503, err.status)
      assert.equal(1, err.attempts)
      emu.fault{ path = OG, count = 1, delay_ms = 1500 }
      res, err = dd:call("ListOpsgenieServices", {}, { timeout = 0.3 })
      assert.is_nil(res)
      assert.equal("timeout", err.kind)
    end)

    it("an unknown or bad option of a call is misuse, before anything is sent", function()
      local dd = dd_with_retry()
      emu.clear_requests()
      for opts, want in pairs{ [{ timeot = 5 }] = "unknown option 'timeot'",
          [{ timeout = -1 }] = "option timeout must be between 0 and 86400 seconds",
          [{ headers = { Host = "x" } }] = "Host is the module's own header",
          [{ retry = { max = 1.5 } }] = "option retry.max must be a whole number" } do
        local ok, err = pcall(dd.call, dd, "ListOpsgenieServices", {}, opts)
        assert.is_false(ok)
        assert.equal("invalid", err.kind)
        assert.matches(want, tostring(err), 1, true)
      end
      assert.equal(0, #emu.requests())
    end)

    it("dd:request and dd:start take them beside their own", function()
      local dd = dd_with_retry()
      assert.is_table(dd:request("GET", "/api/v2/integration/opsgenie/services", {
        query = { ["page[size]"] = 5 }, headers = { ["X-Request-Id"] = "r-2" } }))
      assert.equal("r-2", emu.requests()[1].headers["x-request-id"])
      local call = dd:start("ListOpsgenieServices", {}, { headers = { ["X-Request-Id"] = "r-3" } })
      local _, req = call:step()
      assert.equal("r-3", req.headers["X-Request-Id"])
      assert.equal("core", req.headers["X-Team"])
    end)

    it("dd:with gives named methods, pages and calls the view's options", function()
      local dd = dd_with_retry()
      local S = require "spec.emulator.support"
      S.create_incidents(3)
      emu.clear_requests()
      local v = dd:with{ headers = { ["X-Request-Id"] = "r-4" }, timeout = 5 }
      assert.is_table(v:list_opsgenie_services())
      local n = 0
      for _ in v:list_incidents_with_pagination{ page_size = 2 } do n = n + 1 end
      assert.equal(3, n)
      assert.is_table(v:call("ListIncidentTypes", {}, { headers = { ["X-Extra"] = "e" } }))
      local log = emu.requests()
      assert.is_true(#log >= 4)
      for _, r in ipairs(log) do assert.equal("r-4", r.headers["x-request-id"]) end
      assert.equal("e", log[#log].headers["x-extra"])
      -- a view of a view: the options merged
      local vv = v:with{ headers = { ["X-Request-Id"] = "r-5" } }
      emu.clear_requests()
      assert.is_table(vv:list_opsgenie_services())
      assert.equal("r-5", emu.requests()[1].headers["x-request-id"])
      -- checked when made, not at the first call
      local ok, err = pcall(dd.with, dd, { timeout = "soon" })
      assert.is_false(ok)
      assert.equal("invalid", err.kind)
      assert.matches("with", tostring(err), 1, true)
      assert.matches("(a view with options of its own)", tostring(v), 1, true)
    end)
  end)
end)


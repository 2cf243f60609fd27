-- A hostile caller (issue 24, items 2 to 6): raw paths that would escape
-- their segment once a server decodes them, query keys and values with any
-- byte, huge query values, keys where a caller put them, metamethods that
-- call or close the client while a request is being built, and misuse
-- errors as objects from every entry. A transport keeps what was sent; no
-- server is needed.
local datadog = require "datadog"

local KEY, APP = "hostile-api-key-0001", "hostile-app-key-0002"

local function client(extra)
  local sent = {}
  local opts = { base_url = "http://x.invalid", api_key = KEY, app_key = APP,
    unstable = true, retry = false,
    transport = function(req)
      sent[#sent + 1] = req.url
      return { status = 200, headers = {}, body = "{}" }
    end }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts), sent
end

-- The misuse error fn raises: an object of kind "invalid".
local function misuse(fn)
  local ok, err = pcall(fn)
  assert.is_false(ok, "did not raise")
  assert.is_true(datadog.is_error(err), "not an error object: " .. tostring(err))
  assert.equal("invalid", err.kind)
  return err
end

-- The query of a URL as a list of raw "key=value" pairs.
local function pairs_of(url)
  local out = {}
  for pair in (url:match("%?(.*)$") or ""):gmatch("[^&]+") do out[#out + 1] = pair end
  return out
end

describe("dd:request refuses a path a server would read as other segments", function()
  local bad = { "/api/v2/..%2F..%2Fv1%2Fusers", "/api/v2/..%2f..%2fv1", "/api/v2/x%5C..%5Cy",
    "/api/v2/x%5c..", "/api/v2/a%3Fb", "/api/v2/a%23b", "/api/v2/a%00b" }
  for _, path in ipairs(bad) do
    it(path, function()
      local dd, sent = client()
      local err = misuse(function() dd:request("GET", path) end)
      assert.equal("path", err.field)
      assert.equal("request", err.operation)
      local segment = path:match("([^/]*%%[^/]*)$")
      assert.matches("path segment '" .. segment .. "'", tostring(err), 1, true)
      assert.matches("encoded separator", err.message, 1, true)
      misuse(function() dd:start_request("GET", path) end)
      assert.equal(0, #sent)
    end)
  end

  it("still takes other escapes, and values encoded whole", function()
    local dd, sent = client()
    assert.is_table(dd:request("GET", "/api/v2/caf%C3%A9/a%20b"))
    assert.is_table(dd:request("GET", "/api/v2/x/{id}", { params = { id = "../a/b" } }))
    assert.equal("http://x.invalid/api/v2/caf%C3%A9/a%20b", sent[1])
    assert.equal("http://x.invalid/api/v2/x/..%2Fa%2Fb", sent[2])
  end)
end)

describe("query keys and values", function()
  it("keep every byte, NUL included, each pair once", function()
    local dd, sent = client()
    assert.is_table(dd:request("GET", "/q", { query = { ["a\0b"] = "1", a = "2",
      ["k\0"] = "v\0w", ["\255"] = "\1" } }))
    assert.same({ "a=2", "a%00b=1", "k%00=v%00w", "%FF=%01" }, pairs_of(sent[1])) -- byte order
    assert.is_table(dd:search_incidents{ query = "state:active\0x" })
    assert.matches("query=state%3Aactive%00x", sent[2], 1, true)
  end)

  it("send numbers exactly: integers whole, others as they read back", function()
    local dd, sent = client()
    assert.is_table(dd:request("GET", "/q", { query = { a = 123456789012345, b = 2 ^ 53,
      c = 0.1, d = -7, e = 1e-7, f = 1 / 3 } }))
    local got = {}
    for _, p in ipairs(pairs_of(sent[1])) do
      local k, v = p:match("^(%w)=(.*)$")
      got[k] = v
    end
    assert.equal("123456789012345", got.a)
    assert.equal("9007199254740992", got.b)
    assert.equal("0.1", got.c)
    assert.equal("-7", got.d)
    assert.equal(1e-7, tonumber(got.e))
    assert.equal(1 / 3, tonumber(got.f))
    assert.is_nil(got.a:find("e", 1, true))
  end)

  it("over the URL bound are misuse before sending, never a retried network error", function()
    local dd, sent = client{ retry = { max = 3, base = 0.01 } }
    local big = ("x"):rep(1024 * 1024)
    local err = misuse(function() dd:request("GET", "/q", { query = { a = big } }) end)
    assert.equal("query a", err.field)
    assert.matches("too long", err.message)
    err = misuse(function() dd:search_incidents{ query = big } end)
    assert.equal("SearchIncidents", err.operation)
    assert.equal("query", err.field)
    misuse(function() dd:call("SearchIncidents", { query = ("y"):rep(9000) }) end)
    misuse(function() dd:start("SearchIncidents", { query = big }) end)
    misuse(function() dd:batch{ { "SearchIncidents", { query = big } } } end)
    assert.equal(0, #sent)
    -- path parameters encoded past the bound too (each under 2048 bytes)
    local slashes = ("/"):rep(2000)
    err = misuse(function() dd:get_incident_integration(slashes, slashes) end)
    assert.equal("path", err.field)
    misuse(function() dd:request("GET", "/x/{a}/{b}", { params = { a = slashes, b = slashes } }) end)
    assert.equal(0, #sent)
    -- up to the bound goes out
    assert.is_table(dd:search_incidents{ query = ("z"):rep(7000) })
    assert.equal(1, #sent)
  end)
end)

describe("keys wherever a caller put them", function()
  it("are masked in tostring(request), misuse messages and error objects", function()
    local dd = client()
    local req = dd:prepare("SearchIncidents", { query = "find " .. KEY })
    assert.matches(KEY, req.url, 1, true) -- sent as given
    assert.is_nil(tostring(req):find(KEY, 1, true), tostring(req))
    assert.matches("****", tostring(req), 1, true)
    local call = dd:start_request("GET", "/q", { query = { x = APP } })
    local _, r = call:step()
    assert.is_nil(tostring(r):find(APP, 1, true), tostring(r))
    local err = misuse(function() dd:call("GetIncident", { incident_id = "x", [KEY] = 1 }) end)
    assert.is_nil(tostring(err):find(KEY, 1, true), tostring(err))
    err = misuse(function() dd:request("GET", "/api/" .. KEY .. "/%2F") end)
    assert.is_nil(tostring(err):find(KEY, 1, true), tostring(err))
    err = misuse(function() dd:request("GET", "/api/x", { query = { [KEY] = print } }) end)
    assert.is_nil(tostring(err):find(KEY, 1, true), tostring(err))
    assert.is_nil(err.field:find(KEY, 1, true), err.field)
    -- a failed call of a raw path with a key in it names it masked
    local dd2 = datadog.new{ base_url = "http://x.invalid", api_key = KEY, app_key = APP,
      retry = false, transport = function() return { status = 404, headers = {}, body = "" } end }
    local res, e = dd2:request("GET", "/api/" .. KEY)
    assert.is_nil(res)
    assert.is_nil(tostring(e):find(KEY, 1, true), tostring(e))
    assert.is_nil(e.operation:find(KEY, 1, true), e.operation)
  end)
end)

describe("a metamethod of the caller's arguments", function()
  -- Each entry, with the table at `t` in its arguments.
  local ENTRIES = {
    { "call", function(dd, t) return dd:call("GetIncident", t) end },
    { "named", function(dd, t) return dd:list_incidents(t) end },
    { "prepare", function(dd, t) return dd:prepare("GetIncident", t) end },
    { "start", function(dd, t) return dd:start("GetIncident", t) end },
    -- dd:request reads opts.params and opts.query raw: its options table is the one here
    { "request", function(dd, t) return dd:request("GET", "/x/{incident_id}", t) end },
    { "batch", function(dd, t) return dd:batch{ { "GetIncident", t } } end },
  }

  for _, entry in ipairs(ENTRIES) do
    local name, run = entry[1], entry[2]

    it(name .. ": calling the same client gets 'already in a call', and nothing is sent", function()
      local dd, sent = client()
      local inner
      local t = setmetatable({}, { __index = function(_, k)
        if k == "incident_id" or k == "page_size" or k == "params" then
          local ok, e = pcall(dd.get_incident, dd, "inner")
          inner = e
          if not ok then error(e, 0) end
          return "outer"
        end
      end })
      local ok, err = pcall(run, dd, t)
      assert.is_false(ok, name .. " went through")
      assert.is_true(datadog.is_error(inner), tostring(inner))
      assert.matches("already in a call", tostring(inner))
      assert.matches("already in a call", tostring(err))
      assert.equal(0, #sent)
      -- the client is as it was
      assert.is_table(dd:get_incident("after"))
      assert.equal("http://x.invalid/api/v2/incidents/after", sent[1])
    end)

    it(name .. ": closing the client gets a clean error, and nothing crashes", function()
      local dd, sent = client()
      local t = setmetatable({}, { __index = function(_, k)
        if k == "incident_id" or k == "page_size" or k == "params" then dd:close() end
      end })
      local err = misuse(function() run(dd, t) end)
      assert.matches("cannot close a client from inside one of its own calls", tostring(err))
      assert.equal(0, #sent)
      assert.is_table(dd:get_incident("after")) -- still open
      dd:close()
      collectgarbage()
    end)
  end

  it("options of datadog.new and query tables are read raw or once", function()
    local dd, sent = client()
    local q = setmetatable({ a = "1" }, { __index = function() return dd:close() end })
    assert.is_table(dd:request("GET", "/q", { query = q }))
    assert.equal("http://x.invalid/q?a=1", sent[1])
  end)
end)

describe("misuse errors are error objects", function()
  local dd = client()
  local CASES = {
    { "datadog.new", function() datadog.new{ timeout = "x" } end, "datadog.new", "timeout",
      "datadog.new: option timeout must be a number (got string)" },
    { "named method", function() dd:get_incident() end, "GetIncident", "incident_id",
      "datadog: GetIncident: incident_id must be a string (got no value)" },
    { "dd:call body", function() dd:call("CreateIncident", { body = { data = { type = "incidents",
      attributes = { title = 1, customer_impacted = false } } } }) end,
      "CreateIncident", "body.data.attributes.title",
      "datadog: CreateIncident: body.data.attributes.title: must be a string (got number)" },
    { "dd:call query", function() dd:call("ListIncidents", { page_size = "x" }) end,
      "ListIncidents", "page_size", "datadog: ListIncidents: page_size must be an integer (got string)" },
    { "dd:request", function() dd:request("GET", "x") end, "request", "path",
      "datadog: request: path must start with / (got 'x')" },
    { "dd:batch", function() dd:batch{ { "GetIncident", {} } } end, "GetIncident", "incident_id",
      "datadog: batch: calls[1]: GetIncident: incident_id must be a string (got nil)" },
    { "unknown operation", function() dd:call("GetIncidnt") end, nil, "operation",
      "datadog: unknown operation 'GetIncidnt'; did you mean 'GetIncident'?" },
    { "builder", function() datadog.slack_channel{} end, "datadog.slack_channel", nil,
      "datadog.slack_channel: channel_id is required (a non-empty string)" },
    { "beta gate", function() client{ unstable = false }:get_incident("x") end, "GetIncident", nil,
      "datadog: GetIncident is a beta operation and is disabled; enable it with unstable = { \"GetIncident\" }" },
  }
  for _, c in ipairs(CASES) do
    it(c[1], function()
      local err = misuse(c[2])
      assert.equal(c[3], err.operation)
      assert.equal(c[4], err.field)
      assert.is_string(err.message)
      assert.equal(c[5], tostring(err))
      assert.is_nil(tostring(err):find("^[^:]*%.lua:%d+:"), "no position in the text")
    end)
  end

  it("datadog.is_error tells them from a program's own errors", function()
    assert.is_true(datadog.is_error(misuse(function() dd:get_incident() end)))
    assert.is_false(datadog.is_error("datadog: GetIncident: incident_id must be a string"))
    assert.is_false(datadog.is_error({ kind = "invalid" }))
  end)

  it("an uncaught one reads as its message on lua5.4's stderr", function()
    local p = assert(io.popen("LUA_PATH='./lua/?.lua;./lua/?/init.lua;;' LUA_CPATH='./?.so;;' "
      .. "lua5.4 -e 'require(\"datadog\").new{ timeout = \"x\" }' 2>&1"))
    local out = p:read("*a")
    p:close()
    assert.matches("^lua5.4: datadog.new: option timeout must be a number %(got string%)", out)
  end)
end)

-- Misuse refused before anything is sent (issue 16, items 3 and 9 to 12):
-- a path parameter too long for a URL, NUL bytes in string options, NaN
-- and other non-numbers in numeric options and batch options, caller text
-- echoed raw by datadog.new, and error paths that could leave a client
-- stuck "already in a call". A transport counts what was sent.
local datadog = require "datadog"

local function counting(extra)
  local sent = { n = 0 }
  local opts = { base_url = "http://x.invalid", api_key = "key-0001", app_key = "app-0001",
    unstable = true, retry = false,
    transport = function() sent.n = sent.n + 1; return { status = 200, headers = {}, body = "{}" } end }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts), sent
end

local function one_line_error(fn)
  local ok, e = pcall(fn)
  assert.is_false(ok)
  e = tostring(e)
  assert.is_nil(e:find("[\r\n]"), "a one-line message: " .. e:sub(1, 200))
  assert.is_true(#e < 400, "a short message: " .. #e .. " bytes")
  return e
end

describe("misuse is refused before anything is sent", function()
  it("a path parameter too long for a URL (item 9), at once, through every entry", function()
    local dd, sent = counting()
    for _, len in ipairs { 2049, 65536, 1024 * 1024 } do
      local id = ("a"):rep(len)
      local e = one_line_error(function() dd:get_incident(id) end)
      assert.matches("GetIncident: incident_id is too long %(" .. len .. " bytes; at most 2048%)", e)
      one_line_error(function() dd:call("GetIncident", { incident_id = id }) end)
      one_line_error(function() dd:start("GetIncident", { incident_id = id }) end)
      one_line_error(function() dd:batch{ { "GetIncident", { incident_id = "ok" } },
        { "GetIncident", { incident_id = id } } } end)
    end
    assert.equal(0, sent.n)
    assert.is_table(dd:get_incident(("b"):rep(2048))) -- the bound itself is fine
    assert.equal(1, sent.n)
  end)

  it("a NUL byte in any string option (item 10)", function()
    for _, name in ipairs { "site", "base_url", "api_key", "app_key", "proxy", "ca_file", "ca_path" } do
      local opts = { base_url = "http://127.0.0.1:1", api_key = "k", app_key = "a" }
      opts[name] = name == "site" and "datadoghq.com\0.evil" or
                   name == "base_url" and "http://127.0.0.1\0.evil.example" or "abc\0def"
      if name == "site" then opts.base_url = nil end
      local e = one_line_error(function() datadog.new(opts) end)
      assert.matches(name, e, 1, true)
    end
  end)

  it("NaN, infinities and non-integers in numeric options (item 11)", function()
    local dd = counting()
    for _, bad in ipairs { 0 / 0, math.huge, -math.huge, 0, 257, 2.5, -1 } do
      one_line_error(function() dd:batch({}, { concurrency = bad }) end)
    end
    for _, o in ipairs { "timeout", "connect_timeout", "deadline", "max_body", "gzip_requests" } do
      for _, bad in ipairs { 0 / 0, math.huge, -math.huge, -1 } do
        one_line_error(function() counting{ [o] = bad } end)
      end
    end
    for _, o in ipairs { "max", "base", "multiplier", "max_wait" } do
      for _, bad in ipairs { 0 / 0, math.huge, -math.huge, -1 } do
        one_line_error(function() counting{ retry = { [o] = bad } } end)
      end
    end
  end)

  it("caller text in datadog.new's errors: one line, short (item 12)", function()
    local long = ("s"):rep(1024 * 1024)
    local e = one_line_error(function() datadog.new{ site = "evil\r\nX-Injected: 1", api_key = "k", app_key = "a" } end)
    assert.matches("evil\\r\\nX%-Injected", e)
    one_line_error(function() datadog.new{ site = long, api_key = "k", app_key = "a" } end)
    one_line_error(function() datadog.new{ ["time\nout"] = 1, api_key = "k", app_key = "a" } end)
    one_line_error(function() datadog.new{ [long] = 1, api_key = "k", app_key = "a" } end)
    one_line_error(function() datadog.new{ unstable = { "Get\nIncident" }, api_key = "k", app_key = "a" } end)
    one_line_error(function() datadog.new{ retry = { ["m\rax"] = 1 }, api_key = "k", app_key = "a" } end)
  end)

  it("no error path leaves the client stuck in a call (item 3)", function()
    local raising = setmetatable({}, { __index = function() error("boom") end })
    local answers = {
      function() return raising end,
      function() return { status = setmetatable({}, { __index = function() error("x") end }) } end,
      function() return nil, raising end,
      function() error(raising) end,
      function() error(setmetatable({}, { __tostring = function() error("y") end })) end,
    }
    for i, answer in ipairs(answers) do
      local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
        retry = false, transport = function() return answer() end,
        debug = function() error("a broken logger") end }
      local res, err = dd:list_opsgenie_services()
      assert.is_nil(res, "answer " .. i)
      assert.equal("network", err.kind)
      local r = dd:batch{ { "ListOpsgenieServices", {} } }
      assert.is_nil(r[1][1])
      dd:close() -- not refused: the client is idle
      assert.has_error(function() dd:list_opsgenie_services() end, "datadog: client is closed")
    end
  end)
end)

-- datadog.redis_store without nginx or Redis: a scripted socket and a clock of the spec's own.
-- What Redis is sent (RESP), how replies are read, and the outage rules: the fallback
-- answers, one warning, Redis left alone for a second, AUTH and SELECT on new connections
-- only, missed deletes sent first when it is back, the password masked.
-- (spec/nginx/redis_spec.lua runs the same store in nginx against a real redis-server.)
local redis_store = require "datadog.redis_store"

-- A fake host: every socket it makes records what is sent and reads from `replies`
-- (raw RESP). connect fails while `refuse` is set; `reused` is what getreusedtimes says.
local function fake()
  local h = { sent = {}, replies = "", connects = 0, refuse = nil, reused = 0, clock = 100 }
  function h.tcp()
    local s = {}
    function s.settimeouts() end
    function s.connect()
      h.connects = h.connects + 1
      if h.refuse then return nil, h.refuse end
      return true
    end
    function s.getreusedtimes() return h.reused end
    function s.send(_, data)
      h.sent[#h.sent + 1] = data
      return true
    end
    function s.receive(_, want)
      if want == "*l" then
        local i = h.replies:find("\r\n", 1, true)
        if not i then return nil, "timeout" end
        local line = h.replies:sub(1, i - 1)
        h.replies = h.replies:sub(i + 2)
        return line
      end
      if #h.replies < want then return nil, "timeout" end
      local data = h.replies:sub(1, want)
      h.replies = h.replies:sub(want + 1)
      return data
    end
    function s.close() end
    function s.setkeepalive() end
    return s
  end
  h.warned, h.back, h.fell = {}, 0, {}
  function h.store(opts)
    opts = opts or {}
    opts.tcp, opts.host = h.tcp, "127.0.0.1"
    opts.now = function() return h.clock end
    opts.fallback = function(op, key) h.fell[#h.fell + 1] = op .. " " .. key return "fallback" end
    opts.warn = function(r) h.warned[#h.warned + 1] = r end
    opts.back = function() h.back = h.back + 1 end
    return redis_store.new(opts)
  end
  return h
end

-- The words of a RESP command.
local function words(raw)
  local t = {}
  for len, rest in raw:gmatch("%$(%d+)\r\n()") do
    t[#t + 1] = raw:sub(rest, rest + tonumber(len) - 1)
  end
  return t
end

describe("datadog.redis_store", function()
  it("sends each operation as Redis's command and reads its reply as the shared dict's", function()
    local h = fake()
    local s = h.store{ prefix = "app:" }
    h.replies = "$1\r\n4\r\n"
    assert.equal("4", s("get", "k"))
    assert.same({ "GET", "app:k" }, words(h.sent[1]))
    h.replies = "$-1\r\n"
    assert.is_nil(s("get", "k"))
    h.replies = ":3\r\n"
    assert.equal(3, s("incr", "k", -1))
    local w = words(h.sent[3])
    assert.equal("EVAL", w[1])
    assert.same({ "1", "app:k", "-1" }, { w[3], w[4], w[5] })
    h.replies = "$-1\r\n" -- the script's false: absent, not made
    assert.is_nil(s("incr", "k", -1))
    h.replies = "+OK\r\n"
    assert.is_true(s("add", "k", 5, 1.5))
    assert.same({ "SET", "app:k", "5", "NX", "PX", "1500" }, words(h.sent[5]))
    h.replies = "$-1\r\n"
    assert.is_false(s("add", "k", 5, 1.5))
    h.replies = "+OK\r\n"
    assert.is_true(s("set", "k", "opsgenie", 3600))
    assert.same({ "SET", "app:k", "opsgenie", "PX", "3600000" }, words(h.sent[7]))
    h.replies = ":2500\r\n:-1\r\n:-2\r\n:0\r\n"
    assert.equal(2.5, s("ttl", "k"))
    assert.equal(0, s("ttl", "k"))     -- no time to live
    assert.is_nil(s("ttl", "k"))       -- absent
    assert.equal(0.001, s("ttl", "k")) -- under a millisecond left: still a time to live
    h.replies = ":1\r\n"
    assert.is_true(s("del", "k"))
    assert.same({ "DEL", "app:k" }, words(h.sent[12]))
    assert.equal(0, #h.warned)
  end)

  it("sends AUTH and SELECT before the first command of a new connection only", function()
    local h = fake()
    local s = h.store{ password = "pw-1", db = 3 }
    h.replies = "+OK\r\n+OK\r\n$1\r\nx\r\n"
    assert.equal("x", s("get", "k"))
    assert.same({ "AUTH", "pw-1", "SELECT", "3", "GET", "k" }, words(h.sent[1]))
    h.reused = 1
    h.replies = "$1\r\ny\r\n"
    assert.equal("y", s("get", "k"))
    assert.same({ "GET", "k" }, words(h.sent[2]))
  end)

  it("answers from the fallback while Redis is down, warns once, asks again after a second", function()
    local h = fake()
    local s = h.store()
    h.refuse = "connection refused"
    assert.equal("fallback", s("get", "a"))
    assert.same({ "connect: connection refused" }, h.warned)
    h.clock = h.clock + 0.5
    assert.equal("fallback", s("get", "b")) -- not asked: no connect, no time
    assert.equal(1, h.connects)
    h.clock = h.clock + 0.6
    assert.equal("fallback", s("get", "c")) -- asked again, still down: no second warning
    assert.equal(2, h.connects)
    assert.equal(1, #h.warned)
    h.clock = h.clock + 1.1
    h.refuse = nil
    h.replies = "$1\r\nv\r\n"
    assert.equal("v", s("get", "d"))
    assert.equal(1, h.back)
    h.refuse = "connection refused" -- a new outage, a new warning
    s("get", "e")
    assert.equal(2, #h.warned)
    assert.same({ "get a", "get b", "get c", "get e" }, h.fell)
  end)

  it("counts a timeout, a reply it cannot read and an error reply as an outage", function()
    for _, reply in ipairs({ "", "?what\r\n", "-WRONGTYPE Operation\r\n" }) do
      local h = fake()
      local s = h.store()
      h.replies = reply
      assert.equal("fallback", s("get", "k"))
      assert.equal(1, #h.warned)
    end
  end)

  it("sends the deletes Redis missed first when it answers again", function()
    local h = fake()
    local s = h.store{ prefix = "p/" }
    h.refuse = "connection refused"
    s("get", "x")
    s("del", "probe1")
    s("del", "probe2")
    h.clock = h.clock + 1.5
    h.refuse = nil
    h.replies = ":2\r\n$1\r\nv\r\n"
    assert.equal("v", s("get", "y"))
    local w = words(h.sent[1])
    table.sort(w)
    assert.same({ "DEL", "p/probe1", "p/probe2" }, w)
    assert.same({ "GET", "p/y" }, words(h.sent[2]))
    h.replies = "$1\r\nv\r\n"
    s("get", "z") -- paid once
    assert.same({ "GET", "p/z" }, words(h.sent[3]))
  end)

  it("never lets the password into a warning", function()
    local h = fake()
    local s = h.store{ password = "hunter2-secret" }
    h.replies = "-ERR proxy: AUTH hunter2-secret refused\r\n-NOAUTH\r\n"
    assert.equal("fallback", s("get", "k"))
    assert.equal("ERR proxy: AUTH **** refused", h.warned[1])
  end)

  it("refuses options it cannot work with", function()
    assert.has_error(function() redis_store.new{ host = "h" } end)
    assert.has_error(function()
      redis_store.new{ tcp = function() end, host = "h", now = os.time }
    end)
  end)
end)

-- call:wire driven in this process by a small byte mover on luasocket, against the table
-- of hostile servers (spec/helpers/hostile.lua): the engine's edge (src/engine/edge.c, the
-- framer of http1.c, the wire actions of call_lua.c) meets every hostile case here too, so
-- that the ASan/UBSan and valgrind passes, which run spec/module, run it (the hosts' own
-- specs run in nginx, HAProxy and a cqueues controller, on the plain build).
local socket = require "socket"
local datadog = require "datadog"
local hostile = require "spec.helpers.hostile"

-- The byte mover: what a host driver does, on luasocket. A read waits with select for
-- what the socket has, as receiveany would; luasocket says "closed" and "timeout" already
-- in the engine's words.
local function mover()
  local pools = {}
  local function connect(a)
    local list = pools[a.pool]
    if a.reuse and list and #list > 0 then return table.remove(list), true end
    local sock = socket.tcp()
    sock:settimeout(a.timeout)
    local ok, err = sock:connect(a.addr, a.port)
    if not ok then
      sock:close()
      return nil, err
    end
    return sock, false
  end
  local function read(sock, timeout)
    local deadline = socket.gettime() + timeout
    while true do
      local left = deadline - socket.gettime()
      if left <= 0 then return nil, "timeout" end
      local ready = socket.select({ sock }, nil, left)
      if #ready > 0 then
        sock:settimeout(0)
        local data, err, partial = sock:receive(65536)
        data = data or partial
        if data ~= "" then return data, err ~= "timeout" and err or nil end
        if err == "closed" then return nil, "closed" end
      end
    end
  end
  return function(call)
    local sock
    local what, a, b = call:wire()
    while true do
      if what == "connect" then
        local s, reused = connect(a)
        sock = s
        what, a, b = call:wire(s and true, reused)
      elseif what == "write" then
        sock:settimeout(b)
        local n, err = sock:send(a)
        what, a, b = call:wire(n and true, err)
      elseif what == "read" then
        what, a, b = call:wire(read(sock, a))
      elseif what == "keep" then
        pools[b] = pools[b] or {}
        table.insert(pools[b], sock)
        sock = nil
        what, a, b = call:wire()
      elseif what == "close" then
        if sock then sock:close() end
        sock = nil
        what, a, b = call:wire()
      elseif what == "wait" then
        socket.sleep(a)
        what, a, b = call:wire()
      elseif what == "done" then
        return a, b
      else
        error("the hostile cases need no " .. tostring(what))
      end
    end
  end
end

-- A client that drives every call through the mover, as hostile.DRIVE calls a client.
local function wire_client(opts)
  local dd = datadog.new(opts)
  local run = mover()
  return {
    call = function(_, op, params, o) return run(dd:start(op, params, o)) end,
    batch = function(_, calls, o)
      local started = dd:start_batch(calls, o) -- one after another: the order is the batch's
      local results = {}
      for i, call in ipairs(started) do results[i] = { run(call) } end
      return results
    end,
    close = function() dd:close() end,
  }
end

describe("call:wire in this process, against the table of hostile servers", function()
  local srv
  local drive = assert(load(hostile.DRIVE, "=drive"))
  setup(function() srv = hostile.start() end)
  teardown(function() if srv then srv:stop() end end)

  for _, case in ipairs(hostile.cases) do
    it(case.name .. " (" .. case.why .. ")", function()
      local plan = hostile.plan(case, srv:url(case))
      local client = wire_client(plan.opts)
      local outs = drive(client, plan, socket.gettime)
      client:close()
      local n = hostile.steps(case) and #hostile.steps(case) or #case.call.batch[1]
      assert.equal(n, #outs)
      for i = 1, n do
        local want, o = hostile.want(case, i), outs[i]
        local where = ("call %d: %s"):format(i, o.ok and "ok" or (tostring(o.kind) .. ": "
          .. tostring(o.message)))
        if want.ok then
          assert.is_true(o.ok, where)
        else
          assert.is_false(o.ok, where)
          assert.equal(want.kind, o.kind, where)
        end
        -- (the sanitizer and valgrind passes run this too: a looser bound there)
        local bound = case.bound * (os.getenv("DD_CHECK") and 3 or 1)
        assert.is_true(o.took <= bound, where .. ": past the bound of " .. bound .. " s")
      end
    end)
  end
end)

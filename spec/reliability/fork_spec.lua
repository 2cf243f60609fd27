-- fork(): a client made before fork() is used in both processes. The
-- parent and the child must each get their own answers (they used to
-- share kept-alive connections and read each other's: the parent's GET of
-- one incident came back with the child's, as a success), and the child
-- must neither use nor shut down the connections it inherited (a TLS
-- close_notify from the child closes the parent's connection). Real forks,
-- inside this Lua process: spec/reliability/forker.c, compiled here.
local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"
local R = require "spec.reliability.support"

local info, forker

-- n GETs of incident id through dd; how many answered with another id or failed.
local function wrong_answers(dd, id, n)
  local wrong = 0
  for _ = 1, n do
    local res = dd:get_incident(id)
    if not res or res.data.id ~= id then wrong = wrong + 1 end
  end
  return wrong
end

-- Runs child() in a forked copy of this process; its return value (true
-- or false) is the exit code. Returns the child's pid.
local function spawn(child)
  local pid = forker.fork()
  if pid == 0 then
    local ok, res = pcall(child)
    if not ok then io.stderr:write("child: ", tostring(res), "\n") end
    forker.exit((ok and res) and 0 or 1)
  end
  return pid
end

-- The TCP connections among this process's sockets (libcurl also holds a
-- socketpair per handle, to wake itself: not a connection to anyone).
local function tcp_sockets()
  local tcp = {}
  for _, f in ipairs { "/proc/self/net/tcp", "/proc/self/net/tcp6" } do
    local fh = io.open(f)
    if fh then
      for line in fh:lines() do
        local inode = line:match("^%s*%d+:%s+%S+%s+%S+%s+%S+%s+%S+%s+%S+%s+%S+%s+%S+%s+%S+%s+(%d+)")
        if inode then tcp["socket:[" .. inode .. "]"] = true end
      end
      fh:close()
    end
  end
  local out = {}
  for s in pairs(forker.sockets()) do
    if tcp[s] then out[s] = true end
  end
  return out
end

local function mine_list(set)
  local l = {}
  for s in pairs(set) do l[#l + 1] = s end
  return l
end

local function inherited(before, now)
  local n = 0
  for s in pairs(before) do
    if now[s] then n = n + 1 end
  end
  return n
end

describe("a client used across fork()", function()
  setup(function()
    info = emu.start()
    forker = R.forker()
  end)
  before_each(function() emu.reset() end)

  it("gives parent and child each their own answers, on one connection each", function()
    local a, b = S.create_incident { title = "parent's" }, S.create_incident { title = "child's" }
    local dd = R.client(info)
    assert(dd:get_incident(a)) -- a kept-alive connection, inherited by the child
    local pid = spawn(function() return wrong_answers(dd, b, 300) == 0 end)
    local wrong = wrong_answers(dd, a, 300)
    assert.equal(0, forker.wait(pid), "the child got answers that were not its own")
    assert.equal(0, wrong, "the parent got answers that were not its own")
    dd:close()
  end)

  it("in the child, closes the inherited sockets and opens its own", function()
    local dd = R.client(info)
    local others = tcp_sockets()
    assert(dd:list_opsgenie_services())
    local mine = {} -- the client's connection: what the call opened
    for s in pairs(tcp_sockets()) do
      if not others[s] then mine[s] = true end
    end
    assert.is_not_nil(next(mine))
    local pid = spawn(function()
      assert(dd:list_opsgenie_services())
      local now = tcp_sockets()
      local own = 0
      for s in pairs(now) do
        if not others[s] and not mine[s] then own = own + 1 end
      end
      -- no inherited connection left open, and one of its own in use
      return inherited(mine, now) == 0 and own == 1
    end)
    assert.equal(0, forker.wait(pid))
    assert(dd:list_opsgenie_services())
    assert.equal(R.count(mine_list(mine), function() return true end),
                 inherited(mine, tcp_sockets()), "the parent kept its connection")
    dd:close()
  end)

  it("sends no TLS close_notify on the parent's connection when the child closes the client", function()
    local dd = R.client(info, { base_url = info.tls_url, ca_file = info.ca_file })
    assert(dd:list_opsgenie_services())
    local before = forker.sockets()
    for _, close in ipairs { "close", "gc" } do
      local pid = spawn(function()
        if close == "close" then dd:close() else dd = nil; collectgarbage(); collectgarbage() end
        return true
      end)
      assert.equal(0, forker.wait(pid))
      -- the parent's next call reuses its TLS connection: the server did not
      -- see it shut down
      assert(dd:list_opsgenie_services())
      assert.same(before, forker.sockets(), "after the child's " .. close)
    end
    dd:close()
  end)

  it("keeps batches apart: the child's batch and the parent's get their own answers", function()
    local a, b = S.create_incident { title = "a" }, S.create_incident { title = "b" }
    local dd = R.client(info)
    local function batch_wrong(id)
      local calls = {}
      for i = 1, 40 do calls[i] = { "GetIncident", { incident_id = id } } end
      local wrong = 0
      for _ = 1, 5 do
        for _, r in ipairs(dd:batch(calls, { concurrency = 4 })) do
          if not r[1] or r[1].data.id ~= id then wrong = wrong + 1 end
        end
      end
      return wrong
    end
    assert.equal(0, batch_wrong(a)) -- the share holds open connections now
    local pid = spawn(function() return batch_wrong(b) == 0 and wrong_answers(dd, b, 50) == 0 end)
    local wrong = batch_wrong(a)
    assert.equal(0, forker.wait(pid))
    assert.equal(0, wrong)
    dd:close()
  end)

  it("works in a grandchild, and in a child of a client that never sent", function()
    local a = S.create_incident { title = "a" }
    local used, fresh = R.client(info), R.client(info)
    assert(used:get_incident(a))
    local pid = spawn(function()
      assert(used:get_incident(a))
      local grandchild = spawn(function()
        return wrong_answers(used, a, 20) == 0 and wrong_answers(fresh, a, 20) == 0
      end)
      return forker.wait(grandchild) == 0 and wrong_answers(used, a, 20) == 0
    end)
    local wrong = wrong_answers(used, a, 50)
    assert.equal(0, forker.wait(pid))
    assert.equal(0, wrong)
    used:close()
    fresh:close()
  end)
end)

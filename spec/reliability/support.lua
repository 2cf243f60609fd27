-- Helpers shared by the reliability specs (not a spec: the name has no _spec).
--
--   local R = require "spec.reliability.support"
--   R.client(info, extra)     a client on the emulator, retries off unless extra says
--   R.recorder()              a debug function and the lines it received
--   R.lua(code, env)          runs `lua5.4 -e code` with this process's module paths
--   R.rss_kb(), R.fd_count()  this process's resident memory and open descriptors
--   R.proxy()                 a tinyproxy on a free loopback port (R.proxy_stop)
--   R.count(list, pred)       how many items of list pred accepts
--   R.forker()                spec/reliability/forker.c compiled and loaded: fork()
--                             inside this process (see fork_spec.lua)
local emu = require "spec.helpers.emulator"

local _M = {}

-- Set by make check-asan / check-valgrind. There RSS says more about the
-- tool (ASan's quarantine, valgrind's shadow memory) than about us, so RSS
-- bounds are not asserted; the tool's own leak checking is the exact test.
_M.instrumented = os.getenv("DD_CHECK")

--- Appends "what: value" to the file named by DD_RELIABILITY_FIGURES, if
-- set: how docs/RELIABILITY.md's measured figures are collected.
function _M.figure(what, value)
  local path = os.getenv("DD_RELIABILITY_FIGURES")
  if not path then return end
  local f = assert(io.open(path, "a"))
  f:write(what, ": ", tostring(value), "\n")
  f:close()
end

--- Asserts that memory grew by less than kb (unless instrumented).
function _M.assert_flat(grown_kb, bound_kb, what)
  _M.figure("RSS growth, " .. what .. " (kB)", grown_kb)
  if _M.instrumented then return end
  assert(grown_kb < bound_kb, ("%s: RSS grew by %d kB (bound %d kB)"):format(what, grown_kb, bound_kb))
end

local q = emu.shell_quote
_M.q = q

-- spec/helpers/client.lua's client, on the emulator `info` describes.
function _M.client(info, extra)
  return require("spec.helpers.client").new(extra, info)
end

--- A debug function that keeps every line, and the list it fills.
function _M.recorder()
  local lines = {}
  return function(line) lines[#lines + 1] = line end, lines
end

--- The waits the debug log announced, in seconds, in order.
function _M.waits(lines)
  local out = {}
  for _, l in ipairs(lines) do
    local w = l:match("waiting ([%d.]+) s before attempt")
    if w then out[#out + 1] = tonumber(w) end
  end
  return out
end

function _M.count(list, pred)
  local n = 0
  for _, v in ipairs(list) do
    if pred(v) then n = n + 1 end
  end
  return n
end

function _M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

function _M.write(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
end

--- A fresh temporary directory (removed by R.rmdir).
function _M.tmpdir()
  local code, out = emu.sh("mktemp -d -t lua-datadog-rel.XXXXXX")
  assert(code == 0, "mktemp failed")
  return (out:gsub("%s+$", ""))
end

function _M.rmdir(dir)
  if dir and dir:match("^/tmp/lua%-datadog%-rel%.") then
    os.execute("rm -rf " .. q(dir))
  end
end

--- Runs `lua5.4 -e code` ($DD_LUA if set) with the module paths of this
-- process (so a check build is the one the child loads too) and the extra
-- environment variables in env (a value of false unsets one). Returns the
-- exit code, stdout and stderr.
function _M.lua(code, env)
  local parts = { "env" }
  for k, v in pairs(env or {}) do
    if v == false then
      parts[#parts + 1] = "-u " .. k
    end
  end
  parts[#parts + 1] = "LUA_PATH=" .. q(package.path)
  parts[#parts + 1] = "LUA_CPATH=" .. q(package.cpath)
  for k, v in pairs(env or {}) do
    if v ~= false then
      parts[#parts + 1] = k .. "=" .. q(v)
    end
  end
  -- under make check-asan, DD_LUA is the instrumented interpreter that can
  -- load the instrumented module
  parts[#parts + 1] = q(os.getenv("DD_LUA") or "lua5.4") .. " -e " .. q(code)
  return emu.sh(table.concat(parts, " "))
end

--- Resident set size of this process, in kB.
local forker
function _M.forker()
  if forker then return forker end
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. q(dir)))
  local so = dir .. "/forker.so"
  local ok, _, err = emu.sh(("cc -shared -fPIC -O1 -Wall -Werror $(pkg-config --cflags lua5.4) %s -o %s")
    :format(q("spec/reliability/forker.c"), q(so)))
  assert(ok == 0, err)
  forker = assert(package.loadlib(so, "luaopen_forker"))()
  return forker
end

function _M.rss_kb()
  for line in io.lines("/proc/self/status") do
    local kb = line:match("^VmRSS:%s*(%d+)")
    if kb then return tonumber(kb) end
  end
  error("no VmRSS in /proc/self/status")
end

--- Sockets this process holds open (connections, and libcurl's wakeup
-- pairs), from /proc/<pid>/fd. Only sockets: the write end of the pipe
-- io.popen makes to run ls is still open in this process for a moment after
-- the shell starts (ls may see it, or see it vanish and exit 1), so pipes
-- are not counted, and ls's exit code is not checked.
function _M.fd_count()
  local _, out = emu.sh("ls -l /proc/$PPID/fd")
  local n = 0
  for _ in out:gmatch("socket:%[") do n = n + 1 end
  return n
end

-- ---------------------------------------------------------------------------------------------
-- tinyproxy
-- ---------------------------------------------------------------------------------------------

--- Starts tinyproxy (Debian's) on a free loopback port with a generated
-- configuration under a temporary directory. Returns
-- { url, port, dir, log, pid }; R.proxy_stop(p) stops it.
function _M.proxy()
  assert(emu.sh("command -v tinyproxy") == 0,
    "tinyproxy is not installed (Debian package tinyproxy; bash scripts/deps installs it)")
  local last
  for _ = 1, 5 do
    local dir = _M.tmpdir()
    local port = emu.free_port()
    local log = dir .. "/tinyproxy.log"
    _M.write(dir .. "/tinyproxy.conf", table.concat({
      "Port " .. port,
      "Listen 127.0.0.1",
      "Timeout 30",
      'LogFile "' .. log .. '"',
      "LogLevel Info",
      'PidFile "' .. dir .. '/tinyproxy.pid"',
      "MaxClients 20",
      "Allow 127.0.0.1",
      -- no ConnectPort line: CONNECT to any port (the emulator's HTTPS port)
      "",
    }, "\n"))
    -- -d: stay in the foreground, so the pid we get is tinyproxy's own
    local code, out = emu.sh("tinyproxy -d -c " .. q(dir .. "/tinyproxy.conf")
      .. " >" .. q(dir .. "/stdout") .. " 2>&1 & echo $!")
    assert(code == 0, "could not start tinyproxy")
    local pid = tonumber(out:match("%d+"))
    for _ = 1, 50 do
      local text = _M.read(log) or ""
      if text:find("Accepting connections", 1, true) then
        return { url = "http://127.0.0.1:" .. port, port = port, dir = dir, log = log, pid = pid }
      end
      if (_M.read(dir .. "/stdout") or ""):find("Could not", 1, true) then break end
      emu.sh("sleep 0.1")
    end
    last = (_M.read(dir .. "/stdout") or "") .. (_M.read(log) or "")
    os.execute("kill " .. pid .. " 2>/dev/null")
    _M.rmdir(dir)
  end
  error("tinyproxy did not start: " .. tostring(last))
end

function _M.proxy_stop(p)
  if not p then return end
  os.execute("kill " .. p.pid .. " 2>/dev/null")
  for _ = 1, 50 do
    if not _M.read("/proc/" .. p.pid .. "/status") then break end
    local st = _M.read("/proc/" .. p.pid .. "/status") or ""
    if st:find("State:%s*Z") then break end -- exited; the shell that started it reaps it
    emu.sh("sleep 0.05")
  end
  _M.rmdir(p.dir)
end

--- tinyproxy's log lines for requests ("GET http://..." or "CONNECT host:port").
function _M.proxy_requests(p)
  local out = {}
  for line in ((_M.read(p.log) or "") .. "\n"):gmatch("([^\n]*)\n") do
    local req = line:match("Request %(file descriptor %d+%): (.*)$")
    if req then out[#out + 1] = req end
  end
  return out
end

return _M

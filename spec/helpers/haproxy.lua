-- spec.helpers.haproxy: a real HAProxy (Debian 12's 2.6, Lua 5.3) running
-- datadog.haproxy, for the specs of spec/haproxy.
--
--   local hap = require "spec.helpers.haproxy"
--   local srv = hap.start{ body = "DD = require('datadog.haproxy').new{...}", lua = "...",
--     cfg = "..." }
--   local out = srv:run([[ return DD:list_opsgenie_services() ]])  -- Lua run in a service
--   srv:stop()                                                      -- also at process exit
--
-- `body` is Lua run in the file lua-load loads (where the client is made), `lua` more of
-- it after the test service is registered, `cfg` more of haproxy.cfg (frontends). `run`
-- posts a Lua chunk to /run, a `lua.run` service that runs it with `DD`, `datadog`,
-- `haproxy` (the module) and `LOAD` (what `body` left there) in scope; the chunk's values
-- come back as JSON, error objects as {is_error, kind, status, message, attempts, errors,
-- operation, tostring}. /ping is a Lua service that answers at once.
--
-- The module is the Lua 5.3 build (`make LUA_VERSION=5.3`: build/lua5.3/datadog/core.so)
-- and the checkout's lua/ files, loaded through lua-prepend-path as docs/HAPROXY.md does.

local socket = require "socket"
local emu = require "spec.helpers.emulator"

local _M = {}

local ROOT = emu.root
local running = {}

local function write(path, data)
  local f = assert(io.open(path, "w"))
  f:write(data)
  f:close()
end

local function read(path)
  local f = io.open(path)
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- The services every instance has: /run and /ping. JSON out with the module's encoder.
local APP = [=[
local datadog = require "datadog"
local haproxy = require "datadog.haproxy"
LOAD = LOAD or {}

local function plain(v, depth)
  depth = depth or 0
  if depth > 20 then return "<deep>" end
  if datadog.is_error(v) then
    local errs = {}
    for i, e in ipairs(v.errors or {}) do errs[i] = plain(e, depth + 1) end
    return { is_error = true, kind = v.kind, status = v.status, message = v.message,
      attempts = v.attempts, operation = v.operation, errors = errs, field = v.field,
      tostring = tostring(v) }
  end
  if v == datadog.null then return datadog.null end
  if type(v) == "table" then
    local t = {}
    for k, x in pairs(v) do t[type(k) == "number" and ("#" .. k) or tostring(k)] = plain(x, depth + 1) end
    return datadog.object(t)
  end
  if type(v) == "function" or type(v) == "userdata" or type(v) == "thread" then
    return tostring(v)
  end
  return v
end

local function reply(applet, status, body)
  applet:set_status(status)
  applet:add_header("content-type", "application/json")
  applet:add_header("content-length", #body)
  applet:start_response()
  applet:send(body)
end

core.register_service("run", "http", function(applet)
  local code = applet:receive() or ""
  local env = setmetatable({ DD = DD, datadog = datadog, haproxy = haproxy, LOAD = LOAD,
    applet = applet }, { __index = _G })
  local chunk, perr = load(code, "=test", "t", env)
  if not chunk then return reply(applet, 200, datadog.encode{ raised = "load: " .. perr }) end
  local res = table.pack(pcall(chunk))
  local out = { n = res.n - 1 }
  if not res[1] then
    out.raised = tostring(res[2])
    out.raised_value = plain(res[2])
  else
    local values = {}
    for i = 2, res.n do values["#" .. (i - 1)] = plain(res[i]) end
    out.values = datadog.object(values)
  end
  reply(applet, 200, datadog.encode(out))
end)

core.register_service("ping", "http", function(applet)
  reply(applet, 200, '"pong"')
end)
]=]

--- Starts HAProxy. opts: body (Lua run where lua-load runs, first), lua (Lua after the
-- services are registered), cfg (more of haproxy.cfg), nbthread (2).
function _M.start(opts)
  opts = opts or {}
  assert(emu.sh("make --no-print-directory -s LUA_VERSION=5.3") == 0,
    "make LUA_VERSION=5.3 failed")
  local port = emu.free_port()
  local dir = ROOT .. "/build/haproxy-spec/" .. port
  assert(emu.sh("rm -rf " .. emu.shell_quote(dir) .. " && mkdir -p " .. emu.shell_quote(dir))
    == 0)
  write(dir .. "/app.lua", (opts.body or "") .. "\n" .. APP .. "\n" .. (opts.lua or ""))
  local cfg = ([[
global
    nbthread %d
    log stderr local0 info
    lua-prepend-path %s/lua/?.lua
    lua-prepend-path %s/lua/?/init.lua
    lua-prepend-path %s/build/lua5.3/?.so cpath
    lua-load %s/app.lua

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s

frontend web
    bind 127.0.0.1:%d
    http-request use-service lua.ping if { path /ping }
    http-request use-service lua.run if { path /run }
%s
]]):format(opts.nbthread or 2, ROOT, ROOT, ROOT, dir, port, opts.cfg or "")
  cfg = cfg:gsub("%$PORT%((%w+)%)", function(name)
    opts.ports = opts.ports or {}
    opts.ports[name] = opts.ports[name] or emu.free_port()
    return tostring(opts.ports[name])
  end)
  write(dir .. "/haproxy.cfg", cfg)
  -- in the foreground (-db), so that its log and alerts reach haproxy.log
  local code, out, err = emu.sh("haproxy -db -f " .. emu.shell_quote(dir .. "/haproxy.cfg")
    .. " >" .. emu.shell_quote(dir .. "/haproxy.log") .. " 2>&1 </dev/null & echo $!")
  assert(code == 0, "haproxy did not start: " .. out .. err)
  local srv = setmetatable({ port = port, dir = dir, ports = opts.ports or {} },
    { __index = _M })
  srv.pid = assert(tonumber(out:match("%d+")), "no pid for haproxy")
  running[#running + 1] = srv
  -- a watchdog stops this HAProxy if the spec process dies without stopping it
  local stat = io.open("/proc/self/stat"):read("l")
  emu.when_gone(stat:match("^(%d+)"), "kill " .. srv.pid)
  for _ = 1, 100 do
    local s = socket.tcp()
    s:settimeout(0.1)
    if s:connect("127.0.0.1", port) then s:close() return srv end
    s:close()
    if emu.sh("kill -0 " .. srv.pid .. " 2>/dev/null") ~= 0 then break end
    socket.sleep(0.05)
  end
  error("haproxy did not answer on port " .. port .. ": " .. srv:log())
end

function _M:stop()
  if self.stopped then return end
  self.stopped = true
  emu.sh("kill " .. self.pid .. " 2>/dev/null")
  for _ = 1, 50 do
    if emu.sh("kill -0 " .. self.pid .. " 2>/dev/null") ~= 0 then break end
    socket.sleep(0.05)
  end
end

--- What HAProxy wrote to stderr (its log, core.Info lines, alerts).
function _M:log()
  return read(self.dir .. "/haproxy.log") or ""
end

--- A raw request to this HAProxy; returns the body and when it completed.
function _M:request(method, path, body, timeout)
  local s = socket.tcp()
  s:settimeout(timeout or 60)
  assert(s:connect("127.0.0.1", self.port))
  s:send(method .. " " .. path .. " HTTP/1.0\r\nHost: t\r\nContent-Length: "
    .. #(body or "") .. "\r\n\r\n" .. (body or ""))
  local raw = s:receive("*a") or ""
  s:close()
  return raw:match("\r\n\r\n(.*)$") or raw, socket.gettime(), raw
end

-- Values of a reply: "#1".. keys back to a list (JSON null: nil).
local function unplain(v)
  if type(v) ~= "table" then
    if v == emu.null then return nil end
    return v
  end
  local t = {}
  for k, x in pairs(v) do
    local i = type(k) == "string" and k:match("^#(%d+)$")
    t[i and tonumber(i) or k] = unplain(x)
  end
  return t
end

_M.unplain = unplain

--- Runs a Lua chunk in a service; returns the decoded reply
--- { values = {...}, n, raised }.
function _M:run(code, timeout)
  local body, _, raw = self:request("POST", "/run", code, timeout)
  local ok, out = pcall(emu.json, body)
  assert(ok, "no JSON from /run: " .. raw .. "\n" .. self:log():sub(-2000))
  return unplain(out)
end

--- The values of run's reply, or an error with what was raised.
function _M.values(out)
  assert(out.raised == nil, out.raised)
  return table.unpack(out.values or {}, 1, out.n)
end

-- Sockets for concurrent requests: start, then finish.
function _M:start_request(path, body)
  local s = socket.tcp()
  s:settimeout(60)
  assert(s:connect("127.0.0.1", self.port))
  s:send("POST " .. path .. " HTTP/1.0\r\nHost: t\r\nContent-Length: " .. #(body or "")
    .. "\r\n\r\n" .. (body or ""))
  return s
end

function _M.finish_request(s)
  local raw = s:receive("*a") or ""
  s:close()
  return raw:match("\r\n\r\n(.*)$") or raw, socket.gettime()
end

-- Stop every HAProxy this process started when it exits.
_M._anchor = setmetatable({}, { __gc = function()
  for _, srv in ipairs(running) do srv:stop() end
end })

return _M

-- spec.helpers.nginx: a real nginx (Debian's, with ngx_http_lua on LuaJIT) running
-- datadog.resty, for the specs of spec/nginx.
--
--   local ngx_srv = require "spec.helpers.nginx"
--   local srv = ngx_srv.start{ workers = 1, http = "...", init_worker = "...", init = "..." }
--   local out = srv:run([[ return dd:list_opsgenie_services() ]])  -- Lua run in a handler
--   srv:stop()                                                     -- also at process exit
--
-- `run` posts a Lua chunk to /run, where it is executed in a content handler with `dd`
-- (the client made in init_worker_by_lua), `datadog`, `resty` and `ARGS` in scope; the
-- chunk's return values come back as JSON, error objects as {is_error, kind, status,
-- message, attempts, errors, operation, tostring}. /ping answers at once.
--
-- The module is the LuaJIT build (`make luajit`: build/luajit/datadog/core.so) and the
-- checkout's lua/ files, as docs/NGINX.md tells a user to set them up.

local socket = require "socket"
local emu = require "spec.helpers.emulator"

local _M = {}

local ROOT = emu.root
local MODULES = os.getenv("EMULATOR_MODULES_DIR") or "/usr/lib/nginx/modules"

local running = {}

local function write(path, data)
  local f = assert(io.open(path, "w"))
  f:write(data)
  f:close()
end

local function sh(cmd)
  local code, out, err = emu.sh(cmd)
  return code, out .. err
end

-- The handler that runs test chunks: JSON in, JSON out (lua-cjson on LuaJIT).
local APP = [=[
local cjson = require "cjson.safe"
local datadog = require "datadog"
local M = {}

local function plain(v, depth)
  depth = depth or 0
  if depth > 20 then return "<deep>" end
  if datadog.is_error(v) then
    local errs = {}
    for i, e in ipairs(v.errors or {}) do errs[i] = plain(e, depth + 1) end
    return { is_error = true, kind = v.kind, status = v.status, message = v.message,
      attempts = v.attempts, operation = v.operation, errors = errs,
      body = v.body, tostring = tostring(v) }
  end
  if v == datadog.null then return cjson.null end
  if type(v) == "table" then
    local t = {}
    for k, x in pairs(v) do t[type(k) == "number" and k or tostring(k)] = plain(x, depth + 1) end
    return t
  end
  if type(v) == "function" or type(v) == "userdata" or type(v) == "thread" then
    return tostring(v)
  end
  return v
end

function M.run()
  ngx.req.read_body()
  local code = ngx.req.get_body_data() or ""
  local chunk, perr = loadstring(code, "=test")
  ngx.header["Content-Type"] = "application/json"
  if not chunk then
    ngx.say(cjson.encode({ raised = "load: " .. perr }))
    return
  end
  setfenv(chunk, setmetatable({ dd = package.loaded["test.dd"], datadog = datadog,
    resty = require "datadog.resty", ARGS = ngx.req.get_uri_args(),
    init_error = package.loaded["test.init_error"] }, { __index = _G }))
  local res = { pcall(chunk) }
  local out = { worker = ngx.worker.id(), n = #res - 1 }
  if not res[1] then
    out.raised = tostring(res[2])
  else
    out.values = {}
    for i = 2, table.maxn(res) do out.values[i - 1] = plain(res[i]) end
    out.n = table.maxn(res) - 1
  end
  ngx.say(cjson.encode(out))
end

return M
]=]

--- Starts nginx. opts: workers (1), http (extra http-level directives), server (extra
-- server-level directives: locations), init (Lua run in init_by_lua), init_worker (Lua
-- run in init_worker_by_lua; may set package.loaded["test.dd"] = client).
function _M.start(opts)
  opts = opts or {}
  assert(emu.sh("make --no-print-directory -s luajit") == 0, "make luajit failed")
  local port = emu.free_port()
  local prefix = ROOT .. "/build/nginx-spec/" .. port
  assert(emu.sh("rm -rf '" .. prefix .. "' && mkdir -p '" .. prefix .. "/conf' '"
    .. prefix .. "/logs' '" .. prefix .. "/app' '" .. prefix .. "/tmp'") == 0)
  write(prefix .. "/app/spec_app.lua", APP)
  local user = io.popen("id -u"):read("l") == "0" and "user root;" or ""
  write(prefix .. "/conf/nginx.conf", ([[
load_module "%s/ndk_http_module.so";
load_module "%s/ngx_http_lua_module.so";
%s
worker_processes %d;
daemon on;
master_process on;
pid logs/nginx.pid;
error_log logs/error.log info;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path tmp/client_body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    lua_package_path "%s/lua/?.lua;%s/lua/?/init.lua;%s/app/?.lua;;";
    lua_package_cpath "%s/build/luajit/?.so;;";
    lua_shared_dict datadog 1m;
    %s
    init_by_lua_block {
        %s
    }
    init_worker_by_lua_block {
        %s
    }
    server {
        listen 127.0.0.1:%d;
        location = /run { content_by_lua_block { require("spec_app").run() } }
        location = /ping { content_by_lua_block { ngx.say("pong") } }
        %s
    }
}
]]):format(MODULES, MODULES, user, opts.workers or 1, ROOT, ROOT, prefix, ROOT,
    opts.http or "", opts.init or "", opts.init_worker or "", port, opts.server or ""))
  local code, out = sh("nginx -p '" .. prefix .. "' -c conf/nginx.conf")
  assert(code == 0, "nginx did not start: " .. out)
  local srv = setmetatable({ port = port, prefix = prefix }, { __index = _M })
  running[#running + 1] = srv
  -- a watchdog stops this nginx if the spec process dies without stopping it
  local stat = io.open("/proc/self/stat"):read("l")
  emu.when_gone(stat:match("^(%d+)"), "nginx -p " .. emu.shell_quote(prefix) .. " -c conf/nginx.conf -s stop")
  -- wait until it answers
  for _ = 1, 100 do
    local s = socket.tcp()
    s:settimeout(0.1)
    if s:connect("127.0.0.1", port) then s:close() return srv end
    s:close()
    socket.sleep(0.05)
  end
  error("nginx did not answer on port " .. port)
end

function _M:stop()
  if self.stopped then return end
  self.stopped = true
  sh("nginx -p '" .. self.prefix .. "' -c conf/nginx.conf -s stop")
  for _ = 1, 50 do
    local f = io.open(self.prefix .. "/logs/nginx.pid")
    if not f then break end
    f:close()
    socket.sleep(0.05)
  end
end

--- The pid of the (first) worker process.
function _M:worker_pid()
  local f = assert(io.open(self.prefix .. "/logs/nginx.pid"))
  local master = f:read("l")
  f:close()
  local p = io.popen("pgrep -P " .. master)
  local pid = p:read("l")
  p:close()
  return tonumber(pid)
end

--- The error log (what ngx.log wrote).
function _M:log()
  local f = io.open(self.prefix .. "/logs/error.log")
  local s = f and f:read("a") or ""
  if f then f:close() end
  return s
end

--- A raw request to this nginx; returns the body and when it completed (socket.gettime).
function _M:request(method, path, body, timeout)
  local s = socket.tcp()
  s:settimeout(timeout or 30)
  assert(s:connect("127.0.0.1", self.port))
  s:send(method .. " " .. path .. " HTTP/1.0\r\nHost: t\r\nContent-Length: "
    .. #(body or "") .. "\r\n\r\n" .. (body or ""))
  local raw = s:receive("*a") or ""
  s:close()
  return raw:match("\r\n\r\n(.*)$") or raw, socket.gettime()
end

--- Runs a Lua chunk in a content handler; returns the decoded reply
--- { values = {...}, n, raised, worker }.
function _M:run(code, query, timeout)
  local body = self:request("POST", "/run" .. (query or ""), code, timeout)
  return emu.json(body)
end

-- Sockets of the same client for concurrent requests: start, then finish.
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

-- Stop every nginx this process started when it exits.
local gc_anchor = setmetatable({}, { __gc = function()
  for _, srv in ipairs(running) do srv:stop() end
end })
_M._anchor = gc_anchor

return _M

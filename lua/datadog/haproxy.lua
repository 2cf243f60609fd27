--- The client inside HAProxy (2.6, Lua 5.3): the same methods, values and
-- error objects as `datadog.new`, without ever blocking HAProxy.
--
--    -- the file lua-load runs: no I/O, so a client may be made here
--    DD = require("datadog.haproxy").new{ listener = "127.0.0.1:9443" }
--    -- in an action, a service or a task
--    local res, err = DD:get_incident(id)
--
-- Every call runs the C core's call engine at the byte level (`call:wire`):
-- the same checks, retries, waits, decoding and masking as a libcurl call,
-- and the same HTTP framing, connection rules and time limits, all decided
-- in C. The bytes move over `core.tcp()` sockets, waits are `core.msleep`,
-- batches run on tasks registered at run time (HAProxy 2.6 has no queue
-- class: the caller polls a counter with `core.msleep`).
--
-- HAProxy 2.6's sockets shape what this client accepts. `connect` takes IP
-- literals only (a host name raises "cannot parse destination address":
-- there is no DNS at run time), and `connect_ssl` verifies no certificate
-- and takes no CA or SNI. So the base URL is either plain HTTP to an IP
-- literal (or localhost), or, for Datadog, `https` reached through
-- `listener`: a loopback listener of the same HAProxy whose backend
-- connects to the API with `ssl verify required`, a CA file, `sni` and a
-- `resolvers` section. The client sends it the site's `Host` in plain text
-- over loopback; keys never go over a TLS connection nobody verified.
-- docs/HAPROXY.md has the whole haproxy.cfg.
-- @module datadog.haproxy

local core = core -- HAProxy's, a global where lua-load runs
local datadog = require "datadog"
local util = require "datadog.util"
local hostlib = require "datadog.host"

local ceil = math.ceil

local _M = { _VERSION = datadog._VERSION }
-- builders, encode/decode, null, is_error, help...: pure, safe anywhere
for k, v in pairs(datadog.pure) do _M[k] = v end

-- Options of datadog.new that have no meaning inside HAProxy, and why.
local REFUSED = {
  transport = "inside HAProxy the transport is core.tcp()",
  proxy = "core.tcp() does not go through an HTTP proxy: point base_url at a frontend of "
    .. "this HAProxy instead",
  ca_file = "HAProxy's connect_ssl takes no CA: give the CA file to the backend behind "
    .. "option listener (ca-file on its server line)",
  ca_path = "HAProxy's connect_ssl takes no CA: give the CA file to the backend behind "
    .. "option listener (ca-file on its server line)",
  windows = "this client counts rate-limit windows itself, for every caller of the Lua "
    .. "state it was made in",
}

-- Where a call may wait: HAProxy resumes these after a yield.
local WHERE = "calls wait on sockets and timers, which HAProxy allows only in actions, "
  .. "services and tasks (core.register_action, core.register_service, "
  .. "core.register_task): make the client in the file lua-load runs, call it from those"

local function raise(msg, field) util.raise("datadog.haproxy.new", msg, field) end

-- "a.b.c.d" with each part at most 255, or a bracketed IPv6 literal.
local function ip_literal(host)
  if host:sub(1, 1) == "[" then return host:find("^%[[%x:.]+%]$") ~= nil end
  local a, b, c, d = host:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if not a then return false end
  for _, p in ipairs{ a, b, c, d } do
    if tonumber(p) > 255 then return false end
  end
  return true
end

-- The listener option: "127.x.y.z:port" or "[::1]:port", loopback only,
-- since the keys travel to it in plain text.
local function parse_listener(v)
  if type(v) ~= "string" then
    raise("option listener must be a string \"address:port\" (got " .. type(v) .. ")",
      "listener")
  end
  local host, port = v:match("^(.*):(%d+)$")
  port = tonumber(port)
  if not host or not port or port < 1 or port > 65535 then
    raise("option listener must be \"address:port\", e.g. \"127.0.0.1:9443\"", "listener")
  end
  if not (host:find("^127%.") and ip_literal(host)) and host ~= "[::1]" then
    raise("option listener must be a loopback address of this HAProxy (127.0.0.1, [::1]): "
      .. "the keys travel to it unencrypted", "listener")
  end
  return { addr = host:gsub("^%[(.*)%]$", "%1"), port = port }
end

-- Checks that the client can reach where it sends, with HAProxy's sockets.
local function check_target(cfg, listener)
  local url = cfg.base_url or ("https://api." .. cfg.site)
  local field = cfg.base_url and "base_url" or "site"
  local scheme, authority = url:match("^(%a+)://([^/]+)")
  scheme = scheme and scheme:lower()
  if scheme == "https" then
    if not listener then
      raise("option " .. field .. ": " .. url .. " needs TLS, and HAProxy 2.6's connect_ssl "
        .. "verifies no certificate and takes no CA or SNI, so the keys would go out over an "
        .. "unverified connection: give option listener, a loopback listener of this "
        .. "HAProxy whose backend reaches the API with ssl verify required, ca-file and sni "
        .. "(docs/HAPROXY.md)", field)
    end
    return
  end
  -- (a listener is not used for plain HTTP: one config serves both, e.g.
  -- DD_BASE_URL set to an emulator, or not, for Datadog)
  local host = authority:gsub(":%d+$", "")
  if host:lower() ~= "localhost" and not ip_literal(host) then
    raise("option base_url: HAProxy's core.tcp() connects to IP addresses only (a host "
      .. "name raises \"cannot parse destination address\"; there is no DNS at run time): "
      .. "give the address, as in http://127.0.0.1:8080", "base_url")
  end
end

local mt -- the metatable of clients, made below with their methods (datadog.host)

--- Makes a client; no I/O, so it may be made in the file lua-load runs.
-- Takes the options of `datadog.new` (keys from `DD_API_KEY`/`DD_APP_KEY`),
-- except `transport`, `proxy`, `ca_file`, `ca_path` and `windows`; plus
-- `listener` ("127.0.0.1:port": a loopback listener of this HAProxy whose
-- backend reaches Datadog over verified TLS; needed for a site or an https
-- base URL; unused for plain HTTP). `debug = true` logs each attempt and wait with `core.Info`.
-- @tparam[opt] table opts
-- @return client
function _M.new(opts)
  local given = hostlib.options("datadog.haproxy.new", opts, REFUSED, {})
  local listener
  if given.listener ~= nil then
    listener = parse_listener(given.listener)
    given.listener = nil
  end
  if given.debug == true then
    given.debug = function(line) core.Info("datadog: " .. line) end
  end
  local dd, cfg = hostlib.core_client("datadog.haproxy.new", given)
  local ok2, err = pcall(check_target, cfg, listener)
  if not ok2 then
    dd:close()
    util.reraise(err)
  end
  return setmetatable({ core = dd, listener = listener or false }, mt)
end

-- ---------------------------------------------------------------- the driver

local function check_context(op)
  if not coroutine.isyieldable() then
    util.raise(op, "cannot call here: " .. WHERE)
  end
end

local function now_ms()
  local t = core.now()
  return t.sec * 1000 + t.usec / 1000
end

-- HAProxy's sockets say "connection closed." for a timeout as for a close:
-- a failure that came when the time was up is the timeout.
local function io_error(err, t0, timeout)
  if now_ms() - t0 >= timeout * 1000 - 1 then return "timeout" end
  if err == "connection closed." then return "closed" end
  return tostring(err)
end

-- One read as the engine asks it: the bytes certainly due (want), the rest
-- of a body framed by the close, or else a line. Socket:receive("*l")
-- strips the line's CR and LF; the framer takes bare LF, and reads lines
-- only in the head, chunk lines and trailers, whose ends carry nothing.
local function read(sock, timeout, want, to_close)
  sock:settimeout(timeout)
  local t0 = now_ms()
  if want then
    local data, err = sock:receive(want)
    if data then return data end
    return nil, io_error(err, t0, timeout)
  elseif to_close then
    local data, err = sock:receive("*a")
    if data then return data, "closed" end -- everything until the close
    return nil, io_error(err, t0, timeout)
  end
  local line, err = sock:receive("*l")
  if line then return line .. "\n" end
  return nil, io_error(err, t0, timeout)
end

-- A fresh connection to target, or to the listener for https (whose
-- backend makes the verified TLS connection). Connections are never kept:
-- see "keep" below.
local function connect(target, listener)
  local addr, port = target.addr, target.port
  if target.tls then
    if not listener then return nil, "https needs option listener" end
    addr, port = listener.addr, listener.port
  end
  local sock = core.tcp()
  sock:settimeout(target.timeout)
  local t0 = now_ms()
  -- (an address HAProxy cannot parse raises: a failed connect all the same)
  local done, ok, err = pcall(sock.connect, sock, addr, port)
  if not done or not ok then
    sock:close()
    return nil, done and io_error(err, t0, target.timeout) or tostring(ok)
  end
  return sock
end

-- Runs a started call to its end: what dd:call returns.
local function run(self, call)
  local sock
  local what, a, b, c = call:wire()
  while true do
    if what == "read" then
      what, a, b, c = call:wire(read(sock, a, b, c))
    elseif what == "write" then
      sock:settimeout(b)
      local t0 = now_ms()
      local n, err = sock:send(a)
      if n and n ~= -1 then -- -1: the connection is gone
        what, a, b, c = call:wire(true)
      else
        what, a, b, c = call:wire(nil, io_error(err, t0, b))
      end
    elseif what == "connect" then
      local s, err = connect(a, self.listener)
      sock = s
      what, a, b, c = call:wire(s and true, err)
    elseif what == "tls" then
      -- only through the listener (new refuses https without it): its
      -- backend does the handshake, with verification
      what, a, b, c = call:wire(true)
    elseif what == "keep" or what == "close" then
      -- "keep" closes too: a kept socket used by a caller on another
      -- thread raises "cannot use socket on other thread", and in the
      -- state lua-load makes Lua cannot tell its thread (core.thread is 0
      -- on every one), so no pool could pick a socket that is safe to use
      if sock then sock:close() end
      sock = nil
      what, a, b, c = call:wire()
    elseif what == "wait" then
      core.msleep(ceil(a * 1000))
      what, a, b, c = call:wire()
    else -- "done"
      return a, b
    end
  end
end

--- The client's methods: those of every host client (datadog.host), with
-- HAProxy's sockets as the byte mover and tasks registered at run time for
-- `batch` (`opts` as `dd:batch`'s: `concurrency`, `deadline`,
-- `max_batch_body`).
mt = select(2, hostlib.client{
  name = "datadog.haproxy",
  check = check_context,
  run = run,
  spawn = function(_, n, worker)
    local running, failure = n, nil
    for _ = 1, n do
      core.register_task(function()
        local ok, err = pcall(worker)
        if not ok then failure = failure or err end -- a raise (a closed client)
        running = running - 1
      end)
    end
    -- no queue to wait on in 2.6: poll, from 1 ms up to 8 ms between looks
    local pause = 1
    while running > 0 do
      core.msleep(pause)
      if pause < 8 then pause = pause * 2 end
    end
    if failure then util.reraise(failure) end
  end,
})

return _M

--- nginx cosockets as the call engine's byte mover: the wire half of `datadog.resty`.
--
-- The engine (`call:wire()`, src/engine/edge.c and src/http1.c) decides everything
-- about a call's connection: where to connect and from which pool, whether a
-- kept connection may be used, the time each action may take (the attempt's
-- timeout cut by the call's deadline, again at every read), the request's
-- bytes, how the answer is framed and whether the connection may be kept.
-- This file only does what it is told with nginx's cosockets and
-- `ngx.sleep`, so nothing here blocks a worker, and reports what happened in
-- the engine's words: `"closed"`, `"timeout"`, or nginx's own text with a
-- hint when the fix is in nginx.conf.
-- @module datadog.cosocket

local ngx = ngx
local tcp = ngx.socket.tcp
local ceil = math.ceil

local _M = {}

-- Bytes asked of one receiveany: what nginx has, up to this.
local READ_MAX = 65536

-- Seconds as the whole milliseconds cosockets take, at least 1 (0 would mean
-- nginx's default, not "no time left").
local function ms(s)
  local v = ceil(s * 1000)
  return v < 1 and 1 or v
end

-- A failed connect, with what to do when the cause is nginx.conf.
local function connect_error(host, err)
  if err:find("no resolver defined", 1, true) then
    return err .. " (add a resolver directive to nginx.conf, e.g. resolver 127.0.0.53;, to "
      .. "resolve " .. host .. ")"
  end
  return err
end
_M.connect_error = connect_error -- datadog.resty's Redis warning says the same

local function tls_error(host, err)
  if host:find("^[%d.]+$") or host:find(":", 1, true) then
    return err .. " (nginx verifies host names only, not IP addresses: use the host name in "
      .. "base_url)"
  elseif err:find("verify", 1, true) or err:find("certificate", 1, true) then
    return err .. " (set lua_ssl_trusted_certificate to a CA bundle in nginx.conf, e.g. "
      .. "/etc/ssl/certs/ca-certificates.crt, and lua_ssl_verify_depth 5;)"
  end
  return err
end

-- lua-resty-core 0.1.25 (Debian 12) can lose a failed verification: asked
-- for no session (false) it may answer true on a connection nginx has
-- already failed, and asked for one it may raise "assertion failed" instead
-- of returning the error. So a session is asked for (nginx frees it), under
-- pcall, and a raise counts as a failed handshake.
local function handshake(sock, host, verify)
  local ok, session, err = pcall(sock.sslhandshake, sock, nil, host, verify)
  if not ok then
    return nil, "the handshake failed and nginx gave no reason (certificate verification "
      .. "fails this way)"
  end
  if session == nil and err then return nil, err end
  return true
end

-- A connection to target, from its pool when the engine allows it. A fresh
-- one asked for, nginx may still hand out a kept one: that one is closed
-- and the next taken, until a fresh one comes.
local function connect(target, pool_size)
  local t = ms(target.timeout)
  for _ = 0, pool_size do
    local sock = tcp()
    sock:settimeouts(t, t, t)
    local ok, err = sock:connect(target.addr, target.port,
      { pool = target.pool, pool_size = pool_size })
    if not ok then return nil, err end
    local reused = sock:getreusedtimes() > 0
    if target.reuse or not reused then return sock, reused end
    sock:close()
  end
  return nil, "closed"
end

--- Drives a started call (`dd:start...`) to its end over cosockets.
-- @param call the call object
-- @tparam table opts `pool_size`; `store`, a function answering the engine's
--   rate-limit store questions `(op, key, value, ttl)` (a client with
--   `shared_dict`)
-- @return what `dd:call` returns
function _M.run(call, opts)
  local sock
  local what, a, b, c, d = call:wire()
  while true do
    if what == "read" then
      sock:settimeouts(nil, nil, ms(a))
      local data, err = sock:receiveany(READ_MAX)
      what, a, b, c, d = call:wire(data, err)
    elseif what == "write" then
      sock:settimeouts(nil, ms(b), nil)
      local ok, err = sock:send(a)
      what, a, b, c, d = call:wire(ok and true, err)
    elseif what == "connect" then
      local s, reused = connect(a, opts.pool_size)
      sock = s
      if s then
        what, a, b, c, d = call:wire(true, reused)
      else
        what, a, b, c, d = call:wire(nil, reused == "timeout" and reused
          or connect_error(a.host, reused))
      end
    elseif what == "tls" then
      local t = ms(c)
      sock:settimeouts(t, t, t)
      local ok, err = handshake(sock, a, b)
      what, a, b, c, d = call:wire(ok, ok or (err == "timeout" and err or tls_error(a, err)))
    elseif what == "keep" then
      sock:setkeepalive(ms(a), opts.pool_size)
      sock = nil
      what, a, b, c, d = call:wire()
    elseif what == "close" then
      if sock then sock:close() end
      sock = nil
      what, a, b, c, d = call:wire()
    elseif what == "wait" then
      ngx.sleep(a)
      what, a, b, c, d = call:wire()
    elseif what == "store" then
      what, a, b, c, d = call:wire(opts.store(a, b, c, d))
    else -- "done"
      return a, b
    end
  end
end

return _M

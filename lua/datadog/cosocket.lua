--- HTTP/1.1 over nginx cosockets: the wire half of `datadog.resty`.
--
-- One request handed out by the call engine (`call:step()` gives it) in,
-- the response as it came off the wire out (status, raw header lines, body
-- still gzip-encoded if it was: the engine decodes), or `nil, {kind, message}`
-- in the engine's failure kinds. Nothing here blocks an nginx worker: every
-- wait is a cosocket operation. Nothing here retries either, with one
-- exception that libcurl makes too: a request that may be sent again (not
-- `send_once`) whose kept-alive connection turns out closed before any byte
-- of answer goes out again on a fresh connection at once.
--
-- Connections are kept alive in nginx's per-worker pools (`setkeepalive`),
-- in two pools per host: reads, kept up to `keepalive_timeout`; and writes
-- sent at most once (POST, PATCH), kept only 2 s, so that a write never
-- rides a connection the server may be closing as idle (the race that makes
-- a write vanish). TLS goes through `sslhandshake` with the host as server
-- name, verified against nginx's `lua_ssl_trusted_certificate`.
-- @module datadog.cosocket

local ngx = ngx
local tcp = ngx.socket.tcp
local now = ngx.now
local concat = table.concat

local _M = {}

-- Writes reuse only a connection used in the last 2 s (libcurl's
-- CURLOPT_MAXAGE_CONN for the same rule in the C driver).
local WRITE_IDLE_MS = 2000

--- Splits an absolute URL: scheme, host (for connect), port, authority (for
-- Host:), path with query.
local function parse_url(url)
  local scheme, rest = url:match("^(https?)://(.*)$")
  if not scheme then return nil end
  local authority, path = rest:match("^([^/]*)(.*)$")
  local host, port = authority:match("^%[([^%]]+)%]:?(%d*)$") -- [::1]:8080
  if not host then host, port = authority:match("^([^:]+):?(%d*)$") end
  if not host then return nil end
  port = tonumber(port) or (scheme == "https" and 443 or 80)
  return scheme, host, port, authority, path ~= "" and path or "/"
end
_M.parse_url = parse_url

local function fail(kind, message)
  return nil, { kind = kind, message = kind .. ": " .. message }
end

-- A cosocket error on connect, with what to do when it is configuration.
local function connect_failure(host, port, err)
  if err == "timeout" then
    return fail("timeout", "connecting to " .. host .. ":" .. port .. " timed out")
  end
  if err:find("no resolver defined", 1, true) then
    return fail("connect", "cannot resolve " .. host .. ": " .. err
      .. " (add a resolver directive to nginx.conf, e.g. resolver 127.0.0.53;)")
  end
  return fail("connect", "cannot connect to " .. host .. ":" .. port .. ": " .. err)
end

local function tls_failure(host, err)
  local hint = ""
  if host:find("^[%d.]+$") or host:find(":", 1, true) then
    hint = " (nginx verifies host names only, not IP addresses: use the host name in base_url)"
  elseif err:find("verify", 1, true) or err:find("certificate", 1, true) then
    hint = " (set lua_ssl_trusted_certificate to a CA bundle in nginx.conf, e.g. "
      .. "/etc/ssl/certs/ca-certificates.crt, and lua_ssl_verify_depth 5;)"
  end
  return fail("tls", "TLS handshake with " .. host .. " failed: " .. err .. hint)
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

local function io_failure(what, err)
  if err == "timeout" then return fail("timeout", what .. " timed out") end
  return fail("network", what .. ": " .. tostring(err))
end

-- The headers the engine hands out, in a fixed order: the same bytes from one
-- call to the next without sorting on every request.
local ORDER = { "Accept", "Accept-Encoding", "Content-Encoding", "Content-Type",
  "DD-API-KEY", "DD-APPLICATION-KEY", "User-Agent" }
local KNOWN = {}
for _, name in ipairs(ORDER) do KNOWN[name] = true end

-- The request's bytes: the same header set libcurl sends.
local function frame(req, authority, path)
  local h = req.headers
  local lines = { req.method, " ", path, " HTTP/1.1\r\nHost: ", authority, "\r\n" }
  for i = 1, #ORDER do
    local v = h[ORDER[i]]
    if v then lines[#lines + 1] = ORDER[i] .. ": " .. v .. "\r\n" end
  end
  for name, v in pairs(h) do -- a header the engine may add later
    if not KNOWN[name] then lines[#lines + 1] = name .. ": " .. v .. "\r\n" end
  end
  if req.body then
    lines[#lines + 1] = "Content-Length: " .. #req.body .. "\r\n\r\n"
    lines[#lines + 1] = req.body
  else
    lines[#lines + 1] = "\r\n"
  end
  return concat(lines)
end

-- Reads the status line and headers, the block in one read. Returns status,
-- raw header lines, a table of the ones framing needs (lower-case), whether
-- any byte came.
local function read_head(sock)
  local reader = sock:receiveuntil("\r\n\r\n")
  local block, err, partial = reader()
  if not block then return nil, err, nil, partial ~= nil and partial ~= "" end
  local status = tonumber(block:match("^HTTP/1%.[01] (%d%d%d)"))
  if not status then return nil, "not an HTTP/1.x status line", nil, true end
  if status >= 100 and status < 200 then -- 100 Continue and kin: the real head follows
    return read_head(sock)
  end
  local head = block:match("^[^\r\n]*\r?\n(.*)$") or ""
  local framing = {}
  for name, value in head:gmatch("([^:\r\n]+):[ \t]*([^\r\n]*)") do
    local lname = name:lower()
    if lname == "content-length" or lname == "transfer-encoding" or lname == "connection" then
      framing[lname] = framing[lname] and (framing[lname] .. ", " .. value) or value
    end
  end
  return status, head .. "\r\n", framing, true
end

-- Reads a chunked body; nil, err, too_large.
local function read_chunked(sock, max_body)
  local parts, size = {}, 0
  while true do
    local line, err = sock:receive("*l")
    if not line then return nil, err end
    local n = tonumber(line:match("^%s*(%x+)"), 16)
    if not n then return nil, "bad chunk size line" end
    if n == 0 then
      repeat -- trailers, up to the blank line
        line, err = sock:receive("*l")
        if not line then return nil, err end
      until line == ""
      return concat(parts)
    end
    size = size + n
    if size > max_body then return nil, nil, true end
    local data
    data, err = sock:receive(n)
    if not data then return nil, err end
    parts[#parts + 1] = data
    line, err = sock:receive("*l") -- the CRLF after the chunk
    if not line then return nil, err end
  end
end

-- Reads until the server closes (no length given).
local function read_to_close(sock, max_body)
  local parts, size = {}, 0
  while true do
    local data, err, partial = sock:receive(65536)
    data = data or partial
    if data and #data > 0 then
      size = size + #data
      if size > max_body then return nil, nil, true end
      parts[#parts + 1] = data
    end
    if err == "closed" then return concat(parts) end
    if err then return nil, err end
  end
end

local function too_large(max_body)
  return fail("too_large", "the response body is larger than max_body ("
    .. string.format("%d", max_body) .. " bytes)")
end

-- One exchange on sock. Returns response | nil, err, and whether the
-- connection may go back to its pool; `nothing` is true when no byte of
-- answer came at all.
local function exchange(sock, req, bytes, deadline)
  local function remaining_ms()
    return math.max(1, math.floor((deadline - now()) * 1000))
  end
  sock:settimeouts(nil, remaining_ms(), remaining_ms())
  local ok, err = sock:send(bytes)
  if not ok then return nil, err, false, true end
  sock:settimeouts(nil, remaining_ms(), remaining_ms())
  local status, head, framing, any = read_head(sock)
  if not status then return nil, head, false, not any end
  local body, too_big
  local length = framing["content-length"]
  local te = framing["transfer-encoding"]
  local keep = not (framing.connection and framing.connection:lower():find("close", 1, true))
  if status == 204 or status == 304 or req.method == "HEAD" then
    body = ""
  elseif te and te:lower():find("chunked", 1, true) then
    sock:settimeouts(nil, remaining_ms(), remaining_ms())
    body, err, too_big = read_chunked(sock, req.max_body)
  elseif length then
    local n = tonumber(length:match("^%d+"))
    if not n then return nil, "bad Content-Length: " .. length, false, false end
    if n > req.max_body then too_big = true
    elseif n == 0 then body = ""
    else
      sock:settimeouts(nil, remaining_ms(), remaining_ms())
      body, err = sock:receive(n)
    end
  else
    keep = false -- the end of the body is the end of the connection
    sock:settimeouts(nil, remaining_ms(), remaining_ms())
    body, err, too_big = read_to_close(sock, req.max_body)
  end
  if too_big then return nil, "too_large", false, false end
  if not body then return nil, err, false, false end
  return { status = status, headers = head, body = body }, nil, keep, false
end

--- Sends `req` (a request table from `call:step()`) and reads the answer.
-- @tparam table req method, url, headers, body, send_once, timeout,
--   connect_timeout, max_body
-- @tparam table opts verify (TLS), pool_size, keepalive_timeout (ms)
-- @return response `{status, headers, body}`, or nil and `{kind, message}`
function _M.request(req, opts)
  local scheme, host, port, authority, path = parse_url(req.url)
  if not scheme then return fail("connect", "cannot parse the URL " .. req.url) end
  local tls = scheme == "https"
  local write = req.send_once
  local pool = ("datadog:%s:%d:%s%s"):format(host, port,
    tls and (opts.verify and "tls" or "tls-noverify") or "plain", write and ":w" or "")
  local bytes = frame(req, authority, path)
  local deadline = now() + req.timeout
  -- nginx's resolver does not read /etc/hosts; localhost is loopback
  -- whatever the resolver says (RFC 6761), and TLS still checks the name
  local addr = host == "localhost" and "127.0.0.1" or host
  -- A read may go out again when a kept-alive connection was already closed
  -- by the server; the pool holds at most pool_size of them.
  for _ = 1, write and 1 or (opts.pool_size + 1) do
    local sock = tcp()
    sock:settimeouts(math.floor(req.connect_timeout * 1000), 1000, 1000)
    local ok, err = sock:connect(addr, port, { pool = pool, pool_size = opts.pool_size })
    if not ok then return connect_failure(host, port, err) end
    local reused = sock:getreusedtimes() > 0
    if tls and not reused then
      sock:settimeouts(math.floor(req.connect_timeout * 1000), 1000,
        math.floor(req.connect_timeout * 1000))
      ok, err = handshake(sock, host, opts.verify)
      if not ok then
        sock:close()
        return tls_failure(host, err)
      end
    end
    local res, kept, nothing
    res, err, kept, nothing = exchange(sock, req, bytes, deadline)
    if res then
      if kept then
        sock:setkeepalive(write and WRITE_IDLE_MS or opts.keepalive_timeout, opts.pool_size)
      else
        sock:close()
      end
      return res
    end
    sock:close()
    if err == "too_large" then return too_large(req.max_body) end
    if not (reused and nothing) then
      if nothing and err ~= "timeout" then
        return fail("network", "the server closed the connection without an answer ("
          .. tostring(err) .. ")")
      end
      return io_failure("reading the response", err)
    end
    if write then
      -- a write is never resent behind the caller's back: the server may
      -- have acted on it before the connection went
      return fail("network", "the connection closed before any answer; the server may have "
        .. "acted on the " .. req.method .. ", which is sent once (not resent) unless "
        .. req.method .. " is in retry.methods")
    end
    if now() >= deadline then return io_failure("reading the response", "timeout") end
  end
  return fail("network", "every kept-alive connection was closed by the server")
end

return _M

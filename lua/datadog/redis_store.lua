--- Redis as the store of the engine's rate-limit windows: one budget for
-- every host that points at the same Redis.
--
-- The rules of the windows are the C engine's (src/window.c): it asks a
-- store six atomic operations on keys with a time to live - get, incr, add,
-- set, ttl, del - and this file answers them from Redis with the same
-- meaning as nginx's lua_shared_dict (datadog.resty's `shared_store`):
--
--    get  -> the string, or nil when absent
--    incr -> the new number, or nil when absent (an absent key is not made)
--    add  -> true when written, false when the key was there
--    set  -> true
--    ttl  -> seconds left, 0 for a key that never expires, nil when absent
--    del  -> true
--
-- It speaks RESP (Redis's protocol: commands as arrays of bulk strings)
-- over a socket the host gives, with nginx cosocket methods: connect with a
-- pool, settimeouts, send, receive("*l") and receive(n), setkeepalive,
-- getreusedtimes, close. AUTH and SELECT go out on a new connection only.
--
-- Redis can never make a call fail or stall: an answer that does not come
-- within the timeout, or any error, is an outage. Then the fallback store
-- answers (the worker's own budget), the host's `warn` is told once, and
-- Redis is not asked again for a second, so that a dead Redis costs no
-- time; the first answer after that ends the outage (the deletes Redis
-- missed are sent first).
-- @module datadog.redis_store

local _M = {}

local ceil, floor, max = math.ceil, math.floor, math.max
local concat, tostring, tonumber, select = table.concat, tostring, tonumber, select
local fmt = string.format
local unpack = table.unpack or unpack

-- Seconds an outage lasts before Redis is asked again.
_M.RETRY_AFTER = 1
-- Deletes kept for Redis during an outage, at most.
local OWED_MAX = 64

-- incr that never makes a key: INCRBY alone would start an absent count at
-- 0, a spent window's key gone at its reset would come back with no time to
-- live and hold every call for ever. INCRBY keeps the key's time to live.
local INCR = "if redis.call('EXISTS', KEYS[1]) == 1 then "
  .. "return redis.call('INCRBY', KEYS[1], ARGV[1]) end return false"

-- ---------------------------------------------------------------- RESP

-- A number as Redis reads it: whole numbers without a fraction.
local function word(v)
  if type(v) == "number" and v == floor(v) and v > -2^53 and v < 2^53 then
    return fmt("%d", v)
  end
  return tostring(v)
end

-- A command as an array of bulk strings.
local function command(...)
  local n = select("#", ...)
  local out = { "*" .. n .. "\r\n" }
  for i = 1, n do
    local a = word((select(i, ...)))
    out[#out + 1] = "$" .. #a .. "\r\n" .. a .. "\r\n"
  end
  return concat(out)
end

-- One reply: value (nil for Redis's null), or nil, err, usable. usable is
-- true for an error reply of Redis's (the connection may be kept), false
-- for a failure of the socket or of the framing.
local function reply(sock, depth)
  local line, err = sock:receive("*l")
  if not line then return nil, err or "closed", false end
  local kind, rest = line:sub(1, 1), line:sub(2)
  if kind == "+" then
    return rest
  elseif kind == "-" then
    return nil, rest, true
  elseif kind == ":" then
    local n = tonumber(rest)
    if n then return n end
  elseif kind == "$" then
    local len = tonumber(rest)
    if len and len < 0 then return nil end
    if len and len <= 65536 then
      local data, rerr = sock:receive(len + 2)
      if not data then return nil, rerr or "closed", false end
      return data:sub(1, len)
    end
  elseif kind == "*" and (depth or 0) < 2 then -- not asked for; read whole, to keep framing
    local n = tonumber(rest)
    if n and n < 0 then return nil end
    if n and n <= 64 then
      local t = {}
      for i = 1, n do
        local v, rerr, usable = reply(sock, (depth or 0) + 1)
        if rerr then return nil, rerr, usable end
        t[i] = v
      end
      return t
    end
  end
  return nil, "not a Redis reply", false
end

-- ---------------------------------------------------------------- the store

local function check(cond, msg)
  if not cond then error("datadog.redis_store.new: " .. msg, 3) end
end

--- Makes a store function `(op, key, value, ttl) -> reply | nil, err`.
-- @tparam table opts
--   `tcp` (a function making a socket with nginx cosocket methods),
--   `host`, `port` (6379), `password`, `db` (0), `prefix` (""),
--   `timeout` (0.2 s, for each of connect, send and read), `pool` (the
--   name of the kept connections' pool), `pool_size` (32), `idle` (60 s a
--   kept connection may idle), `now` (a clock in seconds), `fallback` (the
--   store that answers while Redis does not), `warn(reason)` (told once
--   per outage, never with the password), `back()` (told when it ends).
-- @treturn function
function _M.new(opts)
  check(type(opts) == "table", "options must be a table")
  check(type(opts.tcp) == "function", "tcp must be a function making a socket")
  check(type(opts.host) == "string", "host must be a string")
  check(opts.fallback ~= nil, "fallback must be a store")
  check(type(opts.now) == "function", "now must be a clock function")
  local tcp, host, port = opts.tcp, opts.host, opts.port or 6379
  local prefix, fallback, now = opts.prefix or "", opts.fallback, opts.now
  local warn, back = opts.warn or function() end, opts.back or function() end
  local t_ms = max(1, ceil((opts.timeout or 0.2) * 1000))
  local idle_ms = max(1, ceil((opts.idle or 60) * 1000))
  local pool_size = opts.pool_size or 32
  local connect_opts = { pool = opts.pool, pool_size = pool_size }
  -- what a new connection sends before its first command
  local hello = ""
  if opts.password then hello = command("AUTH", opts.password) end
  if (opts.db or 0) ~= 0 then hello = hello .. command("SELECT", opts.db) end
  local n_hello = (opts.password and 1 or 0) + ((opts.db or 0) ~= 0 and 1 or 0)

  -- A reason as the host may log it: Redis's errors do not quote AUTH's
  -- argument, but a proxy in front of it might.
  local function masked(text)
    local pw = opts.password
    if not pw or pw == "" then return text end
    local out, i = {}, 1
    while true do
      local a, b = text:find(pw, i, true)
      if not a then break end
      out[#out + 1] = text:sub(i, a - 1) .. "****"
      i = b + 1
    end
    return concat(out) .. text:sub(i)
  end

  -- One command: its reply, or nil, err (a Redis error reply, or the
  -- socket's). The connection goes back to its pool only after a whole reply.
  local function query(...)
    local sock = tcp()
    sock:settimeouts(t_ms, t_ms, t_ms)
    local ok, err = sock:connect(host, port, connect_opts)
    if not ok then return nil, "connect: " .. tostring(err) end
    local out, skip = command(...), 0
    if n_hello > 0 and (sock:getreusedtimes() or 0) == 0 then
      out, skip = hello .. out, n_hello
    end
    ok, err = sock:send(out)
    if not ok then sock:close() return nil, "send: " .. tostring(err) end
    local first_err
    for _ = 1, skip do -- AUTH, SELECT: "+OK", or why not
      local _, rerr, usable = reply(sock)
      if rerr and not usable then sock:close() return nil, "read: " .. rerr end
      first_err = first_err or rerr
    end
    local v, rerr, usable = reply(sock)
    if rerr and not usable then sock:close() return nil, "read: " .. rerr end
    if first_err then -- a connection that is not authenticated is not kept
      sock:close()
      return nil, first_err
    end
    sock:setkeepalive(idle_ms, pool_size)
    if rerr then return nil, rerr end
    return v
  end

  -- The operation on Redis: reply, or nil, err.
  local function ask(op, key, value, ttl)
    key = prefix .. key
    local px = ttl and ttl > 0 and max(1, ceil(ttl * 1000)) or nil
    if op == "get" then
      local v, err = query("GET", key)
      if err then return nil, err end
      return v
    elseif op == "incr" then
      local v, err = query("EVAL", INCR, 1, key, value)
      if err then return nil, err end
      return v -- nil: absent
    elseif op == "add" then
      local v, err
      if px then
        v, err = query("SET", key, value, "NX", "PX", px)
      else
        v, err = query("SET", key, value, "NX")
      end
      if err then return nil, err end
      return v == "OK"
    elseif op == "set" then
      local _, err
      if px then
        _, err = query("SET", key, value, "PX", px)
      else
        _, err = query("SET", key, value)
      end
      if err then return nil, err end
      return true
    elseif op == "ttl" then
      local v, err = query("PTTL", key)
      if err then return nil, err end
      if type(v) ~= "number" or v == -2 then return nil end
      if v < 0 then return 0 end -- no time to live
      -- less than a millisecond left is still a time to live: 0 would
      -- read as none, and the engine deletes a count that never resets
      return max(v, 1) / 1000
    elseif op == "del" then
      local _, err = query("DEL", key)
      if err then return nil, err end
      return true
    end
    error("datadog.redis_store: unknown operation " .. tostring(op), 2)
  end

  -- Deletes that Redis missed during an outage, sent before anything else
  -- when it answers again: a probe's key left there would hold the calls
  -- of its window on every host until it expired (an attempt's time and a
  -- second). At most OWED_MAX; a key deleted late is at worst a window
  -- probed twice.
  local owed, n_owed = {}, 0
  local function owe(op, key)
    if op == "del" and not owed[key] and n_owed < OWED_MAX then
      owed[key] = true
      n_owed = n_owed + 1
    end
  end
  local function pay()
    local list = {}
    for k in pairs(owed) do list[#list + 1] = prefix .. k end
    local _, err = query("DEL", unpack(list))
    if not err then owed, n_owed = {}, 0 end
    return err
  end

  local down_until -- while set, an outage: Redis is not asked before then
  return function(op, key, value, ttl)
    if down_until and now() < down_until then
      owe(op, key)
      return fallback(op, key, value, ttl)
    end
    local r, err
    if n_owed > 0 then err = pay() end
    if not err then r, err = ask(op, key, value, ttl) end
    if err then
      if not down_until then warn(masked(err)) end
      down_until = now() + _M.RETRY_AFTER
      owe(op, key)
      return fallback(op, key, value, ttl)
    end
    if down_until then
      down_until = nil
      back()
    end
    return r
  end
end

-- for the specs
_M._command = command

return _M

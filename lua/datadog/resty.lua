--- The client inside nginx/OpenResty: the same methods, values and error
-- objects as `datadog.new`, without ever blocking the worker.
--
--    -- nginx.conf: init_worker_by_lua_block { dd = require("datadog.resty").new() }
--    local res, err = dd:get_incident(id)      -- in a content/access/rewrite handler
--
-- Every call runs the C core's call engine at the byte level (`call:wire`):
-- the same checks, retries, waits, decoding and masking as a libcurl call,
-- and the same HTTP framing, connection rules, time limits and rate-limit
-- windows, all decided in C. The bytes move over nginx cosockets
-- (`datadog.cosocket`), waits are `ngx.sleep`, batches are
-- `ngx.thread.spawn`. With `shared_dict`, the windows are counted in nginx's
-- shared memory: every worker draws on one budget; with `redis`, in Redis
-- (`datadog.redis_store`): every host does. docs/NGINX.md has a whole
-- nginx.conf.
-- @module datadog.resty

local ngx = ngx
local datadog = require "datadog"
local core = require "datadog.core"
local util = require "datadog.util"
local hostlib = require "datadog.host"
local cosocket = require "datadog.cosocket"
local redis_store = require "datadog.redis_store"

local _M = { _VERSION = datadog._VERSION }
-- builders, encode/decode, null, is_error, help...: pure, safe in any handler
for k, v in pairs(datadog.pure) do _M[k] = v end

-- Options of datadog.new that have no meaning inside nginx, and why.
local REFUSED = {
  transport = "inside nginx the transport is nginx's cosockets",
  proxy = "nginx cosockets do not go through an HTTP proxy: reach the API directly, or "
    .. "point base_url at a reverse proxy",
  ca_file = "cosockets verify against nginx's lua_ssl_trusted_certificate: set it in nginx.conf",
  ca_path = "cosockets verify against nginx's lua_ssl_trusted_certificate: set it in nginx.conf",
}

-- Options of this client only, with their defaults.
local OWN = {
  shared_dict = { type = "string" },          -- a lua_shared_dict for rate-limit windows
  redis = { type = "table" },                 -- a Redis for rate-limit windows (every host)
  pool_size = { type = "number", default = 32 }, -- kept-alive connections per host and pool
}

-- Phases where cosockets and ngx.sleep work.
local PHASES = { rewrite = true, access = true, content = true, timer = true,
  ssl_cert = true, ssl_session_fetch = true, ssl_client_hello = true, preread = true }

-- Misuse of this client's own options: the core's error object, as
-- datadog.new raises it.
local function raise(msg, field) util.raise("datadog.resty.new", msg, field) end

-- The engine's rate-limit store operations on a lua_shared_dict: each is
-- atomic across the workers. The engine decides what to ask (src/engine/window.c);
-- this only maps its questions to the dict's methods and the dict's "not
-- found" and "exists" to the engine's absent and false.
local function shared_store(dict)
  return function(op, key, value, ttl)
    if op == "incr" then
      local v, err = dict:incr(key, value)
      if v == nil and err == "not found" then return nil end
      return v, err
    elseif op == "get" then
      return dict:get(key)
    elseif op == "add" then
      local ok, err = dict:add(key, value, ttl)
      if not ok and err == "exists" then return false end
      return ok, err
    elseif op == "set" then
      return dict:set(key, value, ttl)
    elseif op == "ttl" then
      local t, err = dict:ttl(key)
      if t == nil and err == "not found" then return nil end
      return t, err
    end
    dict:delete(key) -- del
    return true
  end
end

-- The fields of the redis option: their types and defaults.
local REDIS = {
  host = { type = "string" },
  port = { type = "number", default = 6379 },
  password = { type = "string" },
  db = { type = "number", default = 0 },
  prefix = { type = "string", default = "" },
  timeout = { type = "number", default = 0.2 },
}

-- The redis option checked, with its defaults. No message quotes a value:
-- the password is one.
local function redis_options(t)
  local names, out = {}, {}
  for k in pairs(REDIS) do names[#names + 1] = k end
  table.sort(names)
  for k, v in pairs(t) do
    local spec = REDIS[k]
    if not spec then
      raise("option redis has no field '" .. tostring(k) .. "'" .. util.hint(k, names)
        .. " (fields: " .. table.concat(names, ", ") .. ")", "redis." .. tostring(k))
    end
    if type(v) ~= spec.type then
      raise("option redis." .. k .. " must be a " .. spec.type .. " (got " .. type(v) .. ")",
        "redis." .. k)
    end
    out[k] = v
  end
  for k, spec in pairs(REDIS) do
    if out[k] == nil then out[k] = spec.default end
  end
  if not out.host or out.host == "" then
    raise("option redis.host is required: Redis's address (an IP address, or a name that "
      .. "nginx's resolver directive resolves)", "redis.host")
  end
  if out.port < 1 or out.port > 65535 or out.port % 1 ~= 0 then
    raise("option redis.port must be a whole number from 1 to 65535", "redis.port")
  end
  if out.db < 0 or out.db > 1000000 or out.db % 1 ~= 0 then
    raise("option redis.db must be a whole number from 0", "redis.db")
  end
  if not (out.timeout > 0 and out.timeout <= 10) then
    raise("option redis.timeout must be seconds, more than 0 and at most 10", "redis.timeout")
  end
  if out.password == "" then out.password = nil end
  return out
end

-- The windows' store in Redis, for every host that points at it; while
-- Redis does not answer, `fallback` (the shared dict's store, or this
-- worker's own table) answers, and the error log has one warning.
local function redis_windows(r, fallback, pool_size)
  local where = r.host .. ":" .. r.port .. (r.db ~= 0 and ("/" .. r.db) or "")
  local alone = fallback == nil and "this worker alone" or "this nginx's shared dict"
  return redis_store.new{
    tcp = ngx.socket.tcp, host = r.host, port = r.port, password = r.password, db = r.db,
    prefix = r.prefix, timeout = r.timeout, pool_size = pool_size,
    -- connections are told apart by where they go and as whom (AUTH and
    -- SELECT are sent once per connection); the password only as a hash
    pool = "datadog-redis:" .. where .. ":" .. (r.password and ngx.md5(r.password) or ""),
    now = function() ngx.update_time() return ngx.now() end,
    fallback = fallback or core.local_store(),
    warn = function(reason)
      ngx.log(ngx.WARN, "datadog: Redis at ", where, " does not answer (",
        cosocket.connect_error(r.host, reason), "): rate-limit windows are counted by ",
        alone, " until it does (asked again every ", redis_store.RETRY_AFTER, " s)")
    end,
    back = function()
      ngx.log(ngx.NOTICE, "datadog: Redis at ", where, " answers again: rate-limit windows ",
        "are counted there")
    end,
  }
end

local mt -- the metatable of clients, made below with their methods (datadog.host)

--- Makes a client. Takes the options of `datadog.new` (keys from
-- `DD_API_KEY`/`DD_APP_KEY` when nginx.conf has `env DD_API_KEY;`...),
-- except `transport`, `proxy`, `ca_file` and `ca_path`; plus `shared_dict`
-- (the name of a `lua_shared_dict`: the rate-limit windows of every worker
-- counted there), `redis` (a table: `host`, `port` 6379, `password`, `db` 0,
-- `prefix` "", `timeout` 0.2 s: the windows of every host that points at
-- that Redis counted there; with `shared_dict` too, the dict counts them
-- while Redis is down) and `pool_size` (32 kept connections per host and
-- pool).
-- `keepalive_timeout` (60 s) is `datadog.new`'s, as on every driver.
-- `debug = true` logs each attempt and wait with `ngx.log` at INFO.
-- @tparam[opt] table opts
-- @return client
function _M.new(opts)
  local given, own = hostlib.options("datadog.resty.new", opts, REFUSED, OWN)
  local dict, redis
  if own.redis then redis = redis_options(own.redis) end
  if own.shared_dict then
    dict = ngx.shared[own.shared_dict]
    if not dict then
      raise("option shared_dict: nginx.conf has no lua_shared_dict named '"
        .. own.shared_dict .. "'", "shared_dict")
    end
  end
  if given.debug == true then
    given.debug = function(line) ngx.log(ngx.INFO, "datadog: ", line) end
  end
  -- windows in Redis (every host; the shared dict while Redis is down), in
  -- the shared dict (every worker), else in this worker's client
  if dict or redis then given.windows = "driver" end
  local dd = hostlib.core_client("datadog.resty.new", given)
  local store = dict and shared_store(dict) or false
  if redis then store = redis_windows(redis, store or nil, own.pool_size) end
  return setmetatable({
    core = dd,
    -- fields are never nil: a miss raises "no method"
    io = { pool_size = own.pool_size, store = store },
  }, mt)
end

-- ---------------------------------------------------------------- the driver

local function check_phase(op)
  local phase = ngx.get_phase()
  if not PHASES[phase] then
    util.raise(op, "cannot call in the " .. phase .. " phase: nginx cosockets work only in "
      .. "rewrite, access and content handlers and ngx.timer callbacks (make the client in "
      .. "init_worker_by_lua, call it from those)")
  end
end

--- The client's methods: those of every host client (datadog.host), with
-- nginx's byte mover (datadog.cosocket) and its light threads for `batch`.
-- Every operation by name, `call(op, params, opts)` (`opts`: `{ deadline =
-- seconds }`), `request(method, path, opts)`, `batch(calls, opts)` (light
-- threads; `opts` as `dd:batch`'s: `concurrency`, `deadline`,
-- `max_batch_body`), `prepare`, `paginate` and the `_with_pagination`
-- iterators, `help`, `close`.
mt = select(2, hostlib.client{
  name = "datadog.resty",
  check = check_phase,
  run = function(self, call) return cosocket.run(call, self.io) end,
  spawn = function(_, n, worker)
    local threads = {}
    for t = 1, n do threads[t] = ngx.thread.spawn(worker) end
    for _, th in ipairs(threads) do
      local done, err = ngx.thread.wait(th)
      if not done then error(err, 0) end
    end
  end,
})

return _M

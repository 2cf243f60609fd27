--- The client for cqueues: the same methods, values and error objects as
-- `datadog.new`, where a call made in a coroutine of a cqueues controller
-- yields to the controller while it waits, so that many calls overlap on
-- one thread.
--
--    local cq = require("cqueues").new()
--    local dd = require("datadog.cqueues").new()
--    cq:wrap(function() local res, err = dd:get_incident(id) end)
--    assert(cq:loop())
--
-- Every call runs the C core's call engine at the byte level (`call:wire`):
-- the checks, retries, waits, decoding, masking, HTTP framing, connection
-- rules, time limits and rate-limit windows are decided in C. This file moves
-- the bytes over cqueues sockets (their own DNS; TLS through luaossl,
-- verified), waits with `cqueues.sleep`, keeps idle connections in a pool
-- of its own, and runs a batch's calls as coroutines of a nested controller.
-- docs/CQUEUES.md has a whole program.
-- @module datadog.cqueues

local cqueues = require "cqueues"
local csocket = require "cqueues.socket"
local errno = require "cqueues.errno"
local datadog = require "datadog"
local util = require "datadog.util"
local hostlib = require "datadog.host"

local _M = { _VERSION = datadog._VERSION }
-- builders, encode/decode, null, is_error, help...: pure, safe anywhere
for k, v in pairs(datadog.pure) do _M[k] = v end

-- Options of datadog.new that have no meaning here, and why.
local REFUSED = {
  transport = "the transport is cqueues sockets",
  proxy = "cqueues sockets do not go through an HTTP proxy: reach the API directly, or "
    .. "point base_url at a reverse proxy",
}

-- Options of this client only, with their defaults.
local OWN = {
  pool_size = { type = "number", default = 32 }, -- idle connections kept per pool
}

-- Bytes asked of one read: what the socket has, up to this.
local READ_MAX = 65536

local function raise(msg, field) util.raise("datadog.cqueues.new", msg, field) end

local mt -- the metatable of clients, made below with their methods (datadog.host)

--- Makes a client. Takes the options of `datadog.new` (keys from
-- `DD_API_KEY`/`DD_APP_KEY`...), except `transport` and `proxy`;
-- `ca_file` and `ca_path` are loaded into the TLS context (else the
-- system's CA certificates). Plus `pool_size`: idle connections kept per
-- host and pool (32). Making a client does no I/O: it may be made
-- anywhere; its calls work only in a coroutine of a cqueues controller.
-- @tparam[opt] table opts
-- @return client
function _M.new(opts)
  local given, own = hostlib.options("datadog.cqueues.new", opts, REFUSED, OWN)
  if given.windows == "driver" then
    -- the engine would ask a store this client does not have
    raise("option windows = \"driver\" is not supported: this client counts rate-limit "
      .. "windows in its own table (true, the default) or not at all (false)", "windows")
  end
  local dd, cfg = hostlib.core_client("datadog.cqueues.new", given)
  return setmetatable({
    core = dd,
    -- fields are never nil: a miss raises "no method"
    pool_size = own.pool_size,
    pools = {},             -- pool name -> { {sock, idle_until}, ... }, newest last
    ca = { file = cfg.ca_file or false, path = cfg.ca_path or false },
    contexts = {},          -- verify (true/false) -> luaossl context, made on first use
  }, mt)
end

-- ---------------------------------------------------------------- the byte mover

-- cqueues' failure (an errno, nil at end of file) in the engine's words.
local function word(why)
  if why == nil or why == errno.EPIPE or why == errno.ECONNRESET then return "closed" end
  if why == errno.ETIMEDOUT then return "timeout" end
  if type(why) == "number" then return errno.strerror(why) or ("error " .. why) end
  return tostring(why)
end

-- cqueues raises on a socket failure unless the socket's handler returns it.
local function give_back(_, _, why) return why end

-- The luaossl context for verify (true or false): peer verification against
-- ca_file/ca_path or the system's CA certificates. Made on the first TLS
-- connection, so plain HTTP works without luaossl.
local function context(self, verify)
  local ctx = self.contexts[verify]
  if ctx then return ctx end
  local ok, sslctx = pcall(require, "openssl.ssl.context")
  if not ok then
    return nil, "luaossl is needed for https (Debian: apt-get install lua-luaossl)"
  end
  ctx = sslctx.new("TLS", false)
  if verify then
    local store = require("openssl.x509.store").new()
    if self.ca.file or self.ca.path then
      for _, path in ipairs({ self.ca.file, self.ca.path }) do
        if path then
          local added, err = pcall(store.add, store, path)
          if not added then
            return nil, "cannot load CA certificates from " .. path .. ": " .. tostring(err)
          end
        end
      end
    else
      store:addDefaults()
    end
    ctx:setStore(store)
    ctx:setVerify(sslctx.VERIFY_PEER)
  else
    ctx:setVerify(sslctx.VERIFY_NONE)
  end
  self.contexts[verify] = ctx
  return ctx
end

-- A TLS session for host on sock: SNI for a name, and the name (or the IP
-- address) checked against the certificate when verifying.
local function handshake(self, sock, host, verify, timeout)
  local ctx, err = context(self, verify)
  if not ctx then return nil, err end
  local ssl = require("openssl.ssl").new(ctx)
  local ip = host:find("^[%d.]+$") or host:find(":", 1, true)
  if not ip then ssl:setHostName(host) end
  if verify then
    local param = require("openssl.x509.verify_param").new()
    if ip then param:setIP(host) else param:setHost(host) end
    ssl:setParam(param)
  end
  local ok, why = sock:starttls(ssl, timeout)
  if ok then return true end
  if why == errno.ETIMEDOUT then return nil, "timeout" end
  local code, text = ssl:getVerifyResult()
  if verify and code and code ~= 0 then
    return nil, "certificate verification failed: " .. tostring(text)
      .. ((self.ca.file or self.ca.path) and "" or " (a private CA: give ca_file)")
  end
  return nil, word(why)
end

-- An idle connection of pool, or nil; those past their idle time are closed.
local function take(self, pool)
  local idle = self.pools[pool]
  local now = cqueues.monotime()
  while idle and #idle > 0 do
    local kept = table.remove(idle)
    if kept[2] > now then return kept[1] end
    kept[1]:close()
  end
  return nil
end

local function connect(self, target)
  if target.reuse then
    local sock = take(self, target.pool)
    if sock then return sock, true end
  end
  local sock = csocket.connect{ host = target.addr, port = target.port }
  sock:onerror(give_back)
  sock:setmode("b", "bn")
  local ok, why = sock:connect(target.timeout)
  if not ok then
    sock:close()
    return nil, word(why)
  end
  return sock, false
end

local function keep(self, sock, idle, pool)
  local list = self.pools[pool]
  if not list then
    list = {}
    self.pools[pool] = list
  end
  if #list >= self.pool_size then
    sock:close()
  else
    list[#list + 1] = { sock, cqueues.monotime() + idle }
  end
end

-- Runs a started call to its end: what dd:call returns.
local function run(self, call)
  local sock
  local what, a, b, c = call:wire()
  while true do
    if what == "read" then
      local data, why = sock:xread(-READ_MAX, a)
      if data then
        what, a, b, c = call:wire(data)
      else
        what, a, b, c = call:wire(nil, word(why))
      end
    elseif what == "write" then
      local ok, why = sock:xwrite(a, "bn", b)
      if ok then
        what, a, b, c = call:wire(true)
      else
        what, a, b, c = call:wire(nil, word(why))
      end
    elseif what == "connect" then
      local s, reused_or_err = connect(self, a)
      sock = s
      what, a, b, c = call:wire(s and true, reused_or_err)
    elseif what == "tls" then
      local ok, err = handshake(self, sock, a, b, c)
      what, a, b, c = call:wire(ok, err)
    elseif what == "keep" then
      keep(self, sock, a, b)
      sock = nil
      what, a, b, c = call:wire()
    elseif what == "close" then
      if sock then sock:close() end
      sock = nil
      what, a, b, c = call:wire()
    elseif what == "wait" then
      cqueues.sleep(a)
      what, a, b, c = call:wire()
    else -- "done"
      return a, b
    end
  end
end

-- A call made outside a controller would block the thread at each wait:
-- refused, saying what to do.
local function check_running(op)
  if not cqueues.running() then
    util.raise(op, "not in a cqueues controller: call from a coroutine the controller runs "
      .. "(cq:wrap(function() ... end), then cq:loop())")
  end
end

local function close_pools(self)
  for pool, list in pairs(self.pools) do
    for _, kept in ipairs(list) do kept[1]:close() end
    self.pools[pool] = nil
  end
end

--- The client's methods: those of every host client (datadog.host), with
-- cqueues sockets as the byte mover and a controller nested in the
-- caller's for `batch` (`opts` as `dd:batch`'s: `concurrency`, `deadline`,
-- `max_batch_body`); `close` also closes the idle connections.
mt = select(2, hostlib.client{
  name = "datadog.cqueues",
  check = check_running,
  run = run,
  spawn = function(_, n, worker)
    local cq = cqueues.new()
    for _ = 1, n do cq:wrap(worker) end
    local done, err = cq:loop()
    if not done then error(err, 0) end
  end,
  close = close_pools,
})

return _M

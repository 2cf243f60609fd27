--- The client inside nginx/OpenResty: the same methods, values and error
-- objects as `datadog.new`, without ever blocking the worker.
--
--    -- nginx.conf: init_worker_by_lua_block { dd = require("datadog.resty").new() }
--    local res, err = dd:get_incident(id)      -- in a content/access/rewrite handler
--
-- Every call runs the C core's call engine (`dd:start`, `call:step`): the
-- same checks, retries, waits, decoding and masking as a libcurl call. The
-- bytes move over nginx cosockets (`datadog.cosocket`), waits are
-- `ngx.sleep`, batches are `ngx.thread.spawn`. With `shared_dict`, a rate
-- limit one worker meets (429, or Remaining 0 with a Reset) makes every
-- worker wait out the same window. docs/NGINX.md has a whole nginx.conf.
-- @module datadog.resty

local ngx = ngx
local datadog = require "datadog"
local core = require "datadog.core"
local util = require "datadog.util"
local cosocket = require "datadog.cosocket"
local paginate = require "datadog.paginate"

local _M = { _VERSION = datadog._VERSION }

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
  pool_size = { type = "number", default = 32 }, -- kept-alive connections per host and pool
  keepalive_timeout = { type = "number", default = 60 }, -- seconds a read connection idles
}

-- Phases where cosockets and ngx.sleep work.
local PHASES = { rewrite = true, access = true, content = true, timer = true,
  ssl_cert = true, ssl_session_fetch = true, ssl_client_hello = true, preread = true }

local function raise(msg) error(msg, 3) end

local client = {}   -- methods
local mt = { __name = "datadog.resty.client" }

--- Makes a client. Takes the options of `datadog.new` (keys from
-- `DD_API_KEY`/`DD_APP_KEY` when nginx.conf has `env DD_API_KEY;`...),
-- except `transport`, `proxy`, `ca_file` and `ca_path`; plus `shared_dict`
-- (the name of a `lua_shared_dict`: rate-limit windows shared by workers),
-- `pool_size` (32) and `keepalive_timeout` (60 s). `debug = true` logs each
-- attempt and wait with `ngx.log` at INFO.
-- @tparam[opt] table opts
-- @return client
function _M.new(opts)
  if opts ~= nil and type(opts) ~= "table" then
    raise("datadog.resty.new: options must be a table (got " .. type(opts) .. ")")
  end
  local given, own = {}, {}
  for k, v in pairs(opts or {}) do
    if REFUSED[k] then
      raise("datadog.resty.new: option " .. k .. " is not supported: " .. REFUSED[k])
    elseif OWN[k] then
      if type(v) ~= OWN[k].type then
        raise("datadog.resty.new: option " .. k .. " must be a " .. OWN[k].type
          .. " (got " .. type(v) .. ")")
      end
      own[k] = v
    else
      given[k] = v
    end
  end
  for k, spec in pairs(OWN) do
    if own[k] == nil then own[k] = spec.default end
  end
  if own.pool_size < 1 or own.pool_size > 10000 or own.pool_size % 1 ~= 0 then
    raise("datadog.resty.new: option pool_size must be a whole number from 1 to 10000")
  end
  if not (own.keepalive_timeout > 0 and own.keepalive_timeout <= 86400) then
    raise("datadog.resty.new: option keepalive_timeout must be between 0 and 86400 seconds")
  end
  local dict
  if own.shared_dict then
    dict = ngx.shared[own.shared_dict]
    if not dict then
      raise("datadog.resty.new: option shared_dict: nginx.conf has no lua_shared_dict named '"
        .. own.shared_dict .. "'")
    end
  end
  if given.debug == true then
    given.debug = function(line) ngx.log(ngx.INFO, "datadog: ", line) end
  end
  local cfg = datadog.config(given)
  local ok, dd = pcall(core.new, cfg)
  if not ok then
    raise((tostring(dd):gsub("^[^\n]-:%d+: ", ""):gsub("^datadog%.new: ", "datadog.resty.new: ")))
  end
  return setmetatable({
    core = dd,
    dict = dict or false, -- fields are never nil: a miss raises "no method"
    http = { verify = cfg.verify ~= false, pool_size = own.pool_size,
             keepalive_timeout = math.floor(own.keepalive_timeout * 1000) },
    -- rate-limit windows are an organisation's: keyed by site and API key
    -- (a hash of it: the key itself never goes into shared memory)
    scope = tostring(dd):match("base_url=([^,}]*)") .. ":" .. ngx.crc32_long(cfg.api_key),
  }, mt)
end

-- ---------------------------------------------------------------- shared rate limits

-- Before a send: wait out a window another worker (or call) met. Windows are
-- per X-RateLimit-Name; the name of an operation's limit is learnt from its
-- responses.
local function wait_window(self, op)
  local dict = self.dict
  if not dict then return end
  local name = dict:get("op:" .. self.scope .. ":" .. op) or op
  local until_t = dict:get("rl:" .. self.scope .. ":" .. name)
  if until_t then
    local wait = until_t - ngx.now()
    if wait > 0 then ngx.sleep(math.min(wait, 60)) end
  end
end

local function header(raw, name)
  return raw:match("\n" .. name .. ":%s*([^\r\n]*)") or raw:match("^" .. name .. ":%s*([^\r\n]*)")
end

-- After a response: share the window it announces.
local function note_window(self, op, res)
  local dict = self.dict
  if not dict then return end
  local raw = res.headers:lower()
  local name = header(raw, "x%-ratelimit%-name")
  if name then dict:set("op:" .. self.scope .. ":" .. op, name, 3600) end
  local reset = tonumber((header(raw, "x%-ratelimit%-reset") or ""):match("^%s*(%d+%.?%d*)"))
  local remaining = (header(raw, "x%-ratelimit%-remaining") or ""):match("^%s*(%d+)")
  if reset and reset > 0 and (res.status == 429 or remaining == "0") then
    dict:set("rl:" .. self.scope .. ":" .. (name or op), ngx.now() + reset, reset + 1)
  end
end

-- ---------------------------------------------------------------- the driver

local function check_phase(op)
  local phase = ngx.get_phase()
  if not PHASES[phase] then
    error("datadog.resty: " .. op .. ": cannot call in the " .. phase .. " phase: nginx "
      .. "cosockets work only in rewrite, access and content handlers and ngx.timer callbacks "
      .. "(make the client in init_worker_by_lua, call it from those)", 4)
  end
end

-- Runs a started call to its end: what dd:call returns.
local function run(self, call, op)
  local what, a, b = call:step()
  while what ~= "done" do
    if what == "send" then
      wait_window(self, op)
      local res, err = cosocket.request(a, self.http)
      if res then
        note_window(self, op, res)
        what, a, b = call:step(res)
      else
        what, a, b = call:step(nil, err)
      end
    else
      ngx.sleep(a)
      what, a, b = call:step()
    end
  end
  return a, b
end

-- The misuse errors of the core, raised at the caller's line.
local function start(self, how, op, ...)
  local ok, call = pcall(self.core[how], self.core, op, ...)
  if not ok then error((tostring(call):gsub("^[^\n]-:%d+: ", "")), 3) end
  return call
end

--- Calls an operation by id with a params table, as `dd:call` (`opts`:
-- `{ deadline = seconds }` for this call).
function client:call(op, params, opts)
  check_phase(tostring(op))
  return run(self, start(self, "start", op, params, opts), op)
end

--- An endpoint the operation table does not have, as `dd:request`:
-- `method`, a `path` with `{name}` segments, `opts` `{params, query, body,
-- secrets}`.
function client:request(method, path, opts)
  check_phase("request")
  return run(self, start(self, "start_request", method, path, opts),
    tostring(method) .. " " .. tostring(path))
end

for _, op in ipairs(datadog.operations()) do
  local id = op.id
  client[op.method] = function(self, ...)
    check_phase(id)
    return run(self, start(self, "start_named", id, ...), id)
  end
end

--- Many calls at once on `ngx.thread.spawn` light threads: `calls` is a list
-- of `{operation_id, params}`; the result is a list, in input order, of
-- `{res, response}` or `{nil, err}` (with `n = 2`). Every call is checked
-- before anything is sent; each has its own retries and waits.
-- @tparam table calls
-- @tparam[opt] table opts `concurrency` (8, from 1 to 256)
function client:batch(calls, opts)
  check_phase("batch")
  if type(calls) ~= "table" then
    error("datadog: batch: calls must be a list (got " .. type(calls) .. ")", 2)
  end
  local conc = 8
  if opts ~= nil then
    if type(opts) ~= "table" then
      error("datadog: batch: options must be a table (got " .. type(opts) .. ")", 2)
    end
    if opts.concurrency ~= nil then
      conc = opts.concurrency
      if type(conc) ~= "number" or not (conc >= 1 and conc <= 256) or conc % 1 ~= 0 then
        error("datadog: batch: concurrency must be an integer from 1 to 256", 2)
      end
    end
  end
  local n = #calls
  local started, ops = {}, {}
  for i = 1, n do
    local spec = calls[i]
    if type(spec) ~= "table" then
      error("datadog: batch: calls[" .. i .. "] must be a table { operation_id, params } (got "
        .. type(spec) .. ")", 2)
    end
    local op = spec[1]
    if op == nil then op = spec.operation end
    local params = spec[2]
    if params == nil then params = spec.params end
    if type(op) ~= "string" then
      error("datadog: batch: calls[" .. i .. "] has no operation id", 2)
    end
    local ok, call = pcall(self.core.start, self.core, op, params)
    if not ok then
      error("datadog: batch: calls[" .. i .. "]: "
        .. tostring(call):gsub("^[^\n]-:%d+: ", ""):gsub("^datadog: ", ""), 2)
    end
    started[i], ops[i] = call, op
  end
  local results, next_i = {}, 0
  local function worker()
    while next_i < n do
      next_i = next_i + 1
      local i = next_i
      local res, resp = run(self, started[i], ops[i])
      results[i] = { res, resp, n = 2 }
    end
  end
  local threads = {}
  for t = 1, math.min(conc, n) do threads[t] = ngx.thread.spawn(worker) end
  for _, th in ipairs(threads) do
    local ok, err = ngx.thread.wait(th)
    if not ok then error(err, 0) end
  end
  return results
end

--- The request an operation would send, nothing sent (as `dd:prepare`).
function client:prepare(op, params)
  return start(self, "prepare", op, params)
end

-- dd:paginate(id, params) and dd:<method>_with_pagination(...): the same
-- iterators as the libcurl client's, over this client's call.
paginate.install(client)

--- Help on an operation or builder, as `datadog.help`.
function client.help(_, name, opts)
  return datadog.help(name, opts) -- loads help.lua on first use
end

--- Closes the client; later calls raise.
function client:close()
  self.core:close()
end

mt.__index = function(_, name)
  local m = client[name]
  if m ~= nil then return m end
  if type(name) ~= "string" then return nil end
  local names = {}
  for k in pairs(client) do names[#names + 1] = k end
  table.sort(names)
  local hint = util.suggest(name, names)
  error("datadog: client has no method '" .. name .. "'"
    .. (hint and ("; did you mean '" .. hint .. "'?") or ""), 2)
end

mt.__tostring = function(self)
  return (tostring(self.core):gsub("^datadog%.client", "datadog.resty.client"))
end

return _M

--- What every host client (`datadog.resty`, `datadog.cqueues`,
-- `datadog.haproxy`) is made of, written once: every operation by name,
-- `call`, `request`, `batch`, `prepare`, the pagination iterators, `help`,
-- `close`, "did you mean" on a missing method and `tostring`. A host gives
-- only what is its own: where calls may run (`check`), how a started call's
-- bytes move (`run`, driving `call:wire()`), and how a batch's workers run
-- side by side (`spawn`). Adding a host is its byte mover and these three.
-- @module datadog.host
-- @local

local datadog = require "datadog"
local util = require "datadog.util"
local paginate = require "datadog.paginate"

local core = require "datadog.core"

local _M = {}

--- Splits a host client's options: those `datadog.new` takes (given), the
-- host's own (checked by type, defaults filled in, `pool_size` a whole
-- number from 1 to 10000), and those refused with the reason why.
-- @tparam string name the constructor ("datadog.resty.new"), for messages
-- @param opts what the caller gave
-- @tparam table refused option -> why it means nothing on this host
-- @tparam table own option -> { type =, default = }
-- @return given, own
function _M.options(name, opts, refused, own_spec)
  local function raise(msg, field) util.raise(name, msg, field) end
  if opts ~= nil and type(opts) ~= "table" then
    raise("options must be a table (got " .. type(opts) .. ")", "options")
  end
  local given, own = {}, {}
  for k, v in pairs(opts or {}) do
    if refused[k] then
      raise("option " .. k .. " is not supported: " .. refused[k], k)
    elseif own_spec[k] then
      if type(v) ~= own_spec[k].type then
        raise("option " .. k .. " must be a " .. own_spec[k].type .. " (got " .. type(v) .. ")", k)
      end
      own[k] = v
    else
      given[k] = v
    end
  end
  for k, spec in pairs(own_spec) do
    if own[k] == nil then own[k] = spec.default end
  end
  local n = own.pool_size
  if n ~= nil and (n < 1 or n > 10000 or n % 1 ~= 0) then
    raise("option pool_size must be a whole number from 1 to 10000", "pool_size")
  end
  return given, own
end

--- The C client from `datadog.new`'s options (`given`): resolved as
-- `datadog.new` resolves them (option, environment, default), checked by
-- the core; its misuse errors raised again named for the host's
-- constructor. Returns the core client and the resolved configuration.
function _M.core_client(name, given)
  local cfg
  local ok, dd = pcall(function()
    cfg = datadog.config(given)
    return core.new(cfg)
  end)
  if not ok then
    if datadog.is_error(dd) and (dd.operation == "datadog.new"
        or dd.operation == "datadog.config") then
      dd.operation = name
    end
    util.reraise(dd)
  end
  return dd, cfg
end

--- Makes the methods and metatable of a host's client objects, whose
-- `core` field is the C client (`core.new`).
-- @tparam table host `name` ("datadog.resty"), `check(op)` (raises a
--   misuse error where calls cannot run), `run(self, call)` (the call to
--   its end: what `dd:call` returns), `spawn(self, n, worker)` (runs worker
--   n times side by side and returns when all are done; a raise in one is
--   raised by it), `close(self)` (optional: the host's own resources)
-- @return methods, metatable
function _M.client(host)
  local client = {}
  local mt = { __name = host.name .. ".client" }
  local check, run = host.check, host.run

  -- The misuse errors of the core, raised again as they are (objects).
  local function start(self, how, op, ...)
    local ok, call = pcall(self.core[how], self.core, op, ...)
    if not ok then util.reraise(call) end
    return call
  end

  function client:call(op, params, opts)
    check(tostring(op))
    return run(self, start(self, "start", op, params, opts))
  end

  function client:request(method, path, opts)
    check("request")
    return run(self, start(self, "start_request", method, path, opts))
  end

  for _, op in ipairs(datadog.operations()) do
    local id = op.id
    client[op.method] = function(self, ...)
      check(id)
      return run(self, start(self, "start_named", id, ...))
    end
  end

  -- Every call built (so checked: one misuse raises, nothing is sent) by the
  -- core with dd:batch's options, then up to `concurrency` workers take the
  -- next call until none is left; results in input order.
  function client:batch(calls, opts)
    check("batch")
    local ok, started, conc = pcall(self.core.start_batch, self.core, calls, opts)
    if not ok then util.reraise(started) end
    local n = #started
    local results, next_i = {}, 0
    local function worker()
      while next_i < n do
        next_i = next_i + 1
        local i = next_i
        local res, resp = run(self, started[i])
        results[i] = { res, resp, n = 2 }
      end
    end
    if n > 0 then host.spawn(self, math.min(conc, n), worker) end
    return results
  end

  function client:prepare(op, params)
    return start(self, "prepare", op, params)
  end

  -- dd:with(opts): a view whose calls take opts as their own (view.lua)
  local function named_with(self, opts, id, ...)
    check(id)
    return run(self, start(self, "start_named_with", opts, id, ...))
  end
  local function check_options(self, opts)
    local ok, err = pcall(self.core.check_options, self.core, opts)
    if not ok then util.reraise(err) end
  end
  function client:with(opts)
    return require("datadog.view").view(self, opts, named_with, check_options)
  end

  -- dd:paginate(id, params) and dd:<method>_with_pagination(...): the same
  -- iterators as the libcurl client's, over this client's call.
  paginate.install(client)

  function client.help(_, name, opts)
    return datadog.help(name, opts) -- loads help.lua on first use
  end

  function client:close()
    if host.close then host.close(self) end
    self.core:close()
  end

  mt.__index = function(_, name)
    local m = client[name]
    if m ~= nil then return m end
    if type(name) ~= "string" then return nil end
    local names = {}
    for k in pairs(client) do names[#names + 1] = k end
    table.sort(names)
    util.raise(nil, "client has no method '" .. name .. "'" .. util.hint(name, names))
  end

  local shown = host.name .. ".client"
  mt.__tostring = function(self)
    return (tostring(self.core):gsub("^datadog%.client", shown))
  end

  return client, mt
end

return _M

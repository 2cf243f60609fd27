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

local _M = {}

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

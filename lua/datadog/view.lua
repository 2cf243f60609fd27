--- `dd:with(opts)`: a view of a client whose every call takes `opts` as its
-- own options (headers, timeout, connect_timeout, retry, deadline), with
-- the same connections, keys and rate-limit windows; named methods
-- included, whose last argument holds query parameters and so has no room
-- for options of their own. The options are checked when the view is made.
--
--    dd:with{ headers = { ["X-Request-Id"] = id }, timeout = 5 }:get_incident(incident_id)
--
-- One implementation for the libcurl client and every host client: a view
-- needs only its client's `call`, `request`, `prepare` and a function that
-- runs a named method with options.
-- @module datadog.view
-- @local

local datadog = require "datadog"
local paginate = require "datadog.paginate"

local _M = {}

-- b's options over a's; the headers of both, b's over a's of the same name.
local function merge(a, b)
  if b == nil then return a end
  if type(b) ~= "table" then return b end -- the call says what is wrong
  local m = {}
  for k, v in pairs(a) do m[k] = v end
  for k, v in pairs(b) do
    if k == "headers" and type(a.headers) == "table" and type(v) == "table" then
      local h = {}
      for n, x in pairs(a.headers) do h[n] = x end
      for n, x in pairs(v) do h[n] = x end
      m.headers = h
    else
      m[k] = v
    end
  end
  return m
end
_M.merge = merge

-- The methods of views, by how a client runs a named method with options:
-- made once per kind of client.
local kinds = setmetatable({}, { __mode = "k" })

local function methods_for(named_with)
  local methods = kinds[named_with]
  if methods then return methods end
  methods = {}
  function methods:call(id, params, opts)
    return self.client:call(id, params, merge(self.opts, opts))
  end
  function methods:request(method, path, opts)
    return self.client:request(method, path, merge(self.opts, opts))
  end
  function methods:prepare(id, params)
    return self.client:prepare(id, params)
  end
  function methods:with(opts)
    return _M.view(self.client, merge(self.opts, opts), named_with, self.check)
  end
  function methods.help(_, name, opts)
    return datadog.help(name, opts)
  end
  for _, op in ipairs(datadog.operations()) do
    local id = op.id
    methods[op.method] = function(self, ...)
      return named_with(self.client, self.opts, id, ...)
    end
  end
  paginate.install(methods) -- over the view's call: every page takes the options
  kinds[named_with] = methods
  return methods
end

local mt = {
  __index = function(self, name)
    local m = rawget(self, "methods")[name]
    if m ~= nil then return m end
    error("datadog: a client view has no method '" .. tostring(name)
      .. "' (a view makes calls; close, batch and the rest are its client's)", 2)
  end,
  __tostring = function(self)
    return tostring(self.client) .. " (a view with options of its own)"
  end,
}

--- A view of client with opts: `check(client, opts)` raises what a call
-- given opts would; `named_with(client, opts, id, ...)` runs the named
-- method id with opts.
function _M.view(client, opts, named_with, check)
  check(client, opts)
  return setmetatable({ client = client, opts = opts, check = check,
    methods = methods_for(named_with) }, mt)
end

return _M

--- A Datadog API client for incident tooling: every operation of the
-- official clients' Incidents, Opsgenie Integration and PagerDuty Integration
-- tags (incidents and their integrations, todos, responders, attachments,
-- impacts, types, rules, notifications, templates, fields, settings, search,
-- import, pages, Opsgenie and PagerDuty services).
--
--    local datadog = require "datadog"
--    local dd = datadog.new{ site = "datadoghq.eu", unstable = true }
--    local res, err = dd:get_opsgenie_service(id)
--
-- The C core (`datadog.core`) builds requests, talks to the API through
-- libcurl and decodes responses; this layer resolves configuration from
-- options and the environment and adds conveniences.
-- @module datadog

local core = require "datadog.core"
local util = require "datadog.util"
local builders = require "datadog.builders"
local paginate = require "datadog.paginate"

local _M = {
  _VERSION = core.version,
  --- The JSON null sentinel, in decoded responses and in request bodies.
  -- It is the same value as lua-cjson's `cjson.null`.
  null = core.null,
}

--- Sites the API is served from (`https://api.` followed by the site).
_M.SITES = core.sites()

-- Where each option's value comes from when it is not given: its
-- environment variable, then its default. What a value may be (types,
-- ranges, names, sites) is checked in one place, the C core (src/module/config.c),
-- whoever makes the client.
local OPTIONS = {
  site            = { env = "DD_SITE", default = "datadoghq.com" },
  base_url        = { env = "DD_BASE_URL" },
  api_key         = { env = "DD_API_KEY", secret = true },
  app_key         = { env = "DD_APP_KEY", secret = true },
  unstable        = {},
  timeout         = { default = 60 },
  connect_timeout = { default = 10 },
  deadline        = { default = 150 },
  keepalive_timeout = { default = 60 },
  validate        = { default = true },
  compress        = { default = true },
  verify          = { default = true },
  ca_file         = {},
  ca_path         = {},
  proxy           = { secret = true },
  retry           = {},
  debug           = {},
  max_body        = {},
  max_batch_body  = {},
  gzip_requests   = {},
  transport       = {},
  raw_body        = {},
  windows         = {},
  access_token    = { secret = true },
  headers         = {},
  user_agent      = {},
  on_event        = {},
  pace            = {},
}
_M.OPTIONS = OPTIONS

local warned_verify = false -- the verify = false warning, once per process

--- The closest of `candidates` to `word`, or nil when none is close.
-- @function suggest
-- @local
-- @tparam string word
-- @tparam {string,...} candidates
-- @treturn ?string
_M.suggest = util.suggest

--- Makes a client.
-- Options (all optional): `site` (env `DD_SITE`, default `datadoghq.com`),
-- `base_url` (env `DD_BASE_URL`; any `http(s)://host[:port]`, e.g. the
-- emulator; it replaces the site), `api_key`
-- (env `DD_API_KEY`), `app_key` (env `DD_APP_KEY`), `unstable` (`true` or a
-- list of beta operation ids to enable), `timeout` (seconds, default 60),
-- `connect_timeout` (seconds, default 10), `deadline` (seconds a call may
-- last, attempts and retry waits included, default 150), `validate` (check request bodies
-- before sending, default true), `compress` (ask for gzip/deflate responses,
-- default true), `verify` (TLS verification, default true; false warns once),
-- `ca_file`, `ca_path` (CA certificates), `proxy` (a proxy URL; without it
-- `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy` are read, with
-- libcurl's rules, when the client is made), `retry` (`false`, or
-- `{max = 3, base = 2, multiplier = 2, max_wait = 60,`
-- `methods = {"GET", "PUT", "DELETE"}}`: 429 is retried for every method, 5xx and lost
-- connections for `methods`), `debug` (`true` for stderr, or a
-- function(line)), `max_body` (largest response accepted, bytes, default 64
-- MiB), `max_batch_body` (the responses of one `dd:batch` together, bytes,
-- default 256 MiB), `gzip_requests` (gzip request bodies of at least this many bytes;
-- `true` means 1024), `raw_body` (successes also give `response.body`, the
-- body as it came, default false), `transport` (a function(request) returning
-- `{status=, headers=, body=}` or `nil, err`, instead of libcurl),
-- `keepalive_timeout` (seconds a kept connection may idle, 60), `windows`
-- (rate-limit windows counted in this client, default true; false: none),
-- `pace` (spread a known window's sends over its time left, default false),
-- `access_token` (an OAuth2 token: `Authorization: Bearer`, the keys then
-- optional), `headers` (a table sent on every request; the module's own
-- headers cannot be replaced), `user_agent` (a product token after the
-- module's), `on_event` (a function given a table per attempt, wait and
-- finished call). A call takes options of its own in `dd:call`,
-- `dd:request` and `dd:start` (headers, timeout, connect_timeout, retry,
-- deadline), and `dd:with(opts)` gives named methods the same.
-- @tparam[opt] table opts
-- @return client
function _M.new(opts)
  local ok, dd = pcall(core.new, _M.config(opts))
  if not ok then
    util.reraise(dd) -- the core's error object, unchanged
  end
  return dd
end

--- Resolves options and environment into the configuration a client made
-- with `opts` would use: each option as given, else from its environment
-- variable, else its default. The values are checked when the client is made
-- (by the C core); inside nginx, missing keys raise here, with the `env` line
-- nginx.conf needs, so that `init_by_lua_block { require("datadog").config() }`
-- stops nginx at start-up when it was started without them.
-- @tparam[opt] table opts
-- @tparam[opt] function getenv (defaults to os.getenv; for tests)
-- @treturn table
function _M.config(opts, getenv)
  getenv = getenv or os.getenv
  if opts ~= nil and type(opts) ~= "table" then
    util.raise("datadog.new", "options must be a table (got " .. type(opts) .. ")")
  end
  opts = opts or {}
  local cfg = {}
  for k, v in pairs(opts) do cfg[k] = v end -- unknown names: the core says
  for name, spec in pairs(OPTIONS) do
    if cfg[name] == nil and spec.env then
      local e = getenv(spec.env)
      if e ~= nil and e ~= "" then cfg[name] = e end
    end
    if cfg[name] == nil then cfg[name] = spec.default end
  end
  if opts.base_url == nil and opts.site ~= nil then
    -- An explicit site option beats DD_BASE_URL from the environment.
    cfg.base_url = nil
  elseif cfg.base_url ~= nil then
    -- A custom endpoint (an emulator, a proxy): the site is not used.
    cfg.site = opts.site
  end
  local nginx = rawget(_G, "ngx")
  if type(nginx) == "table" and nginx.config then
    -- Inside nginx the workers' environment is empty unless nginx.conf
    -- names each variable: say so, rather than only "no API key".
    local caller = debug.getinfo(2, "S").source
    -- (inside nginx, a host client's constructor is datadog.resty's)
    local who = (caller:find("resty%.lua$") or caller:find("host%.lua$")) and "datadog.resty.new"
      or caller:find("datadog[/\\]init%.lua$") and "datadog.new" or "datadog.config"
    for _, name in ipairs({ "api_key", "app_key" }) do
      if cfg[name] == nil then
        local env = OPTIONS[name].env
        error(who .. ": no " .. (name == "api_key" and "API" or "application") .. " key: "
          .. env .. " is not set for nginx (start nginx with it set, and name it in "
          .. "nginx.conf's main context: 'env " .. env .. ";', or nginx clears it "
          .. "from its workers' environment) and no " .. name .. " option was given", 3)
      end
    end
  end
  if cfg.verify == false and not warned_verify then
    warned_verify = true
    io.stderr:write("datadog: warning: TLS certificate verification is off "
      .. "(verify = false); responses may come from anyone on the network\n")
  end
  return cfg
end

--- Every operation, each a table of
-- `{id, method, http_method, path, beta, body, path_params, query_params, summary, success, accept}`.
function _M.operations()
  return core.operations()
end

--- Marks a table as a JSON array, so that it encodes as `[]` even when empty.
function _M.array(t)
  return setmetatable(t or {}, core.array_mt)
end

--- Marks a table as a JSON object, so that it encodes as `{}` when empty.
function _M.object(t)
  return setmetatable(t or {}, core.object_mt)
end

--- Encodes a Lua value as JSON (the encoder requests use).
-- @param value
-- @tparam[opt] string operation validate and shape as this operation's body
function _M.encode(value, operation)
  return core.encode(value, operation)
end

--- Decodes JSON text: integers stay integers, null is `datadog.null`.
-- @treturn[1] any value
-- @treturn[2] nil
-- @treturn[2] string message
function _M.decode(text)
  return core.decode(text)
end

--- True when `v` is an error object of this module: one a call returned
-- (`nil, err`), or a misuse error it raised (`kind == "invalid"`).
function _M.is_error(v)
  return type(v) == "table" and getmetatable(v) == core.error_mt
end

-- The builders (datadog.slack_channel, datadog.incident_integration, ...),
-- help and pretty live in sibling files; they are part of this module.
for _, d in ipairs(builders.DOCS) do _M[d[1]] = builders[d[1]] end
_M.slack_redirect_url = builders.slack_redirect_url
-- help.lua is loaded on the first call: compiling it (its examples and
-- the code that makes the others) is a third of what `require "datadog"`
-- costs, and only the REPL and the CLI's help use it.
function _M.help(name, opts)
  return require("datadog.help").help(name, opts)
end
-- loaded when first used: a call needs neither help nor pretty
function _M.pretty(value, opts)
  return require("datadog.pretty").pretty(value, opts)
end

--- Client methods.
-- Besides one method per operation (`dd:get_incident(id)`, see
-- `operations`), `dd:call`, `dd:start`, `dd:prepare`, `dd:finish`,
-- `dd:batch` and `dd:close` from
-- the C core. Methods written in Lua are added to `core.methods`, the table
-- every client's methods come from (its misses raise with "did you mean").
-- @section client

--- Help on an operation (method name or id) or builder; see `help`.
-- @function client:help
-- @tparam[opt] string name
core.methods.help = function(_, name, opts)
  return _M.help(name, opts)
end

-- dd:paginate(id, params) and dd:<method>_with_pagination(...): see paginate.lua.
paginate.install(core.methods)

-- dd:with(opts): a view whose calls take opts as their own (view.lua, loaded
-- when first used). How this client runs a named method with options, and
-- checks them: the same two functions for every view, so views share their
-- methods.
local function named_with(dd, opts, id, ...) return dd:call_with(opts, id, ...) end
local function check_options(dd, opts) dd:check_options(opts) end
function core.methods.with(dd, opts)
  return require("datadog.view").view(dd, opts, named_with, check_options)
end

--- The paginated operations: id -> the path of the items in a page. Each
-- has `dd:<method>_with_pagination`, `dd:paginate(id, params)` and the
-- CLI's `--all`; `dd:help(id)` shows the shape of the items.
-- @field ListIncidents `{"data"}`: each item is an incident
-- @field SearchIncidents `{"data", "attributes", "incidents"}`: each item is
-- `{data = incident}`
-- @table PAGINATED
_M.PAGINATED = paginate.PAGINATED

--- The pure part of the module: what needs no client, does no I/O and never
-- blocks, so it is safe anywhere, an nginx request handler included. Every
-- host client's module re-exports it (`datadog.resty.encode`, ...):
--
--    for k, v in pairs(datadog.pure) do _M[k] = v end
--
-- It holds `null`, `SITES`, `PAGINATED`, `array`, `object`, `encode`,
-- `decode`, `is_error`, `operations`, `slack_redirect_url`, every builder,
-- and `help` and `pretty` (which print to stdout unless given
-- `{ print = false }`). Not in it: `new` (a client: libcurl, which blocks)
-- and `config` (reads the environment).
-- @table pure
_M.pure = {}
for _, name in ipairs({ "_VERSION", "null", "SITES", "PAGINATED", "array", "object", "encode",
    "decode", "is_error", "operations", "slack_redirect_url", "help", "pretty" }) do
  _M.pure[name] = _M[name]
end
for _, d in ipairs(builders.DOCS) do _M.pure[d[1]] = _M[d[1]] end

return _M

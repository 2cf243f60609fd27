-- How every example gets its client: against Datadog when DD_API_KEY and
-- DD_APP_KEY are set (DD_SITE picks the site, DD_BASE_URL any endpoint, as
-- for the module), otherwise against the local emulator (`make emulator`,
-- or the one at DD_BASE_URL; its keys, if it checks them, in
-- DATADOG_EMULATOR_API_KEY and DATADOG_EMULATOR_APP_KEY).
--
-- Run the examples from the repository root (`lua5.4 examples/x.lua`): this
-- file puts the checkout's module first on the paths, so nothing needs to be
-- installed once `make` has built datadog/core.so.
local root = debug.getinfo(1, "S").source:match("^@(.*)/examples/[^/]+$")
if root then
  -- the C core `make` built for this interpreter (as bin/datadog-lua finds it)
  local so = rawget(_G, "jit") and "/build/luajit"
    or _VERSION ~= "Lua 5.4" and "/build/lua" .. _VERSION:match("%d+%.%d+") or ""
  package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
  package.cpath = root .. so .. "/?.so;" .. package.cpath
end

local datadog = require "datadog"

local M = {}

-- connect([opts]) -> client, description of where it talks to
local function connect(opts)
  opts = opts or {}
  opts.unstable = true -- the incident operations are in public beta
  local base_url = os.getenv("DD_BASE_URL")
  if base_url == "" then base_url = nil end
  if os.getenv("DD_API_KEY") and os.getenv("DD_APP_KEY") then
    return datadog.new(opts), base_url or ("Datadog (" .. (os.getenv("DD_SITE") or "datadoghq.com") .. ")")
  end
  opts.base_url = base_url or "http://127.0.0.1:18080"
  opts.api_key = os.getenv("DATADOG_EMULATOR_API_KEY") or "emulator-api-key"
  opts.app_key = os.getenv("DATADOG_EMULATOR_APP_KEY") or "emulator-app-key"
  return datadog.new(opts), "the emulator at " .. opts.base_url
end
M.connect = connect

-- The script's name, for its messages.
local SCRIPT = (arg and arg[0] or "example"):match("[^/]*$")

-- usage(msg): for what is wrong with how an example was started (its
-- arguments, its environment, its input file), before it connects: the
-- message, and exit code 2.
function M.usage(msg)
  io.stderr:write(SCRIPT, ": ", msg, "\n")
  os.exit(2)
end

-- check(dd:call(...)): the call's results, or its error object raised
-- (what assert does on Lua 5.3 and later; 5.1's and 5.2's assert take only
-- a string message).
function M.check(res, err, ...)
  if res == nil then error(err, 2) end
  return res, err, ...
end

-- fail(msg): stops main with a message that needs no stack trace (what it
-- looked for is not there); clean-ups still run, and the exit code is 1.
local FAIL = {}
function M.fail(msg)
  error(setmetatable({ msg }, FAIL), 2)
end

-- A failure's message: fail's as given, anything else with its traceback
-- (a bug, or an API error an example did not expect).
local function explain(err)
  if getmetatable(err) == FAIL then return err[1] end
  return debug.traceback(tostring(err), 2)
end

-- run(main): connects, calls main(dd, defer) and then, whatever happened,
-- the functions main passed to defer (last first), so that what an example
-- created is removed even when a step fails. Exits 1 when anything failed.
function M.run(main)
  local dd, where = connect()
  print("talking to " .. where)
  local deferred = {}
  local function defer(f) deferred[#deferred + 1] = f end
  local ok, err = xpcall(function() return main(dd, defer) end, explain)
  if not ok then io.stderr:write("example failed: ", tostring(err), "\n") end
  for i = #deferred, 1, -1 do
    local done, cerr = pcall(deferred[i])
    if not done then
      ok = false
      io.stderr:write("clean-up failed: ", tostring(cerr), "\n")
    end
  end
  dd:close()
  if not ok then os.exit(1) end
end

return setmetatable(M, { __call = function(_, opts) return connect(opts) end })

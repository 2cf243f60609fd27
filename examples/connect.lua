-- How every example gets its client: against Datadog when DD_API_KEY and
-- DD_APP_KEY are set (DD_SITE picks the site), otherwise against the local
-- emulator (`make emulator`, or DATADOG_EMULATOR_URL; its keys, if it checks
-- them, in DATADOG_EMULATOR_API_KEY and DATADOG_EMULATOR_APP_KEY).
--
-- Run the examples from the repository root (`lua5.4 examples/x.lua`): this
-- file puts the checkout's module first on the paths, so nothing needs to be
-- installed once `make` has built datadog/core.so.
local root = debug.getinfo(1, "S").source:match("^@(.*)/examples/[^/]+$")
if root then
  package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
  package.cpath = root .. "/?.so;" .. package.cpath
end

local datadog = require "datadog"

local M = {}

-- connect([opts]) -> client, description of where it talks to
local function connect(opts)
  opts = opts or {}
  opts.unstable = true -- the incident operations are in public beta
  if os.getenv("DD_API_KEY") and os.getenv("DD_APP_KEY") then
    return datadog.new(opts), "Datadog (" .. (os.getenv("DD_SITE") or "datadoghq.com") .. ")"
  end
  opts.base_url = os.getenv("DATADOG_EMULATOR_URL") or "http://127.0.0.1:18080"
  opts.api_key = os.getenv("DATADOG_EMULATOR_API_KEY") or "emulator-api-key"
  opts.app_key = os.getenv("DATADOG_EMULATOR_APP_KEY") or "emulator-app-key"
  return datadog.new(opts), "the emulator at " .. opts.base_url
end
M.connect = connect

-- run(main): connects, calls main(dd, defer) and then, whatever happened,
-- the functions main passed to defer (last first), so that what an example
-- created is removed even when a step fails. Exits 1 when anything failed.
function M.run(main)
  local dd, where = connect()
  print("talking to " .. where)
  local deferred = {}
  local function defer(f) deferred[#deferred + 1] = f end
  local ok, err = xpcall(main, debug.traceback, dd, defer)
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

-- spec.helpers.client: clients of the module on the spec process's emulator.
--
--   local client = require("spec.helpers.client").new
--   local dd = client(extra)       -- datadog.new on the emulator (its URL and keys), every
--                                  -- beta operation enabled, retries off; extra's options
--                                  -- replace those (retry = { ... } turns retries on)
--   client(extra, info)            -- the same on another emulator (emu.start's info)
--
-- The emulator must have been started (emu.start, or emu.per_spec in the describe block).
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local _M = {}

--- The options client(extra, info) passes to datadog.new.
function _M.options(extra, info)
  info = info or emu.info()
  assert(info, "the emulator is not started: emu.start() or emu.per_spec() first")
  local opts = { base_url = info.base_url, api_key = info.api_key,
                 app_key = info.app_key, unstable = true, retry = false }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return opts
end

function _M.new(extra, info)
  return datadog.new(_M.options(extra, info))
end

return _M

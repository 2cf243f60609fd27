-- How every example gets its client: against Datadog when DD_API_KEY and
-- DD_APP_KEY are set (DD_SITE picks the site), otherwise against the local
-- emulator (`make emulator`, or DATADOG_EMULATOR_URL) with its test keys.
local datadog = require "datadog"

return function(opts)
  opts = opts or {}
  opts.unstable = true -- the incident operations are in public beta
  if os.getenv("DD_API_KEY") and os.getenv("DD_APP_KEY") then
    return datadog.new(opts), "Datadog (" .. (os.getenv("DD_SITE") or "datadoghq.com") .. ")"
  end
  opts.base_url = os.getenv("DATADOG_EMULATOR_URL") or "http://127.0.0.1:18080"
  opts.api_key = "emulator-api-key"
  opts.app_key = "emulator-app-key"
  return datadog.new(opts), "the emulator at " .. opts.base_url
end

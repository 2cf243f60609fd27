-- Where the official TypeScript client is installed for the generator
-- (scripts/gen-ops, `make gen-ops`), and why the specs that need it cannot
-- run when it is not.
local R = require "spec.reliability.support"
local emu = require "spec.helpers.emulator"

local _M = {}

_M.dir = emu.root .. "/scripts/gen-ops"
_M.package_json = _M.dir .. "/node_modules/@datadog/datadog-api-client/package.json"

--- nil when node and the pinned version are installed, else why not.
function _M.missing()
  if not io.popen("command -v node"):read("a"):find("node", 1, true) then
    return "node is not installed"
  end
  local have = R.read(_M.package_json)
  if not have then return "scripts/gen-ops has no @datadog/datadog-api-client (make gen-ops)" end
  local pinned = R.read(_M.dir .. "/package.json"):match('"@datadog/datadog%-api%-client": "([^"]+)"')
  have = have:match('"version": "([^"]+)"')
  if have ~= pinned then
    return "scripts/gen-ops has @datadog/datadog-api-client " .. tostring(have) .. ", " .. pinned
      .. " is pinned (make gen-ops)"
  end
  return nil
end

return _M

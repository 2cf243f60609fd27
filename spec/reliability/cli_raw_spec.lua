-- The CLI prints a 2xx answer it cannot re-encode as it came (issue 16,
-- item 8): a number past a double (1e400) or a string that is not UTF-8
-- used to end in exit 1, "internal error" and a traceback, the answer lost.
-- The client option behind it, raw_body, is checked here too.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local q = emu.shell_quote
local BIN = emu.root .. "/bin/datadog-lua"
local OG = "^/api/v2/integration/opsgenie/services"
local info

local function cli(...)
  local parts = { "env -u DD_SITE", "DD_API_KEY=" .. q(info.api_key), "DD_APP_KEY=" .. q(info.app_key),
    q(BIN) }
  for _, a in ipairs { ... } do parts[#parts + 1] = q(a) end
  parts[#parts + 1] = "--base-url " .. q(info.base_url)
  return emu.sh(table.concat(parts, " "))
end

describe("the CLI and a 2xx body it cannot re-encode", function()
  info = emu.per_spec()

  for _, case in ipairs {
    { "a number past a double", '{"data":[],"n":1e400}' },
    { "a string that is not UTF-8", '{"data":[],"s":"caf\xe9"}' },
    { "both, deep inside", '{"data":[{"a":[1,2,{"b":-1e999,"c":"\xff\xfe"}]}]}' },
  } do
    for _, pretty in ipairs { false, true } do
      it(("prints it as it came, exit 0: %s%s"):format(case[1], pretty and " (--pretty)" or ""), function()
        emu.fault{ path = OG, count = 1, status = 200, body = case[2] }
        local code, out, err
        if pretty then
          code, out, err = cli("list_opsgenie_services", "--pretty")
        else
          code, out, err = cli("list_opsgenie_services")
        end
        assert.equal(0, code, err)
        assert.equal(case[2] .. "\n", out)
        assert.is_nil(err:find("traceback", 1, true))
        assert.is_nil(err:find("internal error", 1, true))
      end)
    end
  end

  it("still re-encodes what it can (not the raw text)", function()
    emu.fault{ path = OG, count = 1, status = 200, body = '{ "data" : [ ] }' }
    local code, out = cli("list_opsgenie_services")
    assert.equal(0, code)
    assert.equal('{"data":[]}\n', out)
  end)

  it("raw_body: response.body only when asked, as it came (decompressed)", function()
    local plain = R.client(info)
    local _, response = assert(plain:list_opsgenie_services())
    assert.is_nil(response.body)
    local raw = R.client(info, { raw_body = true })
    emu.fault{ path = OG, count = 1, status = 200, body = '{"data":[],"x":1e400}', action = "gzip" }
    local res, r = assert(raw:list_opsgenie_services())
    assert.equal(math.huge, res.x)
    assert.equal('{"data":[],"x":1e400}', r.body)
    local _, err = raw:get_opsgenie_service("nope")
    assert.is_string(err.body) -- errors keep theirs, as before
    assert.has_error(function() datadog.new{ raw_body = "yes", api_key = "k", app_key = "a" } end)
  end)
end)

-- pace (issue 27): the sends a known rate-limit window has left are spread over the time
-- it has left, so a burst slows down before the API answers 429 instead of after.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

describe("pace", function()
  local info = emu.per_spec()

  local function client(extra)
    local o = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
      unstable = true, retry = { base = 0.01 } }
    for k, v in pairs(extra or {}) do o[k] = v end
    return datadog.new(o)
  end

  it("each send waits its share of the window's time left (a Lua driver, no sleep)", function()
    local t = 0
    local dd = client({ pace = true })
    local function start()
      return dd:start("ListOpsgenieServices", {}, { clock = function() return t end })
    end
    local probe = start()
    assert.equal("send", (probe:step()))
    probe:step({ status = 200, headers = { ["X-RateLimit-Limit"] = "20",
      ["X-RateLimit-Remaining"] = "19", ["X-RateLimit-Reset"] = "10",
      ["X-RateLimit-Name"] = "og" }, body = '{"data":[]}' })
    -- 19 sends left in 10 s: the next takes one and waits 10 / 19 s
    local call = start()
    local what, secs = call:step()
    assert.equal("wait", what)
    assert.is_true(math.abs(secs - 10 / 19) < 1e-6, secs)
    t = t + secs
    assert.equal("send", (call:step())) -- its send was taken before the wait
    -- without pace the same send goes at once
    local plain = client()
    local p = plain:start("ListOpsgenieServices", {}, { clock = function() return t end })
    p:step()
    p:step({ status = 200, headers = { ["X-RateLimit-Limit"] = "20",
      ["X-RateLimit-Remaining"] = "19", ["X-RateLimit-Reset"] = "10" }, body = '{"data":[]}' })
    local q = plain:start("ListOpsgenieServices", {}, { clock = function() return t end })
    assert.equal("send", (q:step()))
  end)

  it("a burst of 50 against a window of 20: no 429 with pace, some with neither pace nor windows", function()
    local calls = {}
    for i = 1, 50 do calls[i] = { "ListOpsgenieServices", {} } end
    local function statuses()
      local n429 = 0
      for _, r in ipairs(emu.requests()) do if r.status == 429 then n429 = n429 + 1 end end
      return n429
    end
    emu.reset{ rate_limit = { limit = 20, period = 1 } }
    local r = client({ pace = true }):batch(calls, { concurrency = 8 })
    for i = 1, 50 do assert.is_table(r[i][1], tostring(r[i][2])) end
    local paced = statuses()
    emu.reset{ rate_limit = { limit = 20, period = 1 } }
    client({ windows = false }):batch(calls, { concurrency = 8 })
    local blind = statuses()
    io.stderr:write(("\npace: 50 calls, a window of 20: %d 429s paced, %d with neither\n")
      :format(paced, blind))
    assert.equal(0, paced)
    assert.is_true(blind > 0)
  end)

  it("needs the windows", function()
    local ok, err = pcall(client, { pace = true, windows = false })
    assert.is_false(ok)
    assert.matches("option pace needs the rate-limit windows", tostring(err), 1, true)
  end)
end)

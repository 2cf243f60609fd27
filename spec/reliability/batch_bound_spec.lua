-- A batch's responses together are bounded (issue 16, item 14): max_body
-- bounds one response, but a batch holds every body until it returns, so
-- eight gzip bombs at once once reached 536 MB. `max_batch_body` (default
-- 256 MiB; dd:batch takes its own) bounds the decoded bytes a batch holds,
-- in flight and done; a response that does not fit fails as too_large,
-- and a body dropped for a retry no longer counts.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info
local OG = "^/api/v2/integration/opsgenie/services"
local MiB = 1024 * 1024

-- A 200 whose body decodes to about `mib` MiB and travels gzip'd (a few kB).
local function bombs(count, mib)
  emu.fault{ path = OG, count = count, status = 200, action = "gzip",
    body = '{"data":[],"pad":"' .. ("0"):rep(mib * MiB) .. '"}' }
end

local function gets(n)
  local calls = {}
  for i = 1, n do calls[i] = { "ListOpsgenieServices", {} } end
  return calls
end

-- ok count, too_large-for-the-batch count, decoded bytes of the successes
local function tally(r)
  local ok, big, bytes = 0, 0, 0
  for _, x in ipairs(r) do
    if x[1] then
      ok = ok + 1
      bytes = bytes + #(x[1].pad or "")
    elseif x[2].kind == "too_large" and x[2].message:find("max_batch_body", 1, true) then
      big = big + 1
    end
  end
  return ok, big, bytes
end

describe("a batch's responses together", function()
  info = emu.per_spec()

  it("are bounded by max_batch_body, decoded, in flight and done", function()
    bombs(8, 4)
    local dd = R.client(info, { max_body = 8 * MiB, max_batch_body = 10 * MiB })
    local ok, big, bytes = tally(dd:batch(gets(8), { concurrency = 8 }))
    assert.equal(8, ok + big)
    assert.is_true(ok >= 1 and ok <= 2, "successes: " .. ok)
    assert.is_true(bytes <= 10 * MiB)
    assert.equal(8 - ok, big)
  end)

  it("one after another too (concurrency 1), and dd:batch takes its own bound", function()
    bombs(4, 3)
    local dd = R.client(info, { max_batch_body = 7 * MiB })
    local ok, big = tally(dd:batch(gets(4), { concurrency = 1 }))
    assert.equal(2, ok)
    assert.equal(2, big)
    bombs(4, 3)
    ok = tally(dd:batch(gets(4), { max_batch_body = 64 * MiB }))
    assert.equal(4, ok)
  end)

  it("each batch starts with the whole bound; single calls are bounded by max_body only", function()
    local dd = R.client(info, { max_batch_body = 5 * MiB })
    for _ = 1, 3 do
      bombs(1, 4)
      assert.equal(1, (tally(dd:batch(gets(1)))))
    end
    bombs(1, 6)
    assert.is_table(dd:list_opsgenie_services())
  end)

  it("a body dropped for a retry is not counted", function()
    emu.fault{ path = OG, count = 2, status = 503, body = '{"errors":["' .. ("e"):rep(3 * MiB) .. '"]}' }
    local dd = R.client(info, { max_batch_body = 4 * MiB, retry = { max = 2, base = 0.001 } })
    local r = dd:batch(gets(2), { concurrency = 1 })
    assert.is_table(r[1][1], tostring(r[1][2]))
    assert.is_table(r[2][1], tostring(r[2][2]))
  end)

  it("holds for a transport's batch, and bad bounds are refused", function()
    local big = '{"pad":"' .. ("1"):rep(2 * MiB) .. '"}'
    local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
      max_batch_body = 5 * MiB, transport = function() return { status = 200, headers = {}, body = big } end }
    local ok, over = tally(dd:batch(gets(4)))
    assert.equal(2, ok)
    assert.equal(2, over)
    for _, bad in ipairs { 0, -1, 0 / 0, math.huge, 2e12, "1" } do
      assert.has_error(function() dd:batch({}, { max_batch_body = bad }) end,
        "datadog: batch: max_batch_body must be a number of bytes from 1 to 1e12")
      assert.has_error(function() R.client(info, { max_batch_body = bad }) end)
    end
  end)
end)

-- The operation table is generated (scripts/gen-ops/gen.js) from the official
-- TypeScript client's package: re-running the generator on the pinned version
-- reproduces src/ops_gen.c byte for byte, and what datadog.operations() lists
-- is what the official client itself does (scripts/gen-ops/official.js drives
-- its request factories: no source text read, so not gen.js checking itself).
-- Both need node and the pinned package (`make gen-ops` installs it); without
-- them the cases are pending, saying so.

local datadog = require "datadog"
local R = require "spec.reliability.support"
local official_client = require "spec.helpers.official_client"

local DIR = official_client.dir

local emu = require "spec.helpers.emulator"

-- GetIncidentAIPostmortem -> get_incident_ai_postmortem, as the Python client names it
local function snake(id)
  return (id:gsub("(%u+)(%u%l)", "%1_%2"):gsub("([%l%d])(%u)", "%1_%2"):lower())
end

describe("the generated operation table", function()
  local why = official_client.missing()

  it("names its source and is not edited by hand", function()
    local text = assert(R.read(emu.root .. "/src/ops_gen.c"))
    assert.matches("generated%s+%*? ?by scripts/gen%-ops/gen%.js from @datadog/datadog%-api%-client", text)
    assert.matches("Do not edit", text, 1, true)
  end)

  if why then
    pending("is reproduced by the generator: " .. why)
    pending("writes the emulator's route table too: " .. why)
    pending("writes the response models too: " .. why)
    pending("equals the official client's operations: " .. why)
    return
  end

  it("is reproduced byte for byte by the generator on the pinned package", function()
    local code, out, err = emu.sh("node " .. R.q(DIR .. "/gen.js") .. " --stdout")
    assert.equal(0, code, err)
    assert.equal(R.read(emu.root .. "/src/ops_gen.c"), out)
  end)

  it("writes the emulator's route table too, byte for byte", function()
    local code, out, err = emu.sh("node " .. R.q(DIR .. "/gen.js") .. " --stdout-emulator")
    assert.equal(0, code, err)
    assert.equal(R.read(emu.root .. "/emulator/lua/emulator/ops_gen.lua"), out)
  end)

  it("writes the response models too, byte for byte", function()
    local code, out, err = emu.sh("node " .. R.q(DIR .. "/gen.js") .. " --stdout-responses")
    assert.equal(0, code, err)
    assert.equal(R.read(emu.root .. "/lua/datadog/responses_gen.lua"), out)
  end)

  it("equals the official client's operations: ids, methods, paths, beta flags, Accept", function()
    local code, out, err = emu.sh("cd " .. R.q(DIR) .. " && node official.js")
    assert.equal(0, code, err)
    local official = datadog.decode(out)
    local ours = {}
    for _, op in ipairs(datadog.operations()) do ours[op.id] = op end
    assert.equal(105, #official)
    assert.equal(#official, #datadog.operations())
    local counts = { incidents = 0, opsgenie = 0, pagerduty = 0 }
    for _, o in ipairs(official) do
      local op = ours[o.id]
      assert.is_table(op, o.id)
      assert.equal(snake(o.id), op.method, o.id)
      assert.equal(o.http, op.http_method, o.id)
      assert.equal(o.path, op.path, o.id)
      assert.equal(o.beta, op.beta, o.id)
      assert.equal(o.accept, op.accept, o.id)
      assert.equal(o.body, op.body, o.id)
      local required = {}
      for _, q in ipairs(op.query_params) do
        if q.required then required[#required + 1] = q.name end
      end
      assert.same(o.required_query, required, o.id)
      local tag = o.path:match("/opsgenie/") and "opsgenie" or o.path:match("/pagerduty/")
        and "pagerduty" or "incidents"
      counts[tag] = counts[tag] + 1
    end
    assert.same({ incidents = 92, opsgenie = 9, pagerduty = 4 }, counts)
  end)
end)

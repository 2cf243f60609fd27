-- The operation table is generated (scripts/gen-ops/gen.js) from the official
-- TypeScript client's package: re-running the generator on the pinned version
-- reproduces src/ops/ops_gen.c byte for byte, and what datadog.operations() lists
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
    local text = assert(R.read(emu.root .. "/src/ops/ops_gen.c"))
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
    assert.equal(R.read(emu.root .. "/src/ops/ops_gen.c"), out)
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

  -- The official models declare which required fields take null: their
  -- TypeScript declaration ends in "| null" ("data": NullableRelationshipToUserData
  -- | null), whether the field or the type it refers to was declared
  -- nullable. Read here from the package's files with patterns of this
  -- spec's own (not gen.js's), and compared with every required field of
  -- every body schema, through references, oneOf alternatives and lists.
  -- (An optional field's declaration never says: those take null, as the
  -- official client sends it, unless overlay.js lists the ones that do.)
  it("lets a required field be null exactly where the official models declare it", function()
    local base = DIR .. "/node_modules/@datadog/datadog-api-client/dist/packages/"
    local cache = {}
    -- the schemas overlay.js renames ("JiraIssue"): label -> its models
    local code, out, err = emu.sh("cd " .. R.q(DIR) .. [[ && node -e 'const o = require("./overlay");
      for (const [m, d] of Object.entries(o.models)) if (d.label) console.log(d.label + "=" + m)']])
    assert.equal(0, code, err)
    local models_of = {}
    for label, model in out:gmatch("([^\n]+)=(%w+)\n") do
      models_of[label] = models_of[label] or {}
      table.insert(models_of[label], model)
    end
    -- model -> { wire name -> its TypeScript declaration }, or false
    local function declared(model)
      if cache[model] ~= nil then return cache[model] end
      cache[model] = false
      for _, v in ipairs { "v2", "v1" } do
        local js = R.read(base .. "datadog-api-client-" .. v .. "/models/" .. model .. ".js")
        local dts = R.read(base .. "datadog-api-client-" .. v .. "/models/" .. model .. ".d.ts")
        if js and dts then
          local members = {}
          for chunk in (dts .. "\n    /**"):gmatch("%*/\n    (.-)\n    /%*%*") do
            local ts, decl = chunk:match('^"([%w_]+)"%??: (.*);%s*$')
            if ts then members[ts] = decl end
          end
          local by_wire = {}
          for ts, wire in js:gmatch('\n    ([%w_]+): {\n%s+baseName: "([^"]+)"') do
            by_wire[wire] = members[ts]
          end
          cache[model] = by_wire
          break
        end
      end
      return cache[model]
    end
    local checked, nullable, seen = 0, {}, {}
    local function walk(schema)
      if type(schema) ~= "table" or seen[schema] then return end
      seen[schema] = true
      walk(schema.items)
      for _, alt in ipairs(schema.oneof or {}) do walk(alt) end
      for _, f in ipairs(schema.fields or {}) do
        for _, model in ipairs(models_of[schema.name] or { schema.name }) do
          local decls = declared(model)
          if decls and f.required then
            local decl = assert(decls[f.name], model .. "." .. f.name .. ": no declaration")
            local want = decl:match("|%s*null$") ~= nil
            assert.equal(want, f.nullable, model .. "." .. f.name .. ": " .. decl)
            checked = checked + 1
            if want then nullable[model .. "." .. f.name] = true end
          end
        end
        walk(f.schema)
      end
    end
    for _, op in ipairs(datadog.operations()) do
      walk(require("datadog.core").schema(op.id))
    end
    assert.is_true(checked > 100, checked .. " required fields checked")
    assert.is_true(nullable["NullableRelationshipToUser.data"])
    assert.is_true(nullable["IncidentCreateRelationships.commander_user"])
  end)
end)

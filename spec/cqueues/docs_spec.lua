-- docs/CQUEUES.md's whole program, as written, run the way its set-up says (the module
-- from the checkout through LUA_PATH and LUA_CPATH, the keys and the emulator's address in
-- the environment), against this process's emulator in place of the one on port 18080.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local ROOT = emu.root

local function read(path)
  local f = assert(io.open(path))
  local s = f:read("*a")
  f:close()
  return s
end

-- The first ``` block of `lang` after the line `after` in docs/CQUEUES.md.
local function block(after, lang)
  local doc = read(ROOT .. "/docs/CQUEUES.md")
  local at = assert(doc:find(after, 1, true), "docs/CQUEUES.md no longer has: " .. after)
  return assert(doc:match("```" .. lang .. "\n(.-)\n```", at), "no ```" .. lang .. " block after " .. after)
end

describe("docs/CQUEUES.md", function()
  local info = emu.per_spec()

  it("sets up with the commands the spec below uses", function()
    local setup = block("Then, from a checkout, as any user:", "sh")
    assert.matches('export LUA_PATH="$PWD/lua/?.lua;$PWD/lua/?/init.lua;;" LUA_CPATH="$PWD/?.so;;"',
      setup, 1, true)
    assert.matches("DD_BASE_URL=http://127.0.0.1:18080 DD_API_KEY=k DD_APP_KEY=a lua5.4 declare.lua",
      setup, 1, true)
  end)

  it("runs the whole program: the calls and the heartbeat interleave", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert.equal(0, (emu.sh("mkdir -p " .. q(dir))))
    local f = assert(io.open(dir .. "/declare.lua", "w"))
    f:write(block("## A whole program", "lua"), "\n")
    f:close()
    local code, out, err = emu.sh(table.concat({
      "cd", q(dir), "&&", "env -u DD_SITE",
      "LUA_PATH=" .. q(ROOT .. "/lua/?.lua;" .. ROOT .. "/lua/?/init.lua;;"),
      "LUA_CPATH=" .. q(ROOT .. "/?.so;;"),
      "DD_BASE_URL=" .. q(info.base_url), "DD_API_KEY=" .. q(info.api_key),
      "DD_APP_KEY=" .. q(info.app_key), "lua5.4 declare.lua" }, " "))
    emu.sh("rm -rf " .. q(dir))
    assert.equal(0, code, err .. out)
    assert.equal("", err)
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    table.sort(lines)
    assert.same({ "call 1: ok", "call 2: ok", "call 3: ok", "declared Checkout latency",
      "deleted it", "heartbeat 1", "heartbeat 2", "heartbeat 3" }, lines)
    -- the heartbeat ran while the first call was out, not after the calls
    assert.is_true(out:find("heartbeat 1", 1, true) < out:find("declared", 1, true), out)
    -- and nothing was left behind
    local _, list = emu.call("GET", "/api/v2/incidents")
    assert.equal(0, #list.data)
  end)
end)

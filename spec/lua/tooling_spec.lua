-- The repository's own tooling, run with the tests so CI covers it: luacheck
-- over everything (.luacheckrc) and the API reference (make docs, LDoc).
local emu = require "spec.helpers.emulator"

local root = emu.root
local q = emu.shell_quote

describe("tooling", function()
  it("luacheck finds nothing in the repository", function()
    local code, out, err = emu.sh("cd " .. q(root) .. " && luacheck --no-color .")
    assert.matches("Total: 0 warnings / 0 errors in %d+ files", out, nil, out .. err)
    assert.equal(0, code, out .. err)
    -- the command-line tool and the examples are among the files checked
    assert.matches("Checking bin/datadog%-lua +OK", out)
    assert.matches("Checking examples/declare_incident%.lua +OK", out)
  end)

  it("make docs writes docs/api/index.html from the sources, without warnings", function()
    local code, out, err = emu.sh("cd " .. q(root) .. " && make --no-print-directory docs")
    assert.equal(0, code, out .. err)
    for line in (out .. err):gmatch("[^\n]+") do
      assert.truthy(line == "rm -rf docs/api" or line == "ldoc ." or line:match("^reading configuration")
        or line:match("^output written to"), "LDoc said: " .. line)
    end
    local f = assert(io.open(root .. "/docs/api/index.html"))
    local html = f:read("a")
    f:close()
    assert.matches("datadog.new", html, 1, true)
    for _, name in ipairs({ "slack_channel", "incident_integration", "help", "pretty", "operations" }) do
      assert.matches('href="#' .. name .. '"', html, 1, true)
    end
  end)
end)

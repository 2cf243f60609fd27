-- README.md's quick start, docs/API.md's REPL session and docs/CLI.md's
-- command lines, run as written against an emulator started the way they
-- start one (any keys), on a free port in place of 18080.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local README_URL = "http://127.0.0.1:18080"
local port, url

local function read(file)
  local f = assert(io.open(emu.root .. "/" .. file))
  local text = f:read("*a")
  f:close()
  return text
end

-- The first ```lang block after the line `heading` of `file` (README.md
-- unless given), with the emulator's URL put in.
local function block(heading, lang, file)
  local text = "\n" .. read(file or "README.md")
  local at = assert(text:find("\n" .. heading .. "\n", 1, true), heading)
  local body = assert(text:match("```" .. lang .. "\n(.-)\n```", at), lang .. " block after " .. heading)
  return (body:gsub(README_URL:gsub("%p", "%%%0"), url))
end

local function count(haystack, needle)
  local n, at = 0, 1
  while true do
    local s, e = haystack:find(needle, at, true)
    if not s then return n end
    n, at = n + 1, e + 1
  end
end

describe("README and docs", function()
  setup(function()
    port = emu.free_port()
    url = "http://127.0.0.1:" .. port
    local code, out, err = emu.sh(q(emu.run_script) .. " start --port " .. port)
    assert(code == 0, out .. err)
  end)
  teardown(function() emu.sh(q(emu.run_script) .. " stop --port " .. port) end)

  it("the quick start runs as written, from another directory, and cleans up after itself", function()
    -- the README's own emulator line gets this spec's port; the setup's is stopped first
    emu.sh(q(emu.run_script) .. " stop --port " .. port)
    local setup = block("## Quick start", "sh"):gsub("bash emulator/run start",
      "bash emulator/run start --port " .. port)
    local script = block("## Quick start", "lua")
    local lines = select(2, script:gsub("\n", "")) + 1
    assert.is_true(lines <= 15, "the quick start's script has " .. lines .. " lines")
    local _, dir = emu.sh("mktemp -d")
    dir = dir:gsub("%s+$", "")
    local f = assert(io.open(dir .. "/quick.lua", "w"))
    f:write(script, "\n")
    f:close()
    local code, out, err = emu.sh("cd " .. q(emu.root) .. " && " .. setup .. "\ncd " .. q(dir)
      .. " && lua5.4 quick.lua && lua5.4 -e " .. q("local dd = require('datadog').new{ base_url = '"
      .. url .. "', api_key = 'k', app_key = 'a', unstable = true } "
      .. "print('left', #assert(dd:list_incidents()).data)"))
    emu.sh("rm -rf " .. q(dir))
    assert.equal(0, code, out .. err)
    assert.matches("Slack channel attached\n1\tCheckout latency\n", out, 1, true)
    assert.matches("\nleft\t0\n", out, 1, true)
  end)

  it("REPL session runs as written, each screen shown once", function()
    local start = block("## At the REPL", "sh", "docs/API.md")
    local session = block("## At the REPL", "lua", "docs/API.md")
    local input, shown = {}, {}
    for line in (session .. "\n"):gmatch("([^\n]*)\n") do
      if line:sub(1, 2) == "> " then input[#input + 1] = line:sub(3) else shown[#shown + 1] = line end
    end
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(table.concat(input, "\n"), "\n")
    f:close()
    -- -i: the REPL reads the pasted lines from a file, not a terminal
    local code, out, err = emu.sh("cd " .. q(emu.root) .. " && " .. start:gsub("\\\n", " ")
      .. " -i < " .. q(path) .. " 2>&1")
    os.remove(path)
    assert.equal(0, code, out .. err)
    -- what the README shows after its input lines, the help's "..." aside
    for _, line in ipairs(shown) do
      if not line:match("%.%.%.") then assert.matches(line, out, 1, true) end
    end
    -- the help screens once each (a REPL prints what an expression returns)
    assert.equal(1, count(out, "datadog " .. require("datadog")._VERSION .. ": "), out)
    assert.equal(1, count(out, "UpdateIncidentIntegration (beta): Update an existing"))
    assert.matches('"title": "Checkout latency"', out, 1, true)
    assert.matches('"status": 404', out, 1, true)
    -- the one error is the misspelt method the README shows
    assert.equal(1, count(out, "\ndatadog: client has no method"), out)
  end)

  it("command lines run as written, with the exit codes they say", function()
    local lines = {}
    for line in (block("# Command line: datadog-lua", "sh", "docs/CLI.md") .. "\n"):gmatch("([^\n]*)\n") do
      lines[#lines + 1] = line
    end
    local env = table.remove(lines, 1)
    assert.matches("^export DD_BASE_URL=", env)
    -- a directory of its own, for the files the lines write; bin/ is the checkout's
    local _, dir = emu.sh("mktemp -d")
    dir = dir:gsub("%s+$", "")
    assert.equal(0, (emu.sh("ln -s " .. q(emu.root .. "/bin") .. " " .. q(dir .. "/bin"))))
    for _, line in ipairs(lines) do
      local want = tonumber(line:match("# exit (%d+)") or 0)
      local code, out, err = emu.sh("cd " .. q(dir) .. " && " .. env .. " && " .. line)
      assert.equal(want, code, line .. "\n" .. out .. err)
      if line:match("%-%-debug") then
        assert.matches("GET " .. url .. "/api/v2/incidents/00000000-aaaa-0000-0000-000000000000 -> 404",
          err, 1, true)
        assert.matches("datadog-lua: GetIncident: HTTP 404 Not Found", err, 1, true)
      end
    end
    emu.sh("rm -rf " .. q(dir))
  end)
end)

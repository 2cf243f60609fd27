-- The repository's own tooling, run with the tests so CI covers it: luacheck
-- over everything (.luacheckrc) and the API reference (make docs, LDoc).
local emu = require "spec.helpers.emulator"

local root = emu.root
local q = emu.shell_quote

-- make docs, run once for this process by whichever spec needs it first:
-- its exit code, what it printed, and the index page it wrote. No spec
-- relies on another having run before it.
local docs
local function make_docs()
  if not docs then
    local code, out, err = emu.sh("cd " .. q(root) .. " && make --no-print-directory -s docs")
    local function read(path)
      local f = io.open(root .. "/" .. path)
      if not f then return nil end
      local s = f:read("*a")
      f:close()
      return s
    end
    docs = { code = code, out = out, err = err, index = read("docs/api/index.html"),
             html = read("docs/api/modules/datadog.html") }
  end
  return docs
end

describe("tooling", function()
  it("luacheck finds nothing in the repository", function()
    local code, out, err = emu.sh("cd " .. q(root) .. " && luacheck --no-color .")
    assert.matches("Total: 0 warnings / 0 errors in %d+ files", out, nil, out .. err)
    assert.equal(0, code, out .. err)
    -- the command-line tool and the examples are among the files checked
    assert.matches("Checking bin/datadog%-lua +OK", out)
    assert.matches("Checking examples/declare_incident%.lua +OK", out)
  end)

  it("make docs writes docs/api/ from the sources, without warnings", function()
    local d = make_docs()
    local out, err = d.out, d.err
    assert.equal(0, d.code, out .. err)
    for line in (out .. err):gmatch("[^\n]+") do
      assert.truthy(line == "rm -rf docs/api" or line:match("^lua5%.%d /usr/bin/ldoc %.$")
        or line:match("^lua5%.4 scripts/gen%-operations%-doc ") or line:match("^reading configuration")
        -- LDoc's notes on the files merged into the module (merge = true)
        or line == "***closing section from master module***" or line:match("^found master module")
        or line:match("^output written to"), "LDoc said: " .. line)
    end
    local index = assert(d.index, "make docs wrote no docs/api/index.html")
    -- a page per module: the module and every host client
    for _, m in ipairs({ "datadog", "datadog.resty", "datadog.cqueues", "datadog.haproxy" }) do
      assert.matches('href="modules/' .. m .. '.html"', index, 1, true)
    end
    -- descriptions name what the table holds now, not its first families
    for _, file in ipairs({ "config.ld", "lua/datadog/init.lua", "rockspec/lua-datadog-0.1.0-1.rockspec" }) do
      local text = assert(io.open(root .. "/" .. file)):read("a")
      assert.matches("Incidents, Opsgenie", text, 1, true)
    end
    local html = assert(d.html, "make docs wrote no docs/api/modules/datadog.html")
    assert.matches("datadog.new", html, 1, true)
    for _, name in ipairs({ "slack_channel", "incident_integration", "help", "pretty", "operations",
        "client:call", "client:batch", "response", "error", "pagination" }) do
      assert.matches('href="#' .. name .. '"', html, 1, true)
    end
    -- what users call most comes first; internal helpers are not listed
    assert.equal("new", html:match('<a name = "([^"]+)"'))
    assert.not_matches('name = "suggest"', html, 1, true)
    -- every paginated operation in PAGINATED's entry
    local paginated = html:match('<a name = "PAGINATED"></a>(.-)</dd>')
    for id in pairs(require("datadog").PAGINATED) do
      assert.matches(id, paginated, 1, true)
    end
    local resty = assert(io.open(root .. "/docs/api/modules/datadog.resty.html")):read("a")
    assert.matches('href="#new"', resty, 1, true)
    -- backticks render as code
    assert.matches("<code>datadog.null</code>", html, 1, true)
    assert.not_matches("`", (html:gsub("<pre>.-</pre>", "")), 1, true)
  end)

  it("make docs documents every operation of the table, with help's text", function()
    local d = make_docs()
    assert.equal(0, d.code, d.out .. d.err)
    local html = assert(d.html, "make docs wrote no docs/api/modules/datadog.html")
    local datadog = require "datadog"
    local ops = datadog.operations()
    assert.truthy(#ops > 0)
    for _, op in ipairs(ops) do
      local entry = html:match('<a name = "client:' .. op.method .. '"></a>(.-)</dd>')
      assert.truthy(entry, op.id .. " has no entry")
      assert.matches("operation id <code>" .. op.id .. "</code>", entry, 1, true)
      assert.equal(op.beta, entry:find("(beta)", 1, true) ~= nil, op.id)
      -- the parameters and the example, as datadog.help renders them
      local text = datadog.help(op.id, { print = false })
      local example = text:match("\nExample\n  ([^\n]+)")
      -- as the HTML has it: <, > and & escaped in a code block, quotes as they are
      local escaped = example:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
      assert.truthy(entry:find(escaped, 1, true), op.id .. ": " .. example)
      if op.body then assert.matches("Body: ", entry, 1, true) end
      assert.matches("Response: ", entry, 1, true)
      -- the index shows the call form: path parameters, body, query options
      local args = {}
      for _, p in ipairs(op.path_params) do args[#args + 1] = p end
      if op.body then args[#args + 1] = "body" end
      local form = "client:" .. op.method .. "(" .. table.concat(args, ", ")
      assert.matches('<a href="#client:' .. op.method .. '">' .. form, html, 1, true)
    end
  end)
end)

-- scripts/demo and scripts/deps: the demo installs only what it needs, says
-- where it sends, and stops with one line when that target does not answer;
-- `make -s` prints nothing.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local ROOT = emu.root

local function lines(text)
  local t = {}
  for l in text:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

local function set(list)
  local t = {}
  for _, x in ipairs(list) do t[x] = true end
  return t
end

describe("scripts/deps", function()
  it("installs for the demo only the build, Lua 5.4 and nginx; the tests' packages on top", function()
    local c1, demo = emu.sh("bash " .. q(ROOT .. "/scripts/deps") .. " --demo --list")
    local c2, all = emu.sh("bash " .. q(ROOT .. "/scripts/deps") .. " --list")
    assert.equal(0, c1)
    assert.equal(0, c2)
    local d, a = set(lines(demo)), set(lines(all))
    for _, p in ipairs({ "gcc", "make", "libcurl4-openssl-dev", "lua5.4", "liblua5.4-dev", "nginx",
        "libnginx-mod-http-lua" }) do
      assert.is_true(d[p], p)
    end
    for _, p in ipairs({ "clang", "valgrind", "tinyproxy", "lua5.1", "luajit2", "lua-busted",
        "luarocks", "nodejs", "npm", "lua-check" }) do
      assert.is_nil(d[p], p)
    end
    for p in pairs(d) do assert.is_true(a[p], p .. " is the demo's but not the tests'") end
    for _, p in ipairs({ "clang", "valgrind", "tinyproxy", "lua-busted" }) do assert.is_true(a[p], p) end
  end)

  it("is run with --demo by the demo and whole by the tests", function()
    local demo = assert(io.open(ROOT .. "/scripts/demo")):read("a")
    local test = assert(io.open(ROOT .. "/scripts/test")):read("a")
    assert.matches("bash scripts/deps --demo;", demo, 1, true)
    assert.matches("then bash scripts/deps; fi", test, 1, true)
  end)
end)

describe("scripts/demo", function()
  it("says it sends to DD_BASE_URL, and stops with one line when nothing answers there", function()
    local port = emu.free_port() -- nothing listens on it
    local t0 = os.time()
    local code, out, err = emu.sh("cd / && DD_BASE_URL=http://127.0.0.1:" .. port
      .. " DD_API_KEY=k DD_APP_KEY=a bash " .. q(ROOT .. "/scripts/demo") .. " --no-deps")
    assert.equal(1, code, out .. err)
    assert.equal("demo: sending to DD_BASE_URL=http://127.0.0.1:" .. port .. " with your keys "
      .. "(unset DD_BASE_URL to use Datadog at datadoghq.com)\n", out)
    local e = lines(err)
    assert.equal(1, #e, err)
    assert.matches("^demo: nothing answers at http://127%.0%.0%.1:" .. port .. " %(ListOpsgenieServices: "
      .. "connect: .*%)%. Start an emulator there", e[1])
    assert.is_true(os.time() - t0 < 8, "the check is one attempt, not the retries")
  end)

  it("says it sends to Datadog at DD_SITE when there is no DD_BASE_URL", function()
    -- the first line, then stopped before any call (no network in a spec): an
    -- unusable proxy makes the check fail at once
    local code, out = emu.sh("cd / && env -u DD_BASE_URL DD_SITE=datadoghq.eu DD_API_KEY=k "
      .. "DD_APP_KEY=a https_proxy=http://127.0.0.1:" .. emu.free_port() .. " bash "
      .. q(ROOT .. "/scripts/demo") .. " --no-deps")
    assert.equal(1, code)
    assert.equal("demo: sending to Datadog at datadoghq.eu (DD_SITE) with your keys\n", out)
  end)
end)

describe("make -s", function()
  it("prints nothing when it links (no lto-wrapper notes)", function()
    local _, dir = emu.sh("mktemp -d")
    dir = dir:gsub("%s+$", "")
    -- the checkout's objects, so that only the link (where LTO speaks) runs
    local code, out, err = emu.sh("cd " .. q(ROOT) .. " && make --no-print-directory -s >/dev/null "
      .. "&& cp -pr build/obj-5.4/. " .. q(dir) .. " && make --no-print-directory -s OBJDIR="
      .. q(dir) .. " OUT=" .. q(dir .. "/datadog/core.so"))
    emu.sh("rm -rf " .. q(dir))
    assert.equal(0, code, out .. err)
    assert.equal("", out .. err)
  end)
end)

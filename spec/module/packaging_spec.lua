-- Every install route, for the Lua running this spec (scripts/test runs it
-- under each interpreter Debian ships): luarocks make, make install, and
-- the LuaJIT and OpenResty routes. Each installs into a temporary tree,
-- then loads the module and runs the CLI from there, away from the checkout.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local root = emu.root
local JIT = rawget(_G, "jit") ~= nil
local VERSION = _VERSION:match("%d+%.%d+") -- LuaJIT: 5.1
local LUA = emu.lua

-- The checkout's own builds for each Lua (datadog/, build/obj-*, build/lua*)
-- with their checksums: no install route may change them. (build/asan,
-- build/valgrind and build/fuzz belong to the checks, which may run beside it.)
local function checkout_build()
  local _, out = emu.sh("cd " .. q(root) .. " && find datadog build/obj-* build/lua* -type f "
    .. "2>/dev/null | sort | xargs -r cksum")
  return out
end

local function tmpdir()
  local _, out = emu.sh("mktemp -d")
  return (out:gsub("%s+$", ""))
end

-- Runs `code` with the interpreter of this spec, from /, with only the
-- tree's module on the paths (no defaults: nothing installed elsewhere
-- can stand in for it).
local function run_in(tree_lmod, tree_cmod, code)
  return emu.sh(("cd / && LUA_PATH=%s LUA_CPATH=%s %s -e %s"):format(
    q(tree_lmod .. "/?.lua;" .. tree_lmod .. "/?/init.lua"), q(tree_cmod .. "/?.so"), LUA, q(code)))
end

local PROBE = [[
  local d = require "datadog"
  local dd = d.new{ base_url = "http://127.0.0.1:9", api_key = "k", app_key = "a",
    transport = function() return { status = 200, headers = {}, body = '{"n":1}' } end }
  print(#d.operations(), dd:list_opsgenie_services().n)
]]

describe("install routes for " .. LUA, function()
  local before
  setup(function() before = checkout_build() end)
  teardown(function() assert.equal(before, checkout_build(), "the checkout's build changed") end)

  it("luarocks make builds for this Lua, installs the module and a CLI that runs", function()
    local tree = tmpdir()
    -- LuaJIT takes Lua 5.1's rock: the same C API and module paths.
    local code, out, err = emu.sh("cd " .. q(root) .. " && luarocks --lua-version " .. VERSION
      .. " make --tree " .. q(tree) .. " rockspec/lua-datadog-0.1.0-1.rockspec")
    assert.equal(0, code, out .. err)
    local c2, probe, perr = run_in(tree .. "/share/lua/" .. VERSION, tree .. "/lib/lua/" .. VERSION, PROBE)
    assert.equal(0, c2, perr)
    assert.matches("^%d+\t1\n$", probe)
    local c3, list, lerr = emu.sh("cd / && " .. q(tree .. "/bin/datadog-lua") .. " list")
    assert.equal(0, c3, lerr)
    assert.matches("\nGetOpsgenieService +GET +/api/v2/integration/opsgenie/services/", list)
    emu.sh("rm -rf " .. q(tree))
  end)

  it("make install puts the module and a CLI for this Lua under PREFIX", function()
    local tree = tmpdir()
    local target = JIT and "install-luajit" or "install LUA_VERSION=" .. VERSION
    local code, out, err = emu.sh("cd " .. q(root) .. " && make --no-print-directory -s "
      .. target .. " PREFIX=" .. q(tree))
    assert.equal(0, code, out .. err)
    local c2, probe, perr = run_in(tree .. "/share/lua/" .. VERSION, tree .. "/lib/lua/" .. VERSION, PROBE)
    assert.equal(0, c2, perr)
    assert.matches("^%d+\t1\n$", probe)
    local f = assert(io.open(tree .. "/bin/datadog-lua"))
    assert.equal("#!/usr/bin/env " .. LUA, f:read("*l"))
    f:close()
    -- installed, the CLI finds the module installed with it, under any PREFIX,
    -- with no LUA_PATH or LUA_CPATH (the interpreter's defaults miss the tree)
    local c3, list, lerr = emu.sh(("cd / && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 "
      .. "-u LUA_CPATH_5_4 %s list"):format(q(tree .. "/bin/datadog-lua")))
    assert.equal(0, c3, lerr)
    assert.matches("\nGetOpsgenieService +GET ", list)
    emu.sh("rm -rf " .. q(tree))
  end)

  if JIT then
    it("make install-openresty puts both halves in OPENRESTY_PREFIX/site/lualib", function()
      local tree = tmpdir()
      local code, out, err = emu.sh("cd " .. q(root) .. " && make --no-print-directory -s "
        .. "install-openresty OPENRESTY_PREFIX=" .. q(tree))
      assert.equal(0, code, out .. err)
      local lib = tree .. "/site/lualib"
      local c2, probe, perr = run_in(lib, lib, PROBE)
      assert.equal(0, c2, perr)
      assert.matches("^%d+\t1\n$", probe)
      emu.sh("rm -rf " .. q(tree))
    end)
  end
end)

-- docs/HAPROXY.md's set-up, as written, as a user without root: its commands run in a
-- copy of the checkout in that user's home, with the user's PATH (no /usr/sbin), an
-- HAProxy of its own under $HOME/dd-haproxy and the emulator the guide starts. The only
-- changes made: the ports (free ones in place of 18080, 8080 and 9443). When the spec
-- runs as root (CI), the user is nobody with a home of its own in a temporary directory.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local ROOT = emu.root
local HAPROXY = emu.sh("command -v haproxy >/dev/null || test -x /usr/sbin/haproxy") == 0

local function read(path)
  local f = assert(io.open(path))
  local s = f:read("a")
  f:close()
  return s
end

local function write(path, s)
  local f = assert(io.open(path, "w"))
  f:write(s)
  f:close()
end

-- The first ``` block of `lang` after the line `after` in docs/HAPROXY.md.
local function block(after, lang)
  local doc = read(ROOT .. "/docs/HAPROXY.md")
  local at = assert(doc:find(after, 1, true), "docs/HAPROXY.md no longer has: " .. after)
  return assert(doc:match("```" .. lang .. "\n(.-)\n```", at),
    "no ```" .. lang .. " block after " .. after)
end

local function replace(s, from, to)
  local i, j = s:find(from, 1, true)
  assert(i, "no longer in docs/HAPROXY.md's set-up: " .. from)
  return s:sub(1, i - 1) .. to .. s:sub(j + 1)
end

describe("docs/HAPROXY.md", function()
  it("examples/haproxy/ holds the two files the guide shows", function()
    assert.equal(read(ROOT .. "/examples/haproxy/haproxy.cfg"), block("## haproxy.cfg", "haproxy") .. "\n")
    assert.equal(read(ROOT .. "/examples/haproxy/haproxy.lua"),
      block("`examples/haproxy/haproxy.lua`, the file", "lua") .. "\n")
  end)
end)

describe("docs/HAPROXY.md, as a user without root", function()
  if not HAPROXY then
    pending("HAProxy is not installed (bash scripts/deps installs Debian's haproxy)")
    return
  end
  local home, as_user, emu_port, app_port, tls_port

  setup(function()
    local _, id = emu.sh("id -u")
    local root = id:match("^0") ~= nil
    local _, dir = emu.sh("mktemp -d")
    home = dir:gsub("%s+$", "") .. "/home"
    local env = "env -i HOME=" .. q(home) .. " PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "
    as_user = function(cmd)
      local run = "cd " .. q(home .. "/lua-datadog") .. " && " .. cmd
      if root then
        return emu.sh("setpriv --reuid=65534 --regid=65534 --clear-groups " .. env
          .. "bash -c " .. q(run))
      end
      return emu.sh(env .. "bash -c " .. q(run))
    end
    -- the user's clone: the checkout's files and its Lua 5.3 build (so that make has
    -- nothing to redo), never a running emulator's state
    assert.equal(0, (emu.sh("cd " .. q(ROOT) .. " && make --no-print-directory -s LUA_VERSION=5.3")))
    local code, out, err = emu.sh("mkdir -p " .. q(home .. "/lua-datadog") .. " && tar -C "
      .. q(ROOT) .. " --exclude=emulator/.run -cf - Makefile src lua bin emulator examples "
      .. "build/lua5.3 build/obj-5.3 | tar -C " .. q(home .. "/lua-datadog") .. " -xf -"
      .. (root and (" && chown -R 65534:65534 " .. q(dir:gsub("%s+$", ""))) or ""))
    assert.equal(0, code, out .. err)
    emu_port, app_port, tls_port = emu.free_port(), emu.free_port(), emu.free_port()
    for _, name in ipairs{ "haproxy.cfg", "haproxy.lua" } do
      local path = home .. "/lua-datadog/examples/haproxy/" .. name
      local text = read(path):gsub("127%.0%.0%.1:9443", "127.0.0.1:" .. tls_port)
      write(path, (text:gsub("bind 127%.0%.0%.1:8080", "bind 127.0.0.1:" .. app_port)))
    end
  end)

  teardown(function()
    if home then
      as_user("test -f $HOME/dd-haproxy/haproxy.pid && kill $(cat $HOME/dd-haproxy/haproxy.pid) "
        .. ">/dev/null 2>&1; bash emulator/run stop --port " .. emu_port .. " >/dev/null 2>&1")
      emu.sh("rm -rf " .. q(home:match("^(.*)/home$")))
    end
  end)

  it("its commands run as written: an HAProxy of the user's own answers a call", function()
    local lines = block("Everything else runs as you", "sh")
    lines = lines:gsub("18080", tostring(emu_port)):gsub("127%.0%.0%.1:8080", "127.0.0.1:" .. app_port)
    lines = replace(lines, "bash emulator/run start", "bash emulator/run start --port " .. emu_port)
    lines = replace(lines, "bash emulator/run stop", "bash emulator/run stop --port " .. emu_port)
    local code, out, err = as_user("set -e\n" .. lines)
    assert.equal(0, code, out .. err)
    assert.matches("\n0 incidents\n", out, 1, true)
    local head = read(home .. "/dd-haproxy/bin/datadog-lua"):match("^[^\n]*")
    assert.equal("#!/usr/bin/env lua5.3", head)
  end)

  it("started without the keys, HAProxy refuses to start, saying why", function()
    local shown = block("Started without the keys", ""):match("Lua runtime error: .*$")
    local code, out, err = as_user("/usr/sbin/haproxy -D -p $HOME/dd-haproxy/haproxy.pid "
      .. "-f $HOME/dd-haproxy/haproxy.cfg")
    assert.is_not.equal(0, code)
    assert.matches(shown, out .. err, 1, true)
  end)
end)

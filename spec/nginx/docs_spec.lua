-- docs/NGINX.md's set-up, as written, as a user without root: its commands run
-- in a copy of the checkout in that user's home, with the user's PATH (no
-- /usr/sbin), an nginx of its own under $HOME/dd-nginx and the emulator the
-- guide starts. The only changes made: the emulator's and nginx's ports (free
-- ones in place of 18080 and 8080). When the spec runs as root (CI), the user
-- is nobody with a home of its own in a temporary directory.
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local ROOT = emu.root

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

-- The first ``` block of `lang` after the line `after` in docs/NGINX.md.
local function block(after, lang)
  local doc = read(ROOT .. "/docs/NGINX.md")
  local at = assert(doc:find(after, 1, true), "docs/NGINX.md no longer has: " .. after)
  return assert(doc:match("```" .. lang .. "\n(.-)\n```", at), "no ```" .. lang .. " block after " .. after)
end

local function replace(s, from, to)
  local i, j = s:find(from, 1, true)
  assert(i, "no longer in docs/NGINX.md's set-up: " .. from)
  return s:sub(1, i - 1) .. to .. s:sub(j + 1)
end

describe("docs/NGINX.md, as a user without root", function()
  local home, as_user, emu_port, ngx_port

  setup(function()
    local _, id = emu.sh("id -u")
    local root = id:match("^0") ~= nil
    local _, dir = emu.sh("mktemp -d")
    home = dir:gsub("%s+$", "") .. "/home"
    -- a login's environment: HOME, a user's PATH, nothing of this process's
    local env = "env -i HOME=" .. q(home) .. " PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "
    as_user = function(cmd)
      local run = "cd " .. q(home .. "/lua-datadog") .. " && " .. cmd
      if root then
        return emu.sh("setpriv --reuid=65534 --regid=65534 --clear-groups " .. env
          .. "bash -c " .. q(run))
      end
      return emu.sh(env .. "bash -c " .. q(run))
    end
    -- the user's clone: the checkout's files and its LuaJIT build (so that
    -- make has nothing to redo), never a running emulator's state
    assert.equal(0, (emu.sh("cd " .. q(ROOT) .. " && make --no-print-directory -s luajit")))
    local code, out, err = emu.sh("mkdir -p " .. q(home .. "/lua-datadog") .. " && tar -C "
      .. q(ROOT) .. " --exclude=emulator/.run -cf - Makefile src lua bin emulator examples "
      .. "build/luajit build/obj-luajit | tar -C " .. q(home .. "/lua-datadog") .. " -xf -"
      .. (root and (" && chown -R 65534:65534 " .. q(dir:gsub("%s+$", ""))) or ""))
    assert.equal(0, code, out .. err)
    emu_port, ngx_port = emu.free_port(), emu.free_port()
    local conf = home .. "/lua-datadog/examples/nginx.conf"
    write(conf, replace(read(conf), "listen 8080;", "listen 127.0.0.1:" .. ngx_port .. ";"))
  end)

  teardown(function()
    if home then
      as_user("/usr/sbin/nginx -p $HOME/dd-nginx -e logs/error.log -c conf/nginx.conf -s stop "
        .. ">/dev/null 2>&1; bash emulator/run stop --port " .. emu_port .. " >/dev/null 2>&1")
      emu.sh("rm -rf " .. q(home:match("^(.*)/home$")))
    end
  end)

  it("examples/nginx.conf is the nginx.conf the guide shows", function()
    assert.equal(read(ROOT .. "/examples/nginx.conf"), block("## nginx.conf", "nginx") .. "\n")
  end)

  it("its commands run as written: an nginx of the user's own answers a call", function()
    local lines = block("Everything else runs as you", "sh")
    lines = lines:gsub("18080", tostring(emu_port)):gsub("127%.0%.0%.1:8080", "127.0.0.1:" .. ngx_port)
    lines = replace(lines, "bash emulator/run start", "bash emulator/run start --port " .. emu_port)
    lines = replace(lines, "bash emulator/run stop", "bash emulator/run stop --port " .. emu_port)
    local code, out, err = as_user("set -e\n" .. lines)
    assert.equal(0, code, out .. err)
    assert.matches("\n0 incidents\n", out, 1, true)
    assert.matches("\nListIncidentIntegrations +GET ", out)
    -- the CLI installed under PREFIX runs the LuaJIT build, found by itself
    local head = read(home .. "/dd-nginx/bin/datadog-lua"):match("^[^\n]*")
    assert.equal("#!/usr/bin/env luajit", head)
  end)

  it("started without the keys, nginx refuses to start, naming the env line", function()
    local shown = block("Started without the keys", "")
    local code, out, err = as_user("/usr/sbin/nginx -p $HOME/dd-nginx -e logs/error.log "
      .. "-c conf/nginx.conf")
    assert.is_not.equal(0, code)
    assert.matches(shown, out .. err, 1, true)
  end)

  it("with the keys but no env line, each worker logs which line is missing", function()
    local conf = home .. "/dd-nginx/conf/nginx.conf"
    write(conf, replace(read(conf), "env DD_API_KEY;\n", ""))
    local code, out, err = as_user("DD_API_KEY=k DD_APP_KEY=a /usr/sbin/nginx -p $HOME/dd-nginx "
      .. "-e logs/error.log -c conf/nginx.conf")
    assert.equal(0, code, out .. err)
    local log
    for _ = 1, 50 do
      log = read(home .. "/dd-nginx/logs/error.log")
      if log:find("init_worker_by_lua", 1, true) then break end
      emu.sh("sleep 0.1")
    end
    as_user("/usr/sbin/nginx -p $HOME/dd-nginx -e logs/error.log -c conf/nginx.conf -s stop")
    assert.matches("datadog.resty.new: no API key: DD_API_KEY is not set for nginx (start "
      .. "nginx with it set, and name it in nginx.conf's main context: 'env DD_API_KEY;'", log, 1, true)
  end)
end)

-- docs/NGINX.md's nginx.conf, as written, in a real nginx against the emulator: installed
-- with the documented `make install-luajit` (into a prefix of the build tree instead of
-- /usr/local), the keys and DD_BASE_URL passed through the documented `env` lines.
-- The only changes made to the file: the install prefix, the pid file, the listen port
-- and the user (so that a spec needs no port 8080 and no /run).
local emu = require "spec.helpers.emulator"

local ROOT = emu.root

local function read(path)
  local f = assert(io.open(path))
  local s = f:read("a")
  f:close()
  return s
end

local function replace(s, from, to)
  local i, j = s:find(from, 1, true)
  assert(i, "docs/NGINX.md's nginx.conf no longer has: " .. from)
  return s:sub(1, i - 1) .. to .. s:sub(j + 1)
end

describe("docs/NGINX.md", function()
  local prefix, port

  setup(function()
    emu.start()
    port = emu.free_port()
    prefix = ROOT .. "/build/nginx-docs/" .. port
    -- Debian's modules-enabled files load modules/*.so relative to nginx's prefix
    assert.equal(0, (emu.sh("rm -rf '" .. prefix .. "' && mkdir -p '" .. prefix .. "/conf' '"
      .. prefix .. "/logs' && ln -s /usr/lib/nginx/modules '" .. prefix .. "/modules'")))
  end)

  teardown(function()
    if prefix then
      emu.sh("nginx -p '" .. prefix .. "' -c conf/nginx.conf -s stop")
    end
  end)

  it("its nginx.conf answers a call as written, after make install-luajit", function()
    local doc = read(ROOT .. "/docs/NGINX.md")
    local conf = assert(doc:match("```nginx\n(.-)```"), "no nginx block in docs/NGINX.md")
    local install = prefix .. "/usr-local"
    local code, out, err = emu.sh("make --no-print-directory -s install-luajit PREFIX='"
      .. install .. "'")
    assert.equal(0, code, out .. err)
    conf = conf:gsub("/usr/local/", install .. "/")
    conf = replace(conf, "pid /run/nginx.pid;", "pid logs/nginx.pid;")
    conf = replace(conf, "listen 8080;", "listen 127.0.0.1:" .. port .. ";")
    conf = replace(conf, "user www-data;", "user root;")
    local f = assert(io.open(prefix .. "/conf/nginx.conf", "w"))
    f:write("error_log logs/error.log;\n", conf)
    f:close()

    emu.reset()
    for i = 1, 2 do
      local status = emu.call("POST", "/api/v2/incidents", { data = { type = "incidents",
        attributes = { title = "docs " .. i, customer_impacted = false } } })
      assert.equal(201, status)
    end
    local info = emu.info()
    code, out, err = emu.sh(("DD_API_KEY=%s DD_APP_KEY=%s DD_BASE_URL=%s nginx -p '%s' "
      .. "-c conf/nginx.conf"):format(info.api_key, info.app_key, info.base_url, prefix))
    assert.equal(0, code, out .. err)
    local socket = require "socket"
    local body
    for _ = 1, 50 do
      local s = socket.tcp()
      s:settimeout(10)
      if s:connect("127.0.0.1", port) then
        s:send("GET /incidents HTTP/1.0\r\nHost: x\r\n\r\n")
        local raw = s:receive("*a")
        s:close()
        body = raw and raw:match("\r\n\r\n(.*)$")
        break
      end
      s:close()
      socket.sleep(0.1)
    end
    assert.equal("2 incidents\n", body, read(prefix .. "/logs/error.log"))
  end)
end)

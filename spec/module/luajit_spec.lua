-- The C core must keep building and working on LuaJIT 2.1 (the Lua 5.1 C
-- API), since nginx runs LuaJIT.
local function run(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  local ok, _, code = p:close()
  return ok, out, code
end

describe("LuaJIT 2.1", function()
  it("builds the same sources with -Werror", function()
    local ok, out = run("make --no-print-directory -s luajit")
    assert.is_true(ok, out)
  end)

  it("loads the module and runs the codec, the operations and a client", function()
    local script = [[
      package.cpath = "./build/luajit/?.so;" .. package.cpath
      package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
      local core = require "datadog.core"
      local v = core.decode('{"a":[1,2.5,null],"b":[]}')
      assert(v.a[1] == 1 and v.a[3] == core.null)
      assert(core.encode(v.b) == "[]")
      assert(#core.operations() == 105)
      local got
      local dd = core.new{ base_url = "http://x", api_key = "k", app_key = "a",
        transport = function(req) got = req; return { status = 200, headers = {}, body = '{"ok":true}' } end }
      local res = dd:get_opsgenie_service("a/b")
      assert(res.ok == true and got.url == "http://x/api/v2/integration/opsgenie/services/a%2Fb")
      print("ok " .. _VERSION)
    ]]
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(script)
    f:close()
    local ok, out = run("luajit " .. path)
    os.remove(path)
    assert.is_true(ok, out)
    assert.matches("^ok Lua 5.1", out)
  end)
end)

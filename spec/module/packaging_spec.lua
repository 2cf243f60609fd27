-- The rockspec must build what the Makefile builds: every C source, every
-- Lua module, and a module that loads.
local function rockspec()
  local path = assert(io.popen("ls rockspec/*.rockspec")):read("l")
  local env = {}
  assert(loadfile(path, "t", env))()
  return env, path
end

local function lines(cmd)
  local out = {}
  local p = assert(io.popen(cmd))
  for l in p:lines() do out[#out + 1] = l end
  p:close()
  table.sort(out)
  return out
end

describe("packaging", function()
  it("lists every C source in the rockspec", function()
    local spec = rockspec()
    local sources = { table.unpack(spec.build.modules["datadog.core"].sources) }
    table.sort(sources)
    assert.same(lines("ls src/*.c"), sources)
  end)

  it("lists every Lua module in the rockspec", function()
    local spec = rockspec()
    local files = {}
    for name, file in pairs(spec.build.modules) do
      if type(file) == "string" then
        files[#files + 1] = file
        local expect = "lua/" .. name:gsub("%.", "/") .. ".lua"
        if name == "datadog" then expect = "lua/datadog/init.lua" end
        assert.equal(expect, file)
      end
    end
    table.sort(files)
    assert.same(lines("ls lua/datadog/*.lua"), files)
  end)

  it("builds and installs offline with luarocks make", function()
    local _, path = rockspec()
    local tree = os.tmpname()
    os.remove(tree)
    -- luarocks make builds in the directory it runs in: its objects and its
    -- datadog/core.so (its own flags: no LTO, no -g) would replace the
    -- Makefile's, which make then takes for up to date. So it builds a copy
    -- of what the rockspec names.
    local src = tree .. ".src"
    local function built() -- the Makefile's module, which must stay as it is
      local p = io.popen("cksum datadog/core.so 2>/dev/null; ls src/*.o 2>/dev/null")
      local out = p:read("a")
      p:close()
      return out
    end
    local before = built()
    assert(os.execute("mkdir -p " .. src .. " && cp -r rockspec src lua bin " .. src))
    local ok = os.execute("cd " .. src .. " && luarocks --lua-version 5.4 make --tree "
      .. tree .. " " .. path .. " > " .. tree .. ".log 2>&1")
    local log = io.open(tree .. ".log"):read("a")
    os.execute("rm -rf " .. src)
    assert.is_true(ok == true or ok == 0, log)
    assert.equal(before, built())
    local cmd = ("cd / && LUA_PATH='%s/share/lua/5.4/?.lua;%s/share/lua/5.4/?/init.lua' "
      .. "LUA_CPATH='%s/lib/lua/5.4/?.so' lua5.4 -e 'local d = require \"datadog\" "
      .. "print(#d.operations())'"):format(tree, tree, tree)
    local p = io.popen(cmd)
    local out = p:read("a")
    p:close()
    os.execute("rm -rf " .. tree .. " " .. tree .. ".log")
    assert.equal("105\n", out)
  end)
end)

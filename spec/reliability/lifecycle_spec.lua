-- Lifecycle: dd:close(), __gc and __close release every libcurl resource
-- (memory and sockets), a closed client raises a clear error, and creating
-- and dropping thousands of clients keeps memory flat. Memory is measured as
-- VmRSS from /proc/self/status with generous bounds (valgrind, in
-- make check-valgrind, is the exact check); descriptors from /proc/self/fd.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local R = require "spec.reliability.support"

local info

local client = require("spec.helpers.client").new

local function full_gc()
  collectgarbage()
  collectgarbage()
end

-- RSS growth (kB) over n rounds of fn, after a warm-up of w rounds.
local function growth(n, w, fn)
  for i = 1, w do fn(i) end
  full_gc()
  local before = R.rss_kb()
  for i = 1, n do fn(i) end
  full_gc()
  return R.rss_kb() - before
end

describe("lifecycle", function()
  info = emu.per_spec()

  describe("memory stays flat", function()
    it("over 2,000 clients created and closed", function()
      local kb = growth(2000, 200, function() client():close() end)
      R.assert_flat(kb, 2048, "2,000 clients created and closed")
    end)

    it("over 2,000 clients dropped and collected (__gc)", function()
      local kb = growth(2000, 200, function(i)
        client()
        if i % 100 == 0 then collectgarbage() end
      end)
      R.assert_flat(kb, 2048, "2,000 clients dropped and collected")
    end)

    it("over 2,000 clients in <close> scopes", function()
      local kb = growth(2000, 200, function()
        local dd <close> = client()
        assert(dd)
      end)
      R.assert_flat(kb, 2048, "2,000 clients in <close> scopes")
    end)

    it("over 300 clients that each made a call, then were closed or dropped", function()
      local kb = growth(300, 50, function(i)
        local dd = client()
        assert.is_table(dd:list_opsgenie_services())
        if i % 2 == 0 then dd:close() end
        if i % 50 == 0 then collectgarbage() end
      end)
      R.assert_flat(kb, 2048, "300 clients with a call")
    end)

    it("over 2,000 calls on one client", function()
      local dd = client()
      local kb = growth(2000, 100, function() assert.is_table(dd:list_opsgenie_services()) end)
      R.assert_flat(kb, 2048, "2,000 calls on one client")
      dd:close()
    end)
  end)

  describe("sockets", function()
    it("close releases the connection each client kept alive", function()
      full_gc()
      local fds0 = R.fd_count()
      local list = {}
      for i = 1, 20 do
        list[i] = client()
        assert.is_table(list[i]:list_opsgenie_services())
      end
      assert.is_true(R.fd_count() >= fds0 + 20, "20 clients should hold 20 connections")
      for _, dd in ipairs(list) do dd:close() end
      assert.equal(fds0, R.fd_count())
    end)

    it("__gc releases them too", function()
      full_gc()
      local fds0 = R.fd_count()
      do
        for _ = 1, 20 do assert.is_table(client():list_opsgenie_services()) end
      end
      full_gc()
      assert.equal(fds0, R.fd_count())
    end)

    it("__close releases them at the end of the scope", function()
      full_gc()
      local fds0 = R.fd_count()
      do
        local dd <close> = client()
        assert.is_table(dd:list_opsgenie_services())
        assert.is_true(R.fd_count() > fds0, "the client holds its connection")
      end
      assert.equal(fds0, R.fd_count())
    end)

    -- A batch's handles used to stay attached to the client's share until
    -- the collector found the batch, so a close before that could not free
    -- the share: its connections stayed open for the life of the process.
    -- No collection runs between the batches and the counts here.
    local function gets(n)
      local calls = {}
      for i = 1, n do calls[i] = { "ListOpsgenieServices", {} } end
      return calls
    end

    -- Sockets fn leaves open, counted with the collector stopped.
    local function left_by(fn)
      full_gc()
      collectgarbage("stop")
      local fds0 = R.fd_count()
      local ok, e = pcall(fn, fds0)
      local left = R.fd_count() - fds0
      collectgarbage("restart")
      assert(ok, e)
      return left
    end

    it("close after a batch releases every connection of the batch's pool", function()
      assert.equal(0, left_by(function(fds0)
        local list = {}
        for i = 1, 10 do
          list[i] = client()
          assert.equal(6, #list[i]:batch(gets(6), { concurrency = 3 }))
        end
        assert.is_true(R.fd_count() >= fds0 + 10, "the batches' pools hold connections")
        for _, dd in ipairs(list) do dd:close() end
      end))
    end)

    it("and so do <close>, single calls mixed in, and batches that failed", function()
      assert.equal(0, left_by(function()
        for i = 1, 10 do
          local dd <close> = client({ retry = false })
          assert.is_table(dd:list_opsgenie_services())
          dd:batch(gets(4), { concurrency = 2 })
          if i % 2 == 0 then -- a batch with a failed call beside good ones
            local calls = gets(3)
            calls[2] = { "GetIncident", { incident_id = "no-such" } }
            local r = dd:batch(calls)
            assert.is_nil(r[2][1])
          end
        end
      end))
    end)

    it("and a client that was never closed releases them at __gc", function()
      full_gc()
      local fds0 = R.fd_count()
      for _ = 1, 10 do client():batch(gets(3)) end
      full_gc()
      assert.equal(fds0, R.fd_count())
    end)
  end)

  describe("a closed client", function()
    local ERR = "datadog: client is closed"

    it("raises a clear error on every use, and close stays idempotent", function()
      local dd = client()
      dd:close()
      dd:close()
      assert.equal("datadog.client (closed)", tostring(dd))
      assert.has_error(function() dd:list_opsgenie_services() end, ERR)
      assert.has_error(function() dd:get_incident("x") end, ERR)
      assert.has_error(function() dd:call("ListIncidents") end, ERR)
      assert.has_error(function() dd:prepare("ListIncidents") end, ERR)
      assert.has_error(function() dd:finish("ListIncidents", 200, {}, "{}") end, ERR)
      if dd.batch then
        assert.has_error(function() dd:batch({ { "ListIncidents" } }) end, ERR)
      end
      assert.equal(0, #emu.requests())
    end)

    it("after <close>, and after an error inside the scope", function()
      local kept
      local ok = pcall(function()
        local dd <close> = client()
        kept = dd
        error("boom")
      end)
      assert.is_false(ok)
      assert.equal("datadog.client (closed)", tostring(kept))
      assert.has_error(function() kept:list_opsgenie_services() end, ERR)
    end)

    it("is collected without trouble after close (close then __gc)", function()
      for _ = 1, 100 do client():close() end
      full_gc()
    end)
  end)

  describe("closing a client from inside its own call", function()
    -- In a child process: unguarded, this frees the call in flight (a crash).
    local CODE = [[
      local datadog = require "datadog"
      local dd
      local where = os.getenv("T_WHERE")
      local closed
      local function try_close()
        if where == "scope" then
          closed = { pcall(function() local scoped <close> = dd end) }
        else
          closed = { pcall(dd.close, dd) }
        end
      end
      dd = datadog.new{ base_url = os.getenv("T_URL"), retry = { max = 2, base = 0.001 },
        debug = where == "debug" and try_close or nil,
        transport = where ~= "debug" and function() try_close(); return nil, "x" end or nil }
      local res, err = dd:list_opsgenie_services()
      print(closed[1], closed[2])
      print(res, err and err.kind)
      dd:close()
      print(tostring(dd))
    ]]
    for _, where in ipairs({ "debug", "transport", "scope" }) do
      local what = where == "scope" and "a <close> variable in its transport" or ("its " .. where .. " function")
      it("from " .. what .. ": refused with a clear error, no crash", function()
        local url = where == "debug" and "http://127.0.0.1:9" or info.base_url
        local code, out, err = R.lua(CODE, { T_WHERE = where, T_URL = url,
          DD_API_KEY = info.api_key, DD_APP_KEY = info.app_key })
        assert.equal(0, code, "the child died:\n" .. err .. out)
        local lines = {}
        for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
        assert.matches("^false\t.*datadog: cannot close a client from inside one of its own calls", lines[1])
        assert.matches("^nil\t", lines[2])
        assert.equal("datadog.client (closed)", lines[3])
      end)
    end
  end)

  describe("re-entering a client from inside its own call", function()
    local function reentrant(action)
      local n, seen = 0, {}
      local dd
      dd = datadog.new{ base_url = "http://transport.invalid", api_key = info.api_key,
        app_key = info.app_key, unstable = true, retry = { max = 1, base = 0.001 },
        transport = function(req)
          n = n + 1
          seen[n] = req.method .. " " .. req.url
          if n == 1 then seen.err = select(2, pcall(action, dd)) end
          return { status = 503, headers = {}, body = "" }
        end }
      local res, err = dd:get_incident("MINE")
      return res, err, seen
    end

    for name, action in pairs({
      call = function(dd) return dd:delete_incident("OTHER") end,
      prepare = function(dd) return dd:prepare("DeleteIncident", { incident_id = "OTHER" }) end,
      finish = function(dd) return dd:finish("DeleteIncident", 204, {}, "") end,
    }) do
      it(name .. " is refused, and the retry sends the same request", function()
        local res, err, seen = reentrant(action)
        assert.is_nil(res)
        assert.equal("GetIncident", err.operation)
        assert.matches("the client is already in a call", seen.err, 1, true)
        assert.equal(2, #seen)
        assert.equal(seen[1], seen[2])
        assert.matches("/api/v2/incidents/MINE$", seen[2])
      end)
    end
  end)
end)

-- spec.helpers.hostile: one table of hostile server behaviours, and the server that
-- plays them, for every host the client runs on (libcurl, datadog.resty in nginx, and
-- whichever comes next: a runner is one function over the same table).
--
--   local hostile = require "spec.helpers.hostile"
--   local srv = hostile.start()            -- an nginx answering /raw/<case> byte for byte
--   local url = srv:url(case)              -- the base_url a client of that case uses
--   for _, case in ipairs(hostile.cases) do ... end
--
-- A case is
--   name     the path segment under /raw/
--   server   what the server does for each request read on a connection: a string of
--            bytes written as they are, or Lua source run in nginx (see "What server code can use")
--   call     what the client does: `opts` (client options: timeout, deadline, max_body,
--            retry...), then either `steps` (calls one after another on one client, each
--            { op, params, opts }) or `batch` ({ calls, opts }); no steps: GetOpsgenieService
--   want     { ok = true } or { kind = "network" | "timeout" | "too_large" | ... }; a list
--            of those when each step (or batch item) wants its own
--   bound    seconds the call (each step) may take at most
--   least    optional: seconds each step must take at least (it waited), a list
--   why      what the case checks, in one line
-- and optionally `listen = "full_backlog"` (the client connects to a socket that never
-- accepts instead of the server), `measure = true` (the spec prints the memory growth of
-- the process that ran the client).
local socket = require "socket"
local nginx = require "spec.helpers.nginx"
local emu = require "spec.helpers.emulator"

local _M = {}

-- The body every successful answer carries: a GetOpsgenieService's.
local BODY = '{"data":{"id":"x1","type":"opsgenie-service"}}'
_M.BODY = BODY

local function ok_head(extra, body)
  body = body or BODY
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" .. (extra or "")
    .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
end

local function chunked(body, pieces)
  local out, at = {}, 1
  for _, n in ipairs(pieces) do
    out[#out + 1] = ("%x;ext=\"a b\"\r\n%s\r\n"):format(n, body:sub(at, at + n - 1))
    at = at + n
  end
  return table.concat(out)
end

-- A POST of CreateOpsgenieService (a write: sent at most once).
local CREATE = { "CreateOpsgenieService", { body = { data = { type = "opsgenie-service",
  attributes = { name = "h", opsgenie_api_key = "og-key-0001", region = "us" } } } } }
local GET = { "GetOpsgenieService", { integration_service_id = "x1" } }
local DELETE = { "DeleteOpsgenieService", { integration_service_id = "x1" } }

-- What server code can use, in nginx, for each request read on the connection:
--   io.n         the request's number for this case on this connection (1, 2, ...)
--   io.method    its method; io.body its body
--   io.send(s)   writes s; false once the client is gone
--   io.drip(s, every)  writes s a byte at a time, every seconds apart
--   io.sleep(s)
--   BODY, OK (a whole 200 answer with BODY and a Content-Length)
-- It returns "keep" to read and answer the next request on the same connection; the
-- connection is closed otherwise. A string answers once and closes.

_M.cases = {
  -- framings a server may rightly use: every host reads the body whole
  { name = "chunked_ext_trailers", want = { ok = true }, bound = 5,
    why = "chunked with extensions and a trailer",
    server = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      .. "Transfer-Encoding: chunked\r\n\r\n" .. chunked(BODY, { 5, 20, #BODY - 25 })
      .. "0\r\nX-Trailer: t\r\n\r\n" },
  { name = "close_delimited", want = { ok = true }, bound = 5,
    why = "no length: the body runs to the close",
    server = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
      .. BODY },
  { name = "http10", want = { ok = true }, bound = 5, why = "an HTTP/1.0 answer",
    server = "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" .. BODY },
  { name = "continue_one", want = { ok = true }, bound = 5, why = "one 100 Continue first",
    server = "HTTP/1.1 100 Continue\r\n\r\n" .. ok_head() },
  { name = "bytes_after_204", bound = 5, want = { ok = true },
    why = "bytes past a 204: the answer stands, the connection is not used again",
    call = { steps = { DELETE, DELETE } },
    -- a request on the same connection after those bytes gets an answer that is not HTTP
    server = [[ if io.n > 1 then io.send("not HTTP either\r\n\r\n") return end
      io.send("HTTP/1.1 204 No Content\r\n\r\nnot http\r\n\r\n") return "keep" ]] },
  { name = "http10_then_post", bound = 5, want = { ok = true },
    why = "an HTTP/1.0 connection is never kept: the POST after it gets a fresh one",
    call = { steps = { CREATE, CREATE } },
    -- a 1.0 server that does not close at once: a client that kept the connection
    -- writes its POST into one that nobody reads, and then sees it closed
    server = [[ io.send("HTTP/1.0 201 Created\r\nContent-Type: application/json\r\n"
      .. "Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY) io.sleep(1) ]] },

  -- time: every host holds the timeout and the deadline against a slow server
  { name = "drip_timeout", call = { opts = { timeout = 2 } }, want = { kind = "timeout" },
    bound = 6, why = "a byte every 0.1 s: the 2 s timeout holds",
    server = [[ io.drip(OK, 0.1) ]] },
  { name = "drip_deadline", call = { opts = { timeout = 30, deadline = 2 } },
    want = { kind = "timeout" }, bound = 6, why = "a byte every 0.1 s: the 2 s deadline holds",
    server = [[ io.drip(OK, 0.1) ]] },
  { name = "continue_flood", want = { kind = "network" }, bound = 5,
    why = "more 100 Continue than DD_H1_MAX_INTERIM (10): network",
    server = string.rep("HTTP/1.1 100 Continue\r\n\r\n", 11) .. ok_head() },
  { name = "continue_slow", call = { opts = { timeout = 30, deadline = 2 } },
    want = { kind = "timeout" }, bound = 6,
    why = "a 100 Continue every 0.5 s, without end: the deadline holds",
    server = [[ for _ = 1, 40 do if not io.send("HTTP/1.1 100 Continue\r\n\r\n") then return end
      io.sleep(0.5) end ]] },
  { name = "connect_deadline", listen = "full_backlog",
    call = { opts = { connect_timeout = 30, timeout = 30, deadline = 2 } },
    want = { kind = "timeout" }, bound = 6,
    why = "a connect that never completes is bounded by the deadline" },
  { name = "post_timeout_reused", call = { opts = { timeout = 1 }, steps = { CREATE, CREATE } },
    want = { { ok = true }, { kind = "timeout" } }, bound = 5,
    why = "a POST with no answer on a reused connection: timeout, sent once",
    server = [[ if io.n == 1 then
        io.send("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
          .. #BODY .. "\r\n\r\n" .. BODY)
        return "keep"
      end
      io.sleep(4) ]] },
  { name = "window_deadline", bound = 6,
    call = { opts = { deadline = 1, retry = { max = 3, max_wait = 60 } }, steps = { GET, GET } },
    want = { { ok = true }, { kind = "timeout" } },
    why = "a spent rate-limit window resetting in 30 s: the next call ends at its deadline",
    server = [[ io.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      .. "X-RateLimit-Limit: 5\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 30\r\n"
      .. "X-RateLimit-Period: 30\r\nX-RateLimit-Name: hostile\r\n"
      .. "Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY) return "keep" ]] },
  { name = "window_max_wait", bound = 6,
    call = { opts = { retry = { max = 3, max_wait = 0.5 } }, steps = { GET, GET } },
    want = { ok = true }, least = { 0, 0.4 },
    why = "a spent rate-limit window resetting in 30 s: the wait is cut to retry.max_wait",
    server = [[ io.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      .. "X-RateLimit-Limit: 5\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 30\r\n"
      .. "X-RateLimit-Period: 30\r\nX-RateLimit-Name: hostile2\r\n"
      .. "Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY) return "keep" ]] },
  { name = "batch_deadline", bound = 6,
    call = { opts = { timeout = 30 }, batch = { { GET, GET, GET }, { deadline = 1 } } },
    want = { kind = "timeout" }, why = "dd:batch: every call ends at the batch's deadline",
    server = [[ io.drip(OK, 0.2) ]] },
  { name = "batch_max_body", bound = 5,
    call = { batch = { { GET, GET, GET }, { concurrency = 1, max_batch_body = 2 * #BODY + 10 } } },
    want = { { ok = true }, { ok = true }, { kind = "too_large" } },
    why = "dd:batch: max_batch_body holds over the answers together",
    server = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " .. #BODY
      .. "\r\n\r\n" .. BODY },

  -- sizes: every host refuses what would grow without bound
  { name = "length_past_max_body", call = { opts = { max_body = 1000 } },
    want = { kind = "too_large" }, bound = 5, why = "a Content-Length past max_body",
    server = "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n" .. BODY },
  { name = "chunks_past_max_body", call = { opts = { max_body = 1000 } },
    want = { kind = "too_large" }, bound = 5, why = "chunks past max_body",
    server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      .. "fffff\r\n" .. string.rep("a", 2000) },
  { name = "head_over_64k", want = { kind = "too_large" }, bound = 5,
    why = "a head over DD_H1_MAX_HEAD (64 KiB) in 20 lines",
    server = "HTTP/1.1 200 OK\r\n" .. string.rep("X-Big: " .. string.rep("b", 4000) .. "\r\n", 20)
      .. "Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY },
  { name = "head_24mb", want = { kind = "too_large" }, bound = 10, measure = true,
    why = "24 MB of header lines: refused at 64 KiB, the memory stays flat",
    server = [[ io.send("HTTP/1.1 200 OK\r\n")
      local line = "X-Pad: " .. string.rep("p", 1000) .. "\r\n"
      local block = string.rep(line, 64)
      for _ = 1, 24 * 1024 * 1024 / #block do if not io.send(block) then return end end
      io.send("Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY) ]] },
  { name = "headers_over_100", want = { kind = "too_large" }, bound = 5,
    why = "more header lines than DD_H1_MAX_HEADERS (100)",
    server = "HTTP/1.1 200 OK\r\n" .. string.rep("X-Many: m\r\n", 150)
      .. "Content-Length: " .. #BODY .. "\r\n\r\n" .. BODY },
  { name = "chunk_ext_2k", want = { ok = true }, bound = 5,
    why = "a chunk extension of 2 KiB: skipped, never held",
    server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      .. ("%x"):format(#BODY) .. ";x=" .. string.rep("e", 2048) .. "\r\n" .. BODY .. "\r\n0\r\n\r\n" },
  { name = "chunk_line_2k", want = { kind = "network" }, bound = 5,
    why = "a chunk-size line of 2 KiB of hex digits: not a chunk size (network)",
    server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      .. string.rep("0", 2048) .. ("%x"):format(#BODY) .. "\r\n" .. BODY .. "\r\n0\r\n\r\n" },

  -- framing that cannot be trusted: network, never a success, never a raise
  { name = "cut_chunked", want = { kind = "network" }, bound = 5,
    why = "the connection closed inside a chunk",
    server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" .. BODY:sub(1, 10) },
  { name = "cut_length", want = { kind = "network" }, bound = 5,
    why = "the connection closed short of the Content-Length",
    server = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" .. BODY:sub(1, 20) },
  { name = "not_http", want = { kind = "network" }, bound = 5, why = "an answer that is not HTTP",
    server = "SSH-2.0-OpenSSH\r\n\r\n" },
  { name = "status_2000", want = { kind = "network" }, bound = 5,
    why = "HTTP/1.1 2000 OK is not a 200",
    server = "HTTP/1.1 2000 OK\r\nContent-Length: " .. #BODY .. "\r\n\r\n" .. BODY },
  { name = "status_0200", want = { kind = "network" }, bound = 5,
    why = "HTTP/1.1 0200 OK is not a 200",
    server = "HTTP/1.1 0200 OK\r\nContent-Length: " .. #BODY .. "\r\n\r\n" .. BODY },
  { name = "chunk_not_hex", want = { kind = "network" }, bound = 5,
    why = "a chunk size that is not hexadecimal",
    server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" .. BODY .. "\r\n0\r\n\r\n" },
}

-- ---------------------------------------------------------------- the server

-- Lua source of a value made of strings, numbers, booleans and tables (for nginx).
local function literal(v)
  local t = type(v)
  if t == "string" then
    return (("%q"):format(v):gsub("\r", "\\r"):gsub("\\\n", "\\n"))
  elseif t == "number" or t == "boolean" or t == "nil" then
    return tostring(v)
  end
  assert(t == "table", "cannot write a " .. t)
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = "[" .. literal(k) .. "] = " .. literal(v[k])
  end
  return "{" .. table.concat(out, ", ") .. "}"
end
_M.literal = literal

-- The handler: for each request on the connection, the case's answer.
local SERVE = [=[
local BODY = %s
local OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " .. #BODY
  .. "\r\n\r\n" .. BODY
local CASES = {}
%s
local M = {}

-- The case a request path names.
local function case_of(path)
  return CASES[path:match("^/raw/([^/?]+)") or ""]
end

-- The next request's head on a kept connection: its method, its case (a client may
-- reuse a connection for another case's URL: one host and port) and body length.
local function next_request(sock)
  local head = sock:receiveuntil("\r\n\r\n")()
  if not head then return nil end
  return head:match("^(%%u+) "), case_of(head:match("^%%u+ (%%S+)") or ""),
    tonumber(head:match("\n[Cc]ontent%%-[Ll]ength:%%s*(%%d+)")) or 0
end

function M.serve()
  local case = case_of(ngx.var.uri)
  local method, len = ngx.req.get_method(), tonumber(ngx.var.http_content_length) or 0
  local sock = assert(ngx.req.socket(true))
  sock:settimeouts(5000, 30000, 10000)
  local io = { sleep = ngx.sleep }
  function io.send(s)
    return sock:send(s) ~= nil
  end
  function io.drip(s, every)
    for i = 1, #s do
      if not io.send(s:sub(i, i)) then return false end
      ngx.sleep(every)
    end
    return true
  end
  local n = 0
  local prev
  while method and case do
    n = case == prev and n + 1 or 1
    prev = case
    io.n, io.method, io.body = n, method, len > 0 and sock:receive(len) or ""
    local again
    if type(case) == "string" then io.send(case) else again = case(io) end
    if again ~= "keep" then break end
    method, case, len = next_request(sock)
  end
  if method and not case then
    io.send("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
  end
end

return M
]=]

local function server_source()
  local defs = {}
  for _, c in ipairs(_M.cases) do
    if type(c.server) == "string" and c.server:find("io%.") then
      defs[#defs + 1] = ("CASES[%q] = function(io)\n%s\nend"):format(c.name, c.server)
    elseif c.server then
      defs[#defs + 1] = ("CASES[%q] = %s"):format(c.name, literal(c.server))
    end
  end
  return SERVE:format(literal(BODY), table.concat(defs, "\n"))
end

local server = {}
server.__index = server

--- Starts the hostile server: an nginx whose /raw/<case> plays the table.
function _M.start()
  local dir = emu.root .. "/build/hostile/" .. socket.gettime() .. "-" .. math.random(1e6)
  assert(emu.sh("mkdir -p '" .. dir .. "'") == 0)
  local f = assert(io.open(dir .. "/hostile_server.lua", "w"))
  f:write(server_source())
  f:close()
  local srv = nginx.start{
    init = ("package.path = %q .. package.path"):format(dir .. "/?.lua;"),
    server = [[ location /raw/ { content_by_lua_block { require("hostile_server").serve() } } ]],
  }
  return setmetatable({ nginx = srv, port = srv.port, dir = dir }, server)
end

-- A listening socket that never accepts, its queue full: a connect to it never completes
-- (the kernel drops the SYN). Kept open for the life of the process.
local full_backlog
local function full_backlog_port()
  if full_backlog then return full_backlog.port end
  local s = assert(socket.tcp())
  assert(s:bind("127.0.0.1", 0))
  assert(s:listen(0))
  local _, port = s:getsockname()
  local fillers = {}
  for i = 1, 4 do -- what the queue holds, and some
    local c = socket.tcp()
    c:settimeout(0.2)
    c:connect("127.0.0.1", port)
    fillers[i] = c
  end
  full_backlog = { sock = s, fillers = fillers, port = tonumber(port) }
  return full_backlog.port
end

--- The base_url of a case's client.
function server:url(case)
  if case.listen == "full_backlog" then
    return "http://127.0.0.1:" .. full_backlog_port() .. "/raw/" .. case.name
  end
  return "http://127.0.0.1:" .. self.port .. "/raw/" .. case.name
end

function server:stop()
  self.nginx:stop()
end

-- ---------------------------------------------------------------- what a case asks

--- A case's calls, as a list of steps { op, params, opts }, or nil for a batch.
function _M.steps(case)
  local call = case.call or {}
  if call.batch then return nil end
  return call.steps or { GET }
end

--- What a case wants of step (or batch item) i.
function _M.want(case, i)
  return case.want[1] and case.want[i] or case.want
end

-- ---------------------------------------------------------------- runners

-- What every runner does with its host's client, as Lua source so that it runs the same
-- in the spec's process and inside a host (nginx): the case's calls, and for each a plain
-- outcome { ok, kind, status, id, message, took }. `now` is the host's clock.
_M.DRIVE = [==[
local client, CASE, now = ...
local function outcome(res, b, t0)
  local o = { took = now() - t0 }
  if res ~= nil then
    o.ok = true
    o.status = b and b.status
    o.id = type(res) == "table" and type(res.data) == "table" and res.data.id or nil
  else
    o.ok = false
    o.kind, o.status, o.message = b.kind, b.status, b.message
  end
  return o
end
local out = {}
if CASE.batch then
  local calls = CASE.batch[1]
  local t0 = now()
  local r = client:batch(calls, CASE.batch[2])
  for i = 1, #calls do out[i] = outcome(r[i][1], r[i][2], t0) end
else
  for i, s in ipairs(CASE.steps) do
    local t0 = now()
    local res, b = client:call(s[1], s[2], s[3])
    out[i] = outcome(res, b, t0)
  end
end
return out
]==]

--- What a runner needs of a case: the client's options (base_url and keys included) and
--- the calls, as plain data (it may have to travel into a host as Lua source).
function _M.plan(case, url)
  local call = case.call or {}
  local opts = { base_url = url, api_key = "hostile-api-key-0001",
    app_key = "hostile-app-key-0002", unstable = true, retry = false }
  for k, v in pairs(call.opts or {}) do opts[k] = v end
  return { opts = opts, steps = _M.steps(case), batch = call.batch }
end

-- VmRSS of a process, in kB.
function _M.rss(pid)
  local f = io.open("/proc/" .. (pid or "self") .. "/status")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return tonumber(s:match("VmRSS:%s*(%d+)"))
end

--- The runners: name -> { start = function() ... end, run = function(self, case, url)
--- returning the outcomes, pid = function(self) the process the client runs in, stop }.
--- Adding a host is adding one here.
_M.runners = {}

-- libcurl: datadog.new in this process.
_M.runners[1] = { name = "libcurl",
  start = function(self)
    self.datadog = require "datadog"
    self.drive = assert(load(_M.DRIVE, "=drive"))
    return self
  end,
  run = function(self, case, url)
    local plan = _M.plan(case, url)
    local dd = self.datadog.new(plan.opts)
    local out = self.drive(dd, plan, socket.gettime)
    dd:close()
    return out
  end,
  pid = function() return "self" end,
  stop = function() end,
}

-- datadog.resty in a second nginx: the windows in its lua_shared_dict, as docs/NGINX.md
-- sets it up.
_M.runners[2] = { name = "resty",
  start = function(self)
    self.srv = nginx.start{}
    return self
  end,
  run = function(self, case, url)
    local plan = _M.plan(case, url)
    plan.opts.shared_dict = "datadog"
    local out = self.srv:run(("local plan = %s\nlocal drive = assert(loadstring(%s, '=drive'))\n"
      .. "local c = resty.new(plan.opts)\n"
      .. "local out = drive(c, plan, function() ngx.update_time() return ngx.now() end)\n"
      .. "c:close()\nreturn out"):format(literal(plan), literal(_M.DRIVE)), nil, 120)
    assert(out and not out.raised, out and out.raised or "no answer from nginx")
    return out.values[1]
  end,
  pid = function(self) return self.srv:worker_pid() end,
  stop = function(self) self.srv:stop() end,
}

-- datadog.cqueues in this process, each case's calls in a coroutine of a cqueues
-- controller; the windows in the client's own table, as libcurl's.
_M.runners[3] = { name = "cqueues",
  start = function(self)
    self.cqueues = require "cqueues"
    self.client = require "datadog.cqueues"
    self.drive = assert(load(_M.DRIVE, "=drive"))
    return self
  end,
  run = function(self, case, url)
    local plan = _M.plan(case, url)
    local c = self.client.new(plan.opts)
    local cq, out = self.cqueues.new(), nil
    cq:wrap(function() out = self.drive(c, plan, socket.gettime) end)
    local ok, err = cq:loop()
    c:close()
    assert(ok, err)
    return out
  end,
  pid = function() return "self" end,
  stop = function() end,
}

-- datadog.haproxy in a real HAProxy 2.6 (Lua 5.3), each case's calls in a Lua service;
-- the windows in the client's own table. HAProxy keeps no connection (its sockets cannot
-- move between threads), so the cases about kept connections test that nothing stale is
-- reused either way.
_M.runners[4] = { name = "haproxy",
  -- What HAProxy 2.6's Lua sockets cannot do, so the client cannot either (docs/HAPROXY.md):
  differs = {
    post_timeout_reused = "HAProxy keeps no connection (a socket cannot move between its "
      .. "threads), so the second POST goes out on a fresh one and is answered",
    head_over_64k = "Socket:receive reads a head line by line and cannot return a line longer "
      .. "than HAProxy's buffer (tune.bufsize): the call ends at its timeout, not at 64 KiB",
    head_24mb = "the same: a header line longer than HAProxy's buffer ends the call at its "
      .. "timeout",
  },
  start = function(self)
    self.srv = require("spec.helpers.haproxy").start{ nbthread = 1 }
    return self
  end,
  run = function(self, case, url)
    local plan = _M.plan(case, url)
    local out = self.srv:run(("local plan = %s\nlocal drive = assert(load(%s, '=drive'))\n"
      .. "local c = haproxy.new(plan.opts)\n"
      .. "local out = drive(c, plan, function() local t = core.now() "
      .. "return t.sec + t.usec / 1e6 end)\n"
      .. "c:close()\nreturn out"):format(literal(plan), literal(_M.DRIVE)), 120)
    assert(out and not out.raised, out and out.raised or "no answer from HAProxy")
    return out.values[1]
  end,
  pid = function(self) return self.srv.pid end,
  stop = function(self) if self.srv then self.srv:stop() end end,
}

return _M

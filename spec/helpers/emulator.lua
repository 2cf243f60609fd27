-- spec.helpers.emulator: start the Datadog API emulator once per busted process and talk to it.
--
--   local emu = require "spec.helpers.emulator"
--   local info = emu.start()       -- { base_url, tls_url, ca_file, api_key, app_key, port,
--                                  --   tls_port, prefix }; idempotent, stops at process exit
--   local info = emu.per_spec()    -- inside a describe block: start in setup, reset before
--                                  -- each spec, check the emulator's own errors after each
--   emu.reset(opts)                -- POST /_emulator/reset
--   emu.fault(spec)                -- POST /_emulator/faults, returns the fault id
--   emu.requests()                 -- the request log (decoded)
--   emu.clear_requests()
--   emu.request(method, path, { headers =, body =, tls =, gzip =, cafile = })
--                                  -- -> status, headers (lower-case keys), body, extra
--   emu.call(method, path, body)   -- -> status, decoded body (or nil), headers
--   emu.json(text)                 -- decode (raises on invalid JSON)
--
-- Runs under Lua 5.4 with Debian's lua-socket, lua-sec and lua-dkjson. dkjson keeps integers
-- as Lua integers and marks decoded arrays/objects (metatable field __jsontype), so tests can
-- check both integer-ness and `[]` versus `{}`.

local socket = require "socket"
local dkjson = require "dkjson"

local _M = {}

_M.API_KEY = "lua-datadog-test-api-key-0123456789"
_M.APP_KEY = "lua-datadog-test-app-key-9876543210"
_M.null = dkjson.null

-- ---------------------------------------------------------------------------------------------
-- Locations and shell helpers
-- ---------------------------------------------------------------------------------------------

local function repo_root()
    local src = debug.getinfo(1, "S").source:gsub("^@", "")
    local dir = src:match("^(.*)/spec/helpers/[^/]+$") or "."
    if dir:sub(1, 1) ~= "/" then
        local pwd = os.getenv("PWD")
        if not pwd then
            local p = io.popen("pwd")
            pwd = p:read("*l")
            p:close()
        end
        dir = pwd .. "/" .. dir
    end
    return (dir:gsub("/%./", "/"):gsub("/%.$", ""))
end

_M.root = repo_root()
-- The command of the interpreter running the specs (scripts/test runs some
-- under each Lua), for the subprocesses that must run on the same one.
_M.lua = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
_M.run_script = _M.root .. "/emulator/run"

local function q(s)
    return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end
_M.shell_quote = q

local function read_file(path)
    local f = io.open(path, "rb")
    if not f then
        return nil
    end
    local s = f:read("*a")
    f:close()
    return s
end

local function write_file(path, data)
    local f = assert(io.open(path, "wb"))
    f:write(data)
    f:close()
end

--- Run a shell command; returns exit code, stdout, stderr.
-- The shell prints the exit code after the output: Lua 5.1's close() of a
-- pipe does not return it, and the specs run under every Lua.
function _M.sh(cmd)
    local errf = os.tmpname()
    local p = io.popen("{ " .. cmd .. "\n} 2>" .. q(errf) .. "; printf '\\n%d' $?", "r")
    local out = p:read("*a")
    p:close()
    local err = read_file(errf) or ""
    os.remove(errf)
    local text, code = out:match("^(.*)\n(%d+)$")
    return tonumber(code), text, err
end

--- Run emulator/run with a list of arguments and optional environment overrides.
function _M.run(args, env)
    local parts = {}
    for k, v in pairs(env or {}) do
        parts[#parts + 1] = k .. "=" .. q(v)
    end
    parts[#parts + 1] = q(_M.run_script)
    for _, a in ipairs(args) do
        parts[#parts + 1] = q(a)
    end
    return _M.sh(table.concat(parts, " "))
end

--- A port that was free a moment ago (the kernel picks it).
function _M.free_port()
    local s = assert(socket.bind("127.0.0.1", 0))
    local _, port = s:getsockname()
    s:close()
    return tonumber(port)
end

--- Run a shell command, detached, once process `pid` has exited: a
--- watchdog for what a spec process starts (an nginx), so that it stops even
--- when the spec process dies without stopping it. Exited means gone from
--- /proc or a zombie, reaped or not: `kill -0` succeeds on a zombie, which a
--- PID 1 that does not reap orphans keeps for ever.
function _M.when_gone(pid, cmd)
    local loop = "while s=$(cat /proc/" .. tostring(pid) .. "/stat 2>/dev/null)"
        .. " && s=${s##*) } && [ \"${s%% *}\" != Z ]; do sleep 0.5; done; " .. cmd
    _M.sh("nohup bash -c " .. q(loop) .. " >/dev/null 2>&1 </dev/null &")
end

local function my_pid()
    -- The shell io.popen starts is our child, so its parent id is ours.
    local p = io.popen("echo $PPID")
    local pid = p:read("*l")
    p:close()
    return pid
end

--- Gzip / gunzip through the gzip command (Lua 5.4 has no zlib of its own).
function _M.gzip(data)
    local tmp = os.tmpname()
    write_file(tmp, data)
    local p = io.popen("gzip -c < " .. q(tmp), "r")
    local out = p:read("*a")
    p:close()
    os.remove(tmp)
    return out
end

function _M.gunzip(data)
    local tmp = os.tmpname()
    write_file(tmp, data)
    local code, out = _M.sh("gzip -dc < " .. q(tmp))
    os.remove(tmp)
    if code ~= 0 then
        return nil, "gunzip failed"
    end
    return out
end

-- ---------------------------------------------------------------------------------------------
-- JSON
-- ---------------------------------------------------------------------------------------------

function _M.try_json(text)
    local v, _, err = dkjson.decode(text, 1, dkjson.null)
    if err then
        return nil, err
    end
    return v
end

function _M.json(text)
    local v, err = _M.try_json(text)
    if err then
        error("invalid JSON (" .. err .. "): " .. tostring(text):sub(1, 200), 2)
    end
    return v
end

function _M.encode(v)
    return dkjson.encode(v)
end

--- Mark a table as a JSON object / array for encoding (matters when it is empty).
function _M.object(t)
    return setmetatable(t or {}, { __jsontype = "object" })
end

function _M.array(t)
    return setmetatable(t or {}, { __jsontype = "array" })
end

function _M.is_array(v)
    local mt = type(v) == "table" and getmetatable(v)
    return mt and mt.__jsontype == "array" or false
end

function _M.is_object(v)
    local mt = type(v) == "table" and getmetatable(v)
    return mt and mt.__jsontype == "object" or false
end

-- ---------------------------------------------------------------------------------------------
-- Start and stop
-- ---------------------------------------------------------------------------------------------

local info

local function parse_start(out)
    local t = {}
    local last
    for line in out:gmatch("[^\n]+") do
        local k, v = line:match("^([%w_]+): (.*)$")
        if k then
            t[k] = v
        end
        last = line
    end
    t.base_url = last
    return t
end

--- Start the shared emulator (HTTP and HTTPS) unless it already runs; returns its info.
function _M.start()
    if info then
        return info
    end
    local pid = my_pid()
    local last_err
    for _ = 1, 10 do
        local port, tls_port = _M.free_port(), _M.free_port()
        if port ~= tls_port then
            local code, out, err = _M.run {
                "start", "--port", port, "--tls-port", tls_port,
                "--api-key", _M.API_KEY, "--app-key", _M.APP_KEY, "--watch-pid", pid,
            }
            if code == 0 then
                local t = parse_start(out)
                info = {
                    base_url = t.base_url,
                    tls_url = t.tls_url,
                    ca_file = t.ca_file,
                    prefix = t.prefix,
                    pid = tonumber(t.pid),
                    port = port,
                    tls_port = tls_port,
                    api_key = _M.API_KEY,
                    app_key = _M.APP_KEY,
                }
                -- Stop it when this Lua state closes (busted's normal end and its os.exit(_, true)).
                _M._sentinel = setmetatable({}, { __gc = function() _M.stop() end })
                return info
            elseif code ~= 4 then
                error("emulator/run start failed (exit " .. tostring(code) .. "):\n" .. err .. out, 2)
            end
            last_err = err
        end
    end
    error("could not find free ports for the emulator: " .. tostring(last_err), 2)
end

function _M.stop()
    if not info then
        return
    end
    local port = info.port
    info = nil
    _M.run { "stop", "--port", port }
end

function _M.info()
    return info
end

--- What emu.per_spec returns: a view of the running emulator's info (base_url, tls_url,
--- ca_file, api_key, app_key, port, ...), read when a field is asked for.
_M.current = setmetatable({}, {
    __index = function(_, k)
        return assert(info, "the emulator is not started (emu.per_spec's setup has not run)")[k]
    end,
})

--- The preamble of a describe block that runs on the emulator; call it inside the block:
---   local info = emu.per_spec(opts)
--- starts the emulator once (setup), resets it before each spec (emu.reset(opts)) and
--- checks after each that it hit no bug of its own. Returns emu.current.
function _M.per_spec(opts)
    local busted = require "busted"
    busted.setup(function() _M.start() end)
    busted.before_each(function() _M.reset(opts) end)
    busted.after_each(function() _M.check_internal_errors() end)
    return _M.current
end

-- ---------------------------------------------------------------------------------------------
-- HTTP
-- ---------------------------------------------------------------------------------------------

local function connect(opts)
    local tls = opts.tls
    local port = opts.port or (tls and info.tls_port or info.port)
    local sock = socket.tcp()
    sock:settimeout(opts.timeout or 10)
    local ok, err = sock:connect(opts.host or "127.0.0.1", port)
    if not ok then
        sock:close()
        return nil, "connect: " .. tostring(err)
    end
    if tls then
        local ssl = require "ssl"
        local cafile = opts.cafile
        if cafile == nil then
            cafile = info.ca_file
        end
        local params = { mode = "client", protocol = "any", options = "all",
            verify = cafile and "peer" or "none", cafile = cafile or nil }
        local tsock, werr = ssl.wrap(sock, params)
        if not tsock then
            sock:close()
            return nil, "tls wrap: " .. tostring(werr)
        end
        tsock:settimeout(opts.timeout or 10)
        local hok, herr = tsock:dohandshake()
        if not hok then
            tsock:close()
            return nil, "tls handshake: " .. tostring(herr)
        end
        sock = tsock
    end
    return sock
end

--- Send one request and read until the server closes. Returns the raw reply (possibly partial)
--- and, when the read ended in an error (timeout, TLS EOF without close_notify), that error.
--- Returns nil, err when nothing could be sent.
function _M.raw(method, path, opts)
    opts = opts or {}
    assert(info, "emulator not started: call emu.start() first")
    local body = opts.body
    if type(body) == "table" then
        body = _M.encode(body)
    end
    local headers = {
        { "Host", "127.0.0.1" },
        { "Connection", "close" },
        { "Accept", "application/json" },
        { "DD-API-KEY", info.api_key },
        { "DD-APPLICATION-KEY", info.app_key },
    }
    if body then
        headers[#headers + 1] = { "Content-Type", "application/json" }
        if opts.gzip then
            body = _M.gzip(body)
            headers[#headers + 1] = { "Content-Encoding", "gzip" }
        end
    end
    -- Caller headers replace defaults of the same name (any case); false removes one.
    local given = opts.headers or {}
    for name in pairs(given) do
        for i = #headers, 1, -1 do
            if headers[i][1]:lower() == name:lower() then
                table.remove(headers, i)
            end
        end
    end
    local names = {}
    for name, value in pairs(given) do
        if value ~= false then
            names[#names + 1] = name
        end
    end
    table.sort(names)
    for _, name in ipairs(names) do
        local value = given[name]
        -- A list sends the header once per item.
        for _, v in ipairs(type(value) == "table" and value or { value }) do
            headers[#headers + 1] = { name, tostring(v) }
        end
    end
    if body then
        headers[#headers + 1] = { "Content-Length", tostring(#body) }
    end
    local lines = { method .. " " .. path .. " HTTP/1.1" }
    for _, h in ipairs(headers) do
        lines[#lines + 1] = h[1] .. ": " .. h[2]
    end
    local request = table.concat(lines, "\r\n") .. "\r\n\r\n" .. (body or "")

    local sock, err = connect(opts)
    if not sock then
        return nil, err
    end
    local sent, serr = sock:send(request)
    if not sent then
        sock:close()
        return nil, "send: " .. tostring(serr)
    end
    local data, rerr, partial = sock:receive("*a")
    sock:close()
    if not data then
        return partial or "", rerr
    end
    return data
end

local function dechunk(s)
    local out, pos = {}, 1
    while true do
        local size_hex, after = s:match("^(%x+)[^\r\n]*\r\n()", pos)
        if not size_hex then
            return table.concat(out), false
        end
        local size = tonumber(size_hex, 16)
        if size == 0 then
            return table.concat(out), true
        end
        out[#out + 1] = s:sub(after, after + size - 1)
        pos = after + size + 2
    end
end

--- Parse a raw HTTP/1.1 reply. Returns status, headers, body, { complete =, raw = }.
function _M.parse(raw)
    local head, rest = raw:match("^(.-)\r\n\r\n(.*)$")
    if not head then
        return nil, "incomplete response headers", { raw = raw, complete = false }
    end
    local status = tonumber(head:match("^HTTP/1%.%d (%d%d%d)"))
    local headers = {}
    for line in head:gmatch("[^\r\n]+") do
        local name, value = line:match("^([^:]+):%s*(.-)%s*$")
        if name then
            name = name:lower()
            headers[name] = headers[name] and (headers[name] .. ", " .. value) or value
        end
    end
    local body, complete = rest, true
    if headers["transfer-encoding"] and headers["transfer-encoding"]:lower():find("chunked") then
        body, complete = dechunk(rest)
    elseif headers["content-length"] then
        local n = tonumber(headers["content-length"])
        complete = #rest >= n
        body = rest:sub(1, n)
    end
    return status, headers, body, { complete = complete, raw = raw }
end

--- One request to the emulator. Returns status, headers (lower-case names), body, extra
--- (extra.complete is false when the body is shorter than its Content-Length); nil, err on
--- a transport failure.
function _M.request(method, path, opts)
    local raw, err = _M.raw(method, path, opts)
    if not raw then
        return nil, err
    end
    if raw == "" then
        return nil, err or "empty reply (connection closed)"
    end
    local status, headers, body, extra = _M.parse(raw)
    if status and extra then
        extra.error = err
    end
    return status, headers, body, extra
end

--- An API call with a JSON body (table or string). Returns status, decoded body, headers, raw body.
function _M.call(method, path, body, opts)
    opts = opts or {}
    opts.body = body
    local status, headers, text = _M.request(method, path, opts)
    assert(status, headers)
    local doc
    if text ~= "" then
        doc = _M.try_json(text)
    end
    return status, doc, headers, text
end

-- ---------------------------------------------------------------------------------------------
-- Control API
-- ---------------------------------------------------------------------------------------------

local function control(method, path, body)
    local status, headers, text = _M.request(method, "/_emulator/" .. path, {
        body = body and _M.encode(body) or nil,
        headers = { ["DD-API-KEY"] = false, ["DD-APPLICATION-KEY"] = false },
    })
    assert(status, headers)
    return status, text ~= "" and _M.json(text) or nil
end
_M.control = control

--- Raise when the emulator hit a bug of its own (a Lua error answered as 500) since last asked.
local errors_seen = 0
function _M.check_internal_errors()
    local _, health = control("GET", "health")
    local n = health.internal_errors or 0
    if n > errors_seen then
        local _, doc = control("GET", "errors")
        errors_seen = n
        error("emulator internal error(s):\n" .. table.concat(doc.errors, "\n"), 2)
    end
end

function _M.reset(opts)
    _M.check_internal_errors()
    local status, doc = control("POST", "reset", _M.object(opts or {}))
    assert(status == 200, "emulator reset failed: " .. _M.encode(doc))
    return doc
end

function _M.configure(opts)
    local status, doc = control("POST", "config", _M.object(opts or {}))
    assert(status == 200, "emulator config failed: " .. _M.encode(doc))
    return doc
end

function _M.fault(spec)
    local status, doc = control("POST", "faults", _M.object(spec))
    assert(status == 201, "emulator fault rejected: " .. _M.encode(doc))
    return doc.id
end

function _M.faults()
    local _, doc = control("GET", "faults")
    return doc.faults
end

function _M.clear_faults()
    control("DELETE", "faults")
end

function _M.requests()
    local _, doc = control("GET", "requests")
    return doc.requests
end

function _M.clear_requests()
    control("DELETE", "requests")
end

--- Wait until cond() returns a true value (polled every 20 ms), and return that value;
--- raise, naming `what`, after `seconds` (default 10). What a spec awaits instead of sleeping.
function _M.await(cond, what, seconds)
    local deadline = socket.gettime() + (seconds or 10)
    while true do
        local v = cond()
        if v then
            return v
        end
        if socket.gettime() > deadline then
            error("gave up waiting for " .. what, 2)
        end
        socket.sleep(0.02)
    end
end

--- Wait until the emulator has received a request whose path matches `pattern` (the request
--- is logged when it arrives, before any delay a fault adds); returns its log entry.
function _M.await_request(pattern, seconds)
    return _M.await(function()
        for _, r in ipairs(_M.requests()) do
            if r.path:find(pattern) then
                return r
            end
        end
    end, "a request to " .. pattern, seconds)
end

return _M

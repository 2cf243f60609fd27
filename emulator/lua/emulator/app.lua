-- emulator.app: the request pipeline, run by content_by_lua for every request.
--
-- API requests go through: log -> rate-limit count -> fault queue -> route (404/405) ->
-- rate-limit verdict (429) -> auth (403) -> body (400) -> handler; the response then leaves
-- through `emit`, which is also where the fault actions that damage a response are applied.
-- Requests under /_emulator/ are the control API (emulator.control) and are not logged.

local json = require "emulator.json"
local state = require "emulator.state"
local routes = require "emulator.routes"
local util = require "emulator.util"
local zlib = require "emulator.zlib"
local C = require "emulator.common"

local _M = {}

local CONTROL_PREFIX = "/_emulator/"

-- ---------------------------------------------------------------------------------------------
-- Phases other than content
-- ---------------------------------------------------------------------------------------------

--- init_by_lua: read the settings emulator/run wrote next to nginx.conf.
function _M.init()
    local prefix = ngx.config.prefix()
    if prefix:sub(-1) ~= "/" then
        prefix = prefix .. "/"
    end
    state.load_settings(prefix .. "conf/emulator.settings")
    state.reset()
    require "emulator.control"
end

--- init_worker_by_lua: seed the generator behind the UUIDs.
function _M.init_worker()
    ngx.update_time()
    math.randomseed(math.floor(ngx.now() * 1000) % 2147483647 + ngx.worker.pid() * 7919)
    -- LuaJIT's first draws after seeding are weakly mixed; discard a few.
    for _ = 1, 16 do
        math.random()
    end
end

-- ---------------------------------------------------------------------------------------------
-- Reading the request
-- ---------------------------------------------------------------------------------------------

local function read_body()
    ngx.req.read_body()
    local body = ngx.req.get_body_data()
    if body then
        return body
    end
    -- Bodies larger than client_body_buffer_size are spooled to a file.
    local path = ngx.req.get_body_file()
    if not path then
        return ""
    end
    local f = io.open(path, "rb")
    if not f then
        return ""
    end
    body = f:read("*a")
    f:close()
    return body
end

local function header_value(h)
    if type(h) == "table" then
        return table.concat(h, ", ")
    end
    return h
end

--- The request as the pipeline sees it: raw path and query, decoded args, headers, body.
local function read_request()
    local uri = ngx.var.request_uri
    local q = uri:find("?", 1, true)
    local req = {
        method = ngx.req.get_method(),
        path = q and uri:sub(1, q - 1) or uri,
        query = q and uri:sub(q + 1) or "",
        args = ngx.req.get_uri_args(0),
        headers = ngx.req.get_headers(0),
    }
    local raw = read_body()
    req.raw_size = #raw
    local encoding = header_value(req.headers["content-encoding"])
    encoding = encoding and encoding:lower():match("^%s*(.-)%s*$") or "identity"
    req.encoding = encoding
    if encoding == "gzip" or encoding == "x-gzip" or encoding == "deflate" then
        local plain, err = zlib.inflate(raw)
        if plain then
            req.body = plain
        else
            req.body = ""
            req.body_error = C.errors(400, "Malformed " .. encoding .. " request body: " .. err)
        end
    elseif encoding == "identity" or encoding == "" then
        req.body = raw
    else
        req.body = raw
        req.body_error = C.errors(415, "Unsupported Content-Encoding: " .. encoding)
    end
    return req
end

-- ---------------------------------------------------------------------------------------------
-- Authentication and the request log
-- ---------------------------------------------------------------------------------------------

local SECRET_HEADERS = { ["dd-api-key"] = true, ["dd-application-key"] = true,
    authorization = true }

-- Datadog takes either both keys or an OAuth2 bearer token (Datadog apps and partner
-- integrations): `Authorization: Bearer <token>`, any non-empty token unless the
-- control API configured one.
local function auth_verdict(headers)
    local cfg = state.config
    local authz = headers["authorization"]
    if type(authz) == "string" then
        local token = authz:match("^Bearer (%S+)$")
        if token and (not cfg.access_token or token == cfg.access_token) then
            return "ok"
        end
        return "forbidden"
    end
    local api, app = headers["dd-api-key"], headers["dd-application-key"]
    if type(api) ~= "string" or api == "" or type(app) ~= "string" or app == "" then
        return "forbidden"
    end
    if (cfg.api_key and api ~= cfg.api_key) or (cfg.app_key and app ~= cfg.app_key) then
        return "forbidden"
    end
    return "ok"
end

local function log_entry(req)
    local headers = json.object()
    for name, value in pairs(req.headers) do
        local lname = name:lower()
        if SECRET_HEADERS[lname] then
            if type(value) == "table" then
                local masked = json.array()
                for i, v in ipairs(value) do
                    masked[i] = util.mask(v)
                end
                value = masked
            else
                value = util.mask(value)
            end
        elseif type(value) == "table" then
            value = json.array(value)
        end
        headers[lname] = value
    end
    local args = json.object()
    for k, v in pairs(req.args) do
        args[k] = (type(v) == "table") and json.array(v) or v
    end
    return state.log_request(json.object {
        time = util.iso8601(),
        method = req.method,
        path = req.path,
        query = req.query,
        args = args,
        headers = headers,
        body = req.body,
        body_encoding = req.encoding,
        body_size = req.raw_size,
        auth = auth_verdict(req.headers),
        status = 0,
        scheme = ngx.var.scheme,
        -- nginx's connection serial number and the request's rank on it: keep-alive reuse
        -- shows as several entries with one `connection`.
        connection = tonumber(ngx.var.connection),
        connection_requests = tonumber(ngx.var.connection_requests),
    })
end

-- ---------------------------------------------------------------------------------------------
-- Writing the response
-- ---------------------------------------------------------------------------------------------

local MALFORMED_BODY = '{"data": {"id": "emulator-malformed", "type": "broken", "attributes": '
    .. '{"name": "unterminated, "status": 01,}]}'

local function rate_headers(res, rl, forced_429)
    C.set_header(res, "X-RateLimit-Limit", tostring(rl.limit))
    C.set_header(res, "X-RateLimit-Period", tostring(rl.period))
    C.set_header(res, "X-RateLimit-Remaining", tostring(forced_429 and 0 or rl.remaining))
    C.set_header(res, "X-RateLimit-Reset", tostring(rl.reset))
    C.set_header(res, "X-RateLimit-Name", rl.name)
end

-- Write the status line and headers ourselves, then part of the body, then hang up.
local function send_close_mid(res, body)
    local sock, err = ngx.req.socket(true)
    if not sock then
        ngx.log(ngx.ERR, "close_mid: no raw socket: ", err)
        return ngx.exit(444)
    end
    local lines = { string.format("HTTP/1.1 %d %s", res.status, util.reason(res.status)) }
    for _, h in pairs(res.headers) do
        local values = type(h[2]) == "table" and h[2] or { h[2] }
        for _, v in ipairs(values) do
            lines[#lines + 1] = h[1] .. ": " .. tostring(v)
        end
    end
    lines[#lines + 1] = "Connection: close"
    local head = table.concat(lines, "\r\n") .. "\r\n\r\n"
    local out
    if #body > 0 then
        -- Headers promise the whole body (Content-Length is set); send half of it.
        out = head .. body:sub(1, math.max(1, math.floor(#body / 2)))
    else
        -- Nothing to cut in a body-less response: cut the header block instead.
        out = head:sub(1, math.floor(#head / 2))
    end
    sock:send(out)
    return ngx.exit(444)
end

--- Send `res`, damaged as `action` says (nil for an intact response).
local function emit(res, action)
    local body = res.body or ""
    local status = res.status
    if action == "truncate" and #body > 1 then
        body = body:sub(1, math.floor(#body / 2))
    elseif action == "gzip" and #body > 0 then
        body = assert(zlib.gzip(body))
        C.set_header(res, "Content-Encoding", "gzip")
        C.set_header(res, "Vary", "Accept-Encoding")
    end
    if #body > 0 and not res.headers["content-type"] then
        C.set_header(res, "Content-Type", "application/json")
    end
    if status ~= 204 and status ~= 304 then
        C.set_header(res, "Content-Length", tostring(#body))
    end
    if action == "close_mid" then
        return send_close_mid(res, body)
    end
    ngx.status = status
    for _, h in pairs(res.headers) do
        ngx.header[h[1]] = h[2]
    end
    if #body > 0 and status ~= 204 then
        ngx.print(body)
    end
    return ngx.exit(ngx.HTTP_OK)
end
_M.emit = emit

-- ---------------------------------------------------------------------------------------------
-- The API pipeline
-- ---------------------------------------------------------------------------------------------

local function fault_response(fault)
    local res
    if fault.body then
        res = C.response(fault.status, fault.body)
        C.set_header(res, "Content-Type", "application/json")
    elseif fault.status == 429 then
        res = C.errors(429, "Too many requests")
    else
        res = C.errors(fault.status, util.reason(fault.status))
    end
    return res
end

-- The operation itself: its body, then its handler.
local function serve(req, route, params)
    if req.body_error then
        return req.body_error
    end
    local ctx = { route = route, method = req.method, params = params, args = req.args,
        headers = req.headers, raw_body = req.body }
    if route.body then
        if req.body:match("^%s*$") then
            return C.errors(400, "body: is required (a JSON document)")
        end
        local value, err = json.decode(req.body)
        if value == nil then
            return C.errors(400, "Malformed JSON in request body: " .. err)
        end
        ctx.body = value
    end
    return route.handler(ctx)
end

local function dispatch(req, route, params_or_allowed, rl)
    if not route then
        if params_or_allowed then
            local res = C.errors(405, "Method Not Allowed")
            C.set_header(res, "Allow", table.concat(params_or_allowed, ", "))
            return res
        end
        return C.errors(404, "Not found")
    end
    if rl.over then
        return C.errors(429, "Too many requests"), true
    end
    if auth_verdict(req.headers) ~= "ok" then
        return C.errors(403, "Forbidden")
    end
    -- Past the gateway's checks (above: strings for every family), the operation's service
    -- answers, in its family's shape.
    local res = serve(req, route, params_or_allowed)
    if route.errors == "jsonapi" and res.errors then
        res = C.jsonapi(res)
    end
    return res
end

local function handle_api(req)
    local entry = log_entry(req)
    local route, extra = routes.match(req.method, req.path)
    local rl = state.rate_hit(route and route.family or routes.family(req.path))

    local fault = state.take_fault(req.method, req.path)
    if fault then
        entry.fault = json.object { id = fault.id, status = fault.status, action = fault.action,
            delay_ms = fault.delay_ms }
        if fault.delay_ms then
            ngx.sleep(fault.delay_ms / 1000)
        end
        if fault.action == "close_before" then
            return ngx.exit(444)
        end
    end

    local res, limited
    if fault and fault.status then
        res = fault_response(fault)
    elseif fault and fault.action == "malformed" then
        res = C.response(200, fault.body or MALFORMED_BODY)
        C.set_header(res, "Content-Type", "application/json")
    else
        res, limited = dispatch(req, route, extra, rl)
    end

    if fault and fault.action == "close_after" then
        -- The operation took effect; the client never hears of it.
        entry.applied_status = res.status
        return ngx.exit(444)
    end

    rate_headers(res, rl, limited or res.status == 429)
    if fault and fault.headers then
        for name, value in pairs(fault.headers) do
            if json.is_array(value) then
                local values = {}
                for i, v in ipairs(value) do
                    values[i] = tostring(v)
                end
                value = values
            else
                value = tostring(value)
            end
            C.set_header(res, name, value)
        end
    end
    entry.status = res.status
    return emit(res, fault and fault.action)
end

--- content_by_lua entry point.
function _M.handle()
    local req = read_request()
    if req.path:sub(1, #CONTROL_PREFIX) == CONTROL_PREFIX then
        return require("emulator.control").handle(req)
    end
    local ok, err = pcall(handle_api, req)
    if not ok then
        -- A bug in the emulator, not a simulated failure: log it and keep it for the test
        -- helper, which fails the suite when any occurred (GET /_emulator/health).
        ngx.log(ngx.ERR, "emulator: ", err)
        local errors = state.internal_errors
        errors[#errors + 1] = req.method .. " " .. req.path .. ": " .. tostring(err)
        return emit(C.errors(500, "emulator internal error"))
    end
end

return _M

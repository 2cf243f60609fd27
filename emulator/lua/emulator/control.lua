-- emulator.control: the test-facing control API under /_emulator/ (no auth, JSON in and out).
--
--   GET    /_emulator/health     {"ok":true,"internal_errors":n}
--   GET    /_emulator/errors     emulator bugs caught while answering (should stay empty)
--   POST   /_emulator/reset      clear all state, restore start-up config, then apply the body
--   GET    /_emulator/config     current config (keys masked)
--   POST   /_emulator/config     apply {"api_key","app_key","rate_limit":{"limit","period"}}
--   GET    /_emulator/faults     queued faults with their remaining counts
--   POST   /_emulator/faults     queue a fault -> 201 {"id":n}
--   DELETE /_emulator/faults     drop all faults
--   GET    /_emulator/requests   the request log, in arrival order
--   DELETE /_emulator/requests   clear the request log
--   GET    /_emulator/routes     the operation table (id, method, path, family, errors, role, ...)

local json = require "emulator.json"
local state = require "emulator.state"
local routes = require "emulator.routes"
local C = require "emulator.common"

local _M = {}

-- Decode an optional JSON object body. Returns the value (nil when empty) or nil, response.
local function optional_object(req)
    if req.body_error then
        return nil, req.body_error
    end
    if req.body:match("^%s*$") then
        return nil
    end
    local value, err = json.decode(req.body)
    if value == nil then
        return nil, C.errors(400, "Malformed JSON in request body: " .. err)
    end
    if not json.is_object(value) then
        return nil, C.errors(400, "body: must be an object")
    end
    return value
end

local function configure(req, clear)
    local body, bad = optional_object(req)
    if bad then
        return bad
    end
    if clear then
        state.reset()
    end
    local errs = state.configure(body)
    if errs then
        return C.errors(400, errs)
    end
    return C.json(200, json.object { ok = true, config = state.describe_config() })
end

local HANDLERS = {
    health = {
        GET = function()
            return C.json(200, json.object { ok = true, internal_errors = #state.internal_errors })
        end,
    },
    errors = {
        GET = function()
            return C.json(200, json.object { errors = json.array(state.internal_errors) })
        end,
    },
    reset = {
        POST = function(req)
            return configure(req, true)
        end,
    },
    config = {
        GET = function()
            return C.json(200, json.object { config = state.describe_config() })
        end,
        POST = function(req)
            return configure(req, false)
        end,
    },
    faults = {
        GET = function()
            return C.json(200, json.object { faults = state.describe_faults() })
        end,
        POST = function(req)
            local body, bad = optional_object(req)
            if bad then
                return bad
            end
            if not body then
                return C.errors(400, "body: is required (a fault description)")
            end
            local id, errs = state.add_fault(body)
            if not id then
                return C.errors(400, errs)
            end
            return C.json(201, json.object { id = id })
        end,
        DELETE = function()
            state.faults = {}
            return C.json(200, json.object { ok = true })
        end,
    },
    requests = {
        GET = function()
            local list = json.array()
            for i, e in ipairs(state.log) do
                list[i] = e
            end
            return C.json(200, json.object { requests = list })
        end,
        DELETE = function()
            state.log = {}
            return C.json(200, json.object { ok = true })
        end,
    },
    routes = {
        GET = function()
            local list = json.array()
            for i, r in ipairs(routes.list) do
                list[i] = json.object { id = r.id, method = r.method, path = r.path, family = r.family,
                    errors = r.errors, success = r.success, beta = r.beta == true, role = r.role,
                    served = r.by_hand and "module" or "generic" }
            end
            return C.json(200, json.object { routes = list })
        end,
    },
}

function _M.handle(req)
    local emit = require("emulator.app").emit
    local name = req.path:match("^/_emulator/([%w_]+)/?$")
    local methods = name and HANDLERS[name]
    if not methods then
        return emit(C.errors(404, "Not found"))
    end
    local fn = methods[req.method]
    if not fn then
        local allowed = {}
        for m in pairs(methods) do
            allowed[#allowed + 1] = m
        end
        table.sort(allowed)
        local res = C.errors(405, "Method Not Allowed")
        C.set_header(res, "Allow", table.concat(allowed, ", "))
        return emit(res)
    end
    return emit(fn(req))
end

return _M

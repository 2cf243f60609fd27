-- emulator.state: everything the emulator remembers, in the memory of its single worker.
--
-- Configuration (keys, rate limit), the resource store, the fault queue, the request log and the
-- rate-limit windows. `reset()` empties all of it and restores the configuration given at start.

local json = require "emulator.json"
local schema = require "emulator.schema"
local util = require "emulator.util"

local _M = {}

-- Oldest entries are dropped past this many, so a long session cannot grow without bound.
_M.MAX_LOG = 5000

-- Configuration as given on the command line (read from PREFIX/conf/emulator.settings).
local defaults = {
    api_key = nil,       -- nil: any non-empty DD-API-KEY is accepted
    app_key = nil,       -- nil: any non-empty DD-APPLICATION-KEY is accepted
    rate_limit = 100000, -- requests per window and per X-RateLimit-Name
    rate_period = 10,    -- window length in seconds
}

-- ---------------------------------------------------------------------------------------------
-- Ordered collections
-- ---------------------------------------------------------------------------------------------

local Collection = {}
Collection.__index = Collection

local function new_collection()
    return setmetatable({ order = {}, by_id = {} }, Collection)
end
_M.new_collection = new_collection

function Collection:add(id, rec)
    if self.by_id[id] == nil then
        self.order[#self.order + 1] = id
    end
    self.by_id[id] = rec
    return rec
end

function Collection:get(id)
    return self.by_id[id]
end

function Collection:remove(id)
    if self.by_id[id] == nil then
        return nil
    end
    local rec = self.by_id[id]
    self.by_id[id] = nil
    for i, v in ipairs(self.order) do
        if v == id then
            table.remove(self.order, i)
            break
        end
    end
    return rec
end

--- Records in insertion order, optionally filtered.
function Collection:list(keep)
    local out = {}
    for _, id in ipairs(self.order) do
        local rec = self.by_id[id]
        if not keep or keep(rec) then
            out[#out + 1] = rec
        end
    end
    return out
end

--- The collection of generic items at a concrete path, made on first use.
function _M.items(path)
    local items = _M.db.items
    items[path] = items[path] or new_collection()
    return items[path]
end

--- Forget every generic item and document under `prefix` (an incident's, when it goes).
function _M.drop_under(prefix)
    for _, store in ipairs { _M.db.items, _M.db.documents } do
        for path in pairs(store) do
            if path:sub(1, #prefix) == prefix then
                store[path] = nil
            end
        end
    end
end

-- ---------------------------------------------------------------------------------------------
-- Settings and configuration
-- ---------------------------------------------------------------------------------------------

--- Read `key=value` lines written by emulator/run. Unknown keys are ignored.
function _M.load_settings(path)
    local f = io.open(path, "r")
    if not f then
        return
    end
    for line in f:lines() do
        local k, v = line:match("^([%w_]+)=(.*)$")
        if k == "api_key" or k == "app_key" then
            defaults[k] = (v ~= "") and v or nil
        elseif k == "rate_limit" or k == "rate_period" then
            defaults[k] = tonumber(v) or defaults[k]
        end
    end
    f:close()
end

local CONFIG_RULE = schema.object({
    api_key = schema.string { nullable = true },
    app_key = schema.string { nullable = true },
    access_token = schema.string { nullable = true },
    rate_limit = schema.object({
        limit = schema.integer { min = 0 },
        period = schema.integer { min = 1, max = 86400 },
    }),
})

--- Apply a control-API configuration body. Returns nil, or a list of problems.
function _M.configure(body)
    if body == nil then
        return nil
    end
    local errs = schema.validate(CONFIG_RULE, body)
    if errs then
        return errs
    end
    for _, k in ipairs { "api_key", "app_key", "access_token" } do
        if body[k] == json.null or body[k] == "" then
            _M.config[k] = nil
        elseif body[k] ~= nil then
            _M.config[k] = body[k]
        end
    end
    if body.rate_limit then
        if body.rate_limit.limit then
            _M.config.rate_limit = body.rate_limit.limit
        end
        if body.rate_limit.period then
            _M.config.rate_period = body.rate_limit.period
        end
        _M.windows = {}
    end
    return nil
end

--- The configuration with the keys hidden, for GET /_emulator/config.
function _M.describe_config()
    local c = _M.config
    return json.object {
        api_key = c.api_key and util.mask(c.api_key) or json.null,
        app_key = c.app_key and util.mask(c.app_key) or json.null,
        access_token = c.access_token and util.mask(c.access_token) or json.null,
        rate_limit = json.object { limit = c.rate_limit, period = c.rate_period },
    }
end

-- Emulator bugs caught by the pipeline (messages). Survives reset: a test helper compares counts.
_M.internal_errors = {}

-- ---------------------------------------------------------------------------------------------
-- Reset
-- ---------------------------------------------------------------------------------------------

function _M.reset()
    _M.config = {
        api_key = defaults.api_key,
        app_key = defaults.app_key,
        rate_limit = defaults.rate_limit,
        rate_period = defaults.rate_period,
    }
    _M.db = {
        incidents = new_collection(),
        next_public_id = 1,
        integrations = {},  -- incident id -> collection of integration metadata
        incident_types = new_collection(),
        opsgenie = new_collection(),
        pagerduty = new_collection(), -- keyed by (decoded) service name
        -- emulator.generic's resources: concrete collection path -> collection of items, and
        -- path -> the one document stored there
        items = {},
        documents = {},
    }
    _M.faults = {}
    _M.next_fault_id = 1
    _M.log = {}
    _M.next_seq = 1
    _M.windows = {}
end

-- ---------------------------------------------------------------------------------------------
-- Rate limiting: a fixed window per X-RateLimit-Name
-- ---------------------------------------------------------------------------------------------

--- Count one request against `name`. Returns the header facts and whether it is over the limit.
function _M.rate_hit(name)
    local cfg = _M.config
    local now = util.now()
    local w = _M.windows[name]
    if not w or now >= w.start + cfg.rate_period then
        w = { start = now, count = 0 }
        _M.windows[name] = w
    end
    w.count = w.count + 1
    local reset = math.ceil(w.start + cfg.rate_period - now)
    if reset < 1 then
        reset = 1
    end
    return {
        name = name,
        limit = cfg.rate_limit,
        period = cfg.rate_period,
        remaining = math.max(0, cfg.rate_limit - w.count),
        reset = reset,
        over = w.count > cfg.rate_limit,
    }
end

-- ---------------------------------------------------------------------------------------------
-- Faults
-- ---------------------------------------------------------------------------------------------

_M.FAULT_ACTIONS = { "close_before", "close_after", "close_mid", "truncate", "malformed", "gzip" }

local FAULT_RULE = schema.object({
    path = schema.string { min = 1 },
    method = schema.string { min = 1 },
    count = schema.integer { min = 1 },
    status = schema.integer { min = 200, max = 599 },
    headers = schema.object({}, {
        check = function(v, path, errs)
            for name, value in pairs(v) do
                local p = schema.join(path, name)
                if json.is_array(value) then
                    for _, item in ipairs(value) do
                        if type(item) ~= "string" and type(item) ~= "number" then
                            schema.add_error(errs, p, "must hold strings or numbers")
                            break
                        end
                    end
                elseif type(value) ~= "string" and type(value) ~= "number" then
                    schema.add_error(errs, p, "must be a string, a number or a list of them")
                end
            end
        end,
    }),
    body = schema.string {},
    delay_ms = schema.integer { min = 0, max = 600000 },
    action = schema.string { enum = _M.FAULT_ACTIONS },
}, {
    required = { "path" },
    check = function(v, path, errs)
        if not pcall(string.find, "", v.path) then
            schema.add_error(errs, schema.join(path, "path"), "is not a valid Lua pattern")
        end
        if v.status == nil and v.delay_ms == nil and v.action == nil then
            schema.add_error(errs, path, "needs at least one of status, delay_ms, action")
        end
    end,
})

--- Queue a fault. Returns its id, or nil and a list of problems.
function _M.add_fault(spec)
    local errs = schema.validate(FAULT_RULE, spec)
    if errs then
        return nil, errs
    end
    local id = _M.next_fault_id
    _M.next_fault_id = id + 1
    _M.faults[#_M.faults + 1] = {
        id = id,
        path = spec.path,
        method = spec.method and spec.method:upper() or nil,
        remaining = spec.count or 1,
        status = spec.status,
        headers = spec.headers,
        body = spec.body,
        delay_ms = spec.delay_ms,
        action = spec.action,
    }
    return id
end

--- The first queued fault matching this request, with one use consumed; nil when none.
function _M.take_fault(method, path)
    for i, f in ipairs(_M.faults) do
        if (f.method == nil or f.method == method) and path:find(f.path) then
            f.remaining = f.remaining - 1
            if f.remaining <= 0 then
                table.remove(_M.faults, i)
            end
            return f
        end
    end
    return nil
end

function _M.describe_faults()
    local out = json.array()
    for _, f in ipairs(_M.faults) do
        out[#out + 1] = json.object {
            id = f.id, path = f.path, method = f.method, remaining = f.remaining,
            status = f.status, headers = f.headers, body = f.body, delay_ms = f.delay_ms,
            action = f.action,
        }
    end
    return out
end

-- ---------------------------------------------------------------------------------------------
-- Request log
-- ---------------------------------------------------------------------------------------------

--- Append an entry (a JSON object table); it gets a sequence number. Returns the entry.
function _M.log_request(entry)
    entry.seq = _M.next_seq
    _M.next_seq = _M.next_seq + 1
    local log = _M.log
    log[#log + 1] = entry
    if #log > _M.MAX_LOG then
        table.remove(log, 1)
    end
    return entry
end

_M.reset()

return _M

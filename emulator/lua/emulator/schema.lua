-- emulator.schema: declarative request-body rules and the validator that applies them.
--
-- A rule is a table with a `kind` (object, string, integer, number, boolean, array, any) and options.
-- The validator collects every problem as "<field path>: <problem>", the form the emulator puts
-- in a 400 `{"errors":[...]}` body, e.g. "data.attributes.region: must be one of us, eu, custom".

local json = require "emulator.json"
local util = require "emulator.util"

local _M = {}

local concat, format = table.concat, string.format

-- ---------------------------------------------------------------------------------------------
-- Rule constructors
-- ---------------------------------------------------------------------------------------------

--- object(fields, { required = {...}, check = fn(value, path, errs) })
function _M.object(fields, opts)
    opts = opts or {}
    fields = fields or {}
    -- Fields are checked in name order so the error list is the same from run to run.
    local order = {}
    for name in pairs(fields) do
        order[#order + 1] = name
    end
    table.sort(order)
    return { kind = "object", fields = fields, order = order, required = opts.required or {},
        check = opts.check, nullable = opts.nullable }
end

--- string{ min = chars, max = chars, enum = {...}, nullable = bool }
function _M.string(opts)
    opts = opts or {}
    return { kind = "string", min = opts.min, max = opts.max, enum = opts.enum,
        nullable = opts.nullable }
end

--- integer{ min = n, max = n, enum = {...} }
function _M.integer(opts)
    opts = opts or {}
    return { kind = "integer", min = opts.min, max = opts.max, enum = opts.enum,
        nullable = opts.nullable }
end

function _M.number(opts)
    opts = opts or {}
    return { kind = "number", nullable = opts.nullable }
end

function _M.boolean(opts)
    opts = opts or {}
    return { kind = "boolean", nullable = opts.nullable }
end

--- array(item_rule, { nullable = bool })
function _M.array(items, opts)
    opts = opts or {}
    return { kind = "array", items = items, nullable = opts.nullable }
end

function _M.any()
    return { kind = "any", nullable = true }
end

-- ---------------------------------------------------------------------------------------------
-- Validation
-- ---------------------------------------------------------------------------------------------

local function join(path, key)
    if path == "" then
        return key
    end
    return path .. "." .. key
end

local function label(path)
    return path == "" and "body" or path
end

local function add(errs, path, problem)
    errs[#errs + 1] = label(path) .. ": " .. problem
end

local function enum_text(enum)
    local parts = {}
    for i, v in ipairs(enum) do
        parts[i] = tostring(v)
    end
    return concat(parts, ", ")
end

local function in_enum(enum, v)
    for _, e in ipairs(enum) do
        if e == v then
            return true
        end
    end
    return false
end

local function is_integer(v)
    return type(v) == "number" and v == math.floor(v) and v > -2 ^ 53 and v < 2 ^ 53
end

local validate

local CHECKS = {}

function CHECKS.object(rule, v, path, errs)
    if not json.is_object(v) then
        return add(errs, path, "must be an object")
    end
    local before = #errs
    for _, name in ipairs(rule.required) do
        if v[name] == nil then
            add(errs, join(path, name), "is required")
        end
    end
    for _, name in ipairs(rule.order) do
        if v[name] ~= nil then
            validate(rule.fields[name], v[name], join(path, name), errs)
        end
    end
    -- Cross-field rules only make sense once each field has the right shape.
    if rule.check and #errs == before then
        rule.check(v, path, errs)
    end
end

function CHECKS.string(rule, v, path, errs)
    if type(v) ~= "string" then
        return add(errs, path, "must be a string")
    end
    if rule.enum and not in_enum(rule.enum, v) then
        return add(errs, path, "must be one of " .. enum_text(rule.enum))
    end
    local len = util.utf8_len(v)
    if rule.min and len < rule.min then
        if rule.min == 1 then
            return add(errs, path, "must not be empty")
        end
        return add(errs, path, format("must be at least %d characters", rule.min))
    end
    if rule.max and len > rule.max then
        return add(errs, path, format("must be at most %d characters", rule.max))
    end
end

function CHECKS.integer(rule, v, path, errs)
    if not is_integer(v) then
        return add(errs, path, "must be an integer")
    end
    if rule.enum and not in_enum(rule.enum, v) then
        return add(errs, path, "must be one of " .. enum_text(rule.enum))
    end
    if (rule.min and v < rule.min) or (rule.max and v > rule.max) then
        if rule.min and rule.max then
            return add(errs, path, format("must be between %d and %d", rule.min, rule.max))
        elseif rule.min then
            return add(errs, path, format("must be at least %d", rule.min))
        end
        return add(errs, path, format("must be at most %d", rule.max))
    end
end

function CHECKS.number(_, v, path, errs)
    if type(v) ~= "number" then
        add(errs, path, "must be a number")
    end
end

function CHECKS.boolean(_, v, path, errs)
    if type(v) ~= "boolean" then
        add(errs, path, "must be a boolean")
    end
end

function CHECKS.array(rule, v, path, errs)
    if not json.is_array(v) then
        return add(errs, path, "must be an array")
    end
    if rule.items then
        for i = 1, #v do
            validate(rule.items, v[i], format("%s[%d]", label(path), i - 1), errs)
        end
    end
end

function CHECKS.any() end

validate = function(rule, v, path, errs)
    if v == json.null then
        if not rule.nullable then
            add(errs, path, "must not be null")
        end
        return
    end
    CHECKS[rule.kind](rule, v, path, errs)
end

--- Validate `value` against `rule`. Returns nil when it conforms, else the list of problems.
function _M.validate(rule, value)
    local errs = {}
    validate(rule, value, "", errs)
    if #errs == 0 then
        return nil
    end
    return errs
end

--- For rule `check` functions: record a problem at `path`.
_M.add_error = add
_M.join = join

return _M

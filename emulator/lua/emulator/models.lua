-- emulator.models: what the published models say, turned into the emulator's own tools.
--
-- emulator.ops_gen carries the official client's models as facts (fields with TypeScript types,
-- enums, oneOf unions). From them this file builds, once per model and on first use:
--   rule(name)   an emulator.schema rule, so generic operations validate bodies with the same
--                messages as the hand-written ones ("data.attributes.content: is required");
--   sample(name) the smallest value of that model: its required fields, each the simplest value
--                of its type, the shape a fixed answer or a fresh record starts from;
--   filled(name) the same with every optional field of a plain type given too, for the
--                attributes of a fixed answer (an AI postmortem's summary and lessons).

local json = require "emulator.json"
local schema = require "emulator.schema"
local util = require "emulator.util"
local gen = require "emulator.ops_gen"

local S = schema
local _M = {}

local INTEGER_FORMATS = { int32 = true, int64 = true }

-- The element type of "Array<T>", or the value type of "{ [key: string]: T; }".
local function array_of(t)
    return t:match("^Array<(.+)>$")
end

local function map_of(t)
    return t:match("^{ %[key: string%]: (.+); }$")
end

-- ---------------------------------------------------------------------------------------------
-- Validation rules
-- ---------------------------------------------------------------------------------------------

local rules = {}

local function type_rule(t, format)
    local inner = array_of(t)
    if inner then
        return S.array(type_rule(inner, ""))
    end
    if map_of(t) then
        return S.object({})
    end
    if t == "string" or t == "Date" then
        return S.string {}
    elseif t == "boolean" then
        return S.boolean()
    elseif t == "number" then
        return INTEGER_FORMATS[format] and S.integer {} or S.number()
    elseif t == "any" then
        return S.any()
    end
    local values = gen.enums[t]
    if values then
        if type(values[1]) == "number" then
            return S.integer { enum = values }
        end
        return S.string { enum = values }
    end
    if gen.unions[t] then
        -- Alternatives are told apart by the client; the emulator takes any of them.
        return S.any()
    end
    return _M.rule(t)
end

--- The schema rule of model `name` (a body's top model, or any model it holds).
function _M.rule(name)
    if rules[name] then
        return rules[name]
    end
    local fields = assert(gen.models[name], "no model " .. name)
    local out, required = {}, {}
    for _, f in ipairs(fields) do
        local r = type_rule(f.type, f.format)
        if f.required then
            required[#required + 1] = f.name
        end
        -- A required field takes null when its model declares so (f.nullable: "data":
        -- NullableRelationshipToUserData | null). The package does not say which optional
        -- fields do; the official clients send a null for one as given, so the emulator takes it.
        if f.nullable or not f.required then
            local copy = {}
            for k, v in pairs(r) do
                copy[k] = v
            end
            copy.nullable = true
            r = copy
        end
        out[f.name] = r
    end
    rules[name] = S.object(out, { required = required })
    return rules[name]
end

-- ---------------------------------------------------------------------------------------------
-- Samples
-- ---------------------------------------------------------------------------------------------

local sample

local function type_sample(t, format, name)
    if array_of(t) then
        return json.array()
    elseif map_of(t) then
        return json.object()
    elseif t == "string" then
        if format == "uuid" or name == "id" or name:match("_id$") or name:match("_uuid$") then
            return util.uuid4()
        end
        return "emulator"
    elseif t == "Date" then
        return util.iso8601()
    elseif t == "boolean" then
        return false
    elseif t == "number" then
        return 0
    elseif t == "any" then
        return json.null
    end
    local values = gen.enums[t]
    if values then
        return values[1]
    end
    local alts = gen.unions[t]
    if alts then
        return type_sample(alts[1], "", name)
    end
    return sample(t)
end

--- A fresh minimal value of model `name`: its required fields (and `id` and `type`, which the
--- answers' resource objects always carry), each the simplest value its type allows.
sample = function(name)
    local out = json.object()
    for _, f in ipairs(assert(gen.models[name], "no model " .. name)) do
        if f.required or f.name == "id" or f.name == "type" then
            out[f.name] = type_sample(f.type, f.format, f.name)
        end
    end
    return out
end
_M.sample = sample

-- Plain types: what an optional field can be given without inventing nested objects.
local PLAIN = { string = true, Date = true, number = true, boolean = true }

-- "executive_summary" -> "Executive summary (emulated)"
local function text_of(name)
    local words = name:gsub("_", " ")
    return words:sub(1, 1):upper() .. words:sub(2) .. " (emulated)"
end

function _M.filled(name)
    local out = sample(name)
    for _, f in ipairs(gen.models[name] or {}) do
        if out[f.name] == nil and (PLAIN[f.type] or gen.enums[f.type]) then
            if f.type == "string" and f.format ~= "uuid" and not f.name:match("_?id$") then
                out[f.name] = text_of(f.name)
            else
                out[f.name] = type_sample(f.type, f.format, f.name)
            end
        end
    end
    return out
end

--- The model of field `field` of model `name` (nil when it is not a model).
function _M.field_model(name, field)
    for _, f in ipairs(gen.models[name] or {}) do
        if f.name == field then
            local t = array_of(f.type) or f.type
            if gen.models[t] then
                return t
            end
            local alts = gen.unions[t]
            return alts and gen.models[alts[1]] and alts[1] or nil
        end
    end
    return nil
end

--- The field names of model `name`, as a set.
function _M.fields(name)
    local set = {}
    for _, f in ipairs(gen.models[name] or {}) do
        set[f.name] = true
    end
    return set
end

return _M

-- emulator.api.opsgenie: Opsgenie integration services (v2, stable; seed 003).
-- ListOpsgenieServices, CreateOpsgenieService, GetOpsgenieService, UpdateOpsgenieService,
-- DeleteOpsgenieService. The Opsgenie API key is stored but never rendered.

local json = require "emulator.json"
local schema = require "emulator.schema"
local state = require "emulator.state"
local crud = require "emulator.crud"
local C = require "emulator.common"

local S = schema
local _M = {}

local REGIONS = { "us", "eu", "custom" }

-- ---------------------------------------------------------------------------------------------
-- Body rules
-- ---------------------------------------------------------------------------------------------

local CREATE = S.object({
    data = S.object({
        type = S.string { enum = { "opsgenie-service" } },
        attributes = S.object({
            name = S.string { min = 1, max = 100 },
            opsgenie_api_key = S.string { min = 1 },
            region = S.string { enum = REGIONS },
            custom_url = S.string { nullable = true },
        }, {
            required = { "name", "opsgenie_api_key", "region" },
            check = function(a, path, errs)
                if a.region == "custom" and (a.custom_url == nil or a.custom_url == json.null) then
                    S.add_error(errs, S.join(path, "custom_url"), "is required when region is custom")
                end
            end,
        }),
    }, { required = { "type", "attributes" } }),
}, { required = { "data" } })

local UPDATE = S.object({
    data = S.object({
        id = S.string { min = 1, max = 100 },
        type = S.string { enum = { "opsgenie-service" } },
        attributes = S.object({
            name = S.string { min = 1, max = 100 },
            opsgenie_api_key = S.string { min = 1 },
            region = S.string { enum = REGIONS },
            custom_url = S.string { nullable = true },
        }),
    }, { required = { "id", "type", "attributes" } }),
}, { required = { "data" } })

-- ---------------------------------------------------------------------------------------------
-- Rendering
-- ---------------------------------------------------------------------------------------------

local function render(rec)
    return json.object {
        id = rec.id,
        type = "opsgenie-service",
        attributes = json.object {
            name = rec.name,
            region = rec.region,
            custom_url = C.or_null(rec.custom_url),
        },
    }
end

local function name_taken(name, except)
    for _, rec in ipairs(state.db.opsgenie:list()) do
        if rec.name == name and rec ~= except then
            return true
        end
    end
    return false
end

local function conflict(name)
    return C.errors(409, string.format("An Opsgenie service named '%s' already exists", name))
end

-- ---------------------------------------------------------------------------------------------
-- Handlers
-- ---------------------------------------------------------------------------------------------

local SERVICES = crud.handlers {
    store = function()
        return state.db.opsgenie
    end,
    noun = "Opsgenie service",
    rules = { create = CREATE, update = UPDATE },
    check_id = true,
    apply = function(rec, ctx)
        local a = ctx.body.data.attributes
        local region = a.region or rec.region
        local custom_url = rec.custom_url
        if a.custom_url == json.null then
            custom_url = nil
        elseif a.custom_url ~= nil then
            custom_url = a.custom_url
        end
        if region == "custom" and custom_url == nil then
            return C.errors(400, "data.attributes.custom_url: is required when region is custom")
        end
        if a.name and name_taken(a.name, rec) then
            return conflict(a.name)
        end
        -- a create body holds every attribute, an update body those that change
        rec.name = a.name or rec.name
        rec.api_key = a.opsgenie_api_key or rec.api_key
        rec.region = region
        rec.custom_url = custom_url
    end,
    render = render,
}

-- Every operation on the collection, by its role in the route table.
_M.collections = { ["/api/v2/integration/opsgenie/services"] = SERVICES }

return _M

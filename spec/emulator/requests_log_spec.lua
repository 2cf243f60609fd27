-- The request log (GET/DELETE /_emulator/requests): what a test can assert about what a client
-- sent, with the Datadog keys masked.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

describe("emulator request log", function()
    setup(function()
        emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("records method, raw path and query, decoded args, headers, raw body, auth and status", function()
        local info = emu.info()
        local body = '{"data": {"type": "incidents", '
            .. '"attributes": {"title": "caf\\u00e9", "customer_impacted": false}}}'
        local status = emu.request("POST", S.INCIDENTS .. "?include=users&page%5Bsize%5D=5", {
            body = body,
            headers = { ["User-Agent"] = "datadog-api-client-lua/0.1.0 (lua 5.4; os linux; arch x86_64)",
                ["X-Custom"] = "one" },
        })
        assert.equal(201, status)
        emu.request("GET", S.pagerduty_path("team/a b"), { headers = { ["DD-API-KEY"] = false } })

        local log = emu.requests()
        assert.equal(2, #log)
        local r = log[1]
        assert.equal("POST", r.method)
        assert.equal(S.INCIDENTS, r.path)
        assert.equal("include=users&page%5Bsize%5D=5", r.query)
        assert.same({ include = "users", ["page[size]"] = "5" }, r.args)
        assert.equal(body, r.body, "the body exactly as sent")
        assert.equal("identity", r.body_encoding)
        assert.equal(#body, r.body_size)
        assert.equal("ok", r.auth)
        assert.equal(201, r.status)
        assert.equal("application/json", r.headers["content-type"])
        assert.equal("application/json", r.headers["accept"])
        assert.equal("datadog-api-client-lua/0.1.0 (lua 5.4; os linux; arch x86_64)", r.headers["user-agent"])
        assert.equal("one", r.headers["x-custom"])
        assert.equal(tostring(#body), r.headers["content-length"])
        assert.equal("****" .. info.api_key:sub(-4), r.headers["dd-api-key"])
        assert.equal("****" .. info.app_key:sub(-4), r.headers["dd-application-key"])
        assert.truthy(r.time:match(S.TIMESTAMP))

        local r2 = log[2]
        assert.equal("GET", r2.method)
        assert.equal(S.PAGERDUTY .. "/team%2Fa%20b", r2.path)
        assert.equal("", r2.query)
        assert.equal("", r2.body)
        assert.equal("forbidden", r2.auth)
        assert.equal(403, r2.status)
        assert.is_nil(r2.headers["dd-api-key"], "a missing header stays missing")
        assert.is_true(r2.seq > r.seq)
    end)

    it("never holds the full keys", function()
        local info = emu.info()
        emu.request("GET", S.OPSGENIE)
        emu.request("GET", S.OPSGENIE, { headers = { ["DD-API-KEY"] = "short" } })
        local _, _, text = emu.request("GET", "/_emulator/requests")
        assert.is_nil(text:find(info.api_key, 1, true))
        assert.is_nil(text:find(info.app_key, 1, true))
        assert.is_nil(text:find("short", 1, true))
        local log = emu.json(text).requests
        assert.equal("****", log[2].headers["dd-api-key"])
        assert.equal("forbidden", log[2].auth)
    end)

    it("keeps arrival order and the status of every answer, faults included", function()
        local id = S.create_incident()
        emu.fault { path = "types", status = 503 }
        emu.request("GET", S.TYPES)
        emu.request("DELETE", S.INCIDENTS .. "/" .. id)
        emu.request("DELETE", S.INCIDENTS .. "/" .. id)
        emu.request("PUT", S.INCIDENTS)
        local log = emu.requests()
        local got = {}
        for i, r in ipairs(log) do
            got[i] = r.method .. " " .. r.status
        end
        assert.same({ "POST 201", "GET 503", "DELETE 204", "DELETE 404", "PUT 405" }, got)
        assert.same({ id = 1, status = 503 }, log[2].fault)
    end)

    it("tells keep-alive requests on one connection apart from new connections", function()
        local socket = require "socket"
        local info = emu.info()
        local c = assert(socket.connect("127.0.0.1", info.port))
        c:settimeout(5)
        local function ask(connection)
            c:send("GET " .. S.TYPES .. " HTTP/1.1\r\nHost: x\r\nDD-API-KEY: " .. info.api_key
                .. "\r\nDD-APPLICATION-KEY: " .. info.app_key .. "\r\nConnection: " .. connection
                .. "\r\n\r\n")
            local len
            repeat
                local line = assert(c:receive("*l"))
                len = len or tonumber(line:match("^[Cc]ontent%-[Ll]ength: (%d+)"))
            until line == ""
            return assert(c:receive(len))
        end
        ask("keep-alive")
        ask("close")
        c:close()
        emu.request("GET", S.TYPES)
        local log = emu.requests()
        assert.equal(3, #log)
        assert.equal(log[1].connection, log[2].connection)
        assert.are_not.equal(log[1].connection, log[3].connection)
        assert.equal(1, log[1].connection_requests)
        assert.equal(2, log[2].connection_requests)
        assert.equal("http", log[1].scheme)
        emu.request("GET", S.TYPES, { tls = true })
        assert.equal("https", emu.requests()[4].scheme)
    end)

    it("records repeated query args and headers as lists", function()
        emu.request("GET", S.INCIDENTS .. "?include=users&include=attachments", {
            headers = { ["X-Twice"] = { "a", "b" } } })
        local log = emu.requests()
        assert.same({ "users", "attachments" }, log[1].args.include)
        assert.same({ "a", "b" }, log[1].headers["x-twice"])
    end)

    it("records gzip bodies inflated, with their encoding", function()
        local body = emu.encode(S.opsgenie_body())
        emu.request("POST", S.OPSGENIE, { body = body, gzip = true })
        local r = emu.requests()[1]
        assert.equal(body, r.body)
        assert.equal("gzip", r.body_encoding)
        assert.equal("gzip", r.headers["content-encoding"])
        assert.equal(201, r.status)
    end)

    it("does not log control requests; DELETE and reset clear it", function()
        emu.requests()
        emu.faults()
        emu.control("GET", "health")
        assert.equal(0, #emu.requests())
        emu.request("GET", S.OPSGENIE)
        assert.equal(1, #emu.requests())
        emu.clear_requests()
        assert.equal(0, #emu.requests())
        emu.request("GET", S.OPSGENIE)
        emu.reset()
        assert.equal(0, #emu.requests())
    end)
end)

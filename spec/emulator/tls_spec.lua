-- HTTPS: the self-signed certificate made at start verifies as its own CA file, for luasec and
-- for curl (OpenSSL, hostname checks included), and verification fails without it.

local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

local function curl(args)
    local parts = { "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
        "-H", emu.shell_quote("DD-API-KEY: " .. emu.API_KEY),
        "-H", emu.shell_quote("DD-APPLICATION-KEY: " .. emu.APP_KEY) }
    for _, a in ipairs(args) do
        parts[#parts + 1] = emu.shell_quote(a)
    end
    local code, out, err = emu.sh(table.concat(parts, " "))
    return code, out, err
end

describe("emulator HTTPS", function()
    local info

    setup(function()
        info = emu.start()
    end)
    before_each(function()
        emu.reset()
    end)
    teardown(function()
        emu.check_internal_errors()
    end)

    it("serves the same API and state over HTTPS", function()
        assert.equal("https://127.0.0.1:" .. info.tls_port, info.tls_url)
        local id = S.create_incident { title = "over http" }
        local status, _, body = emu.request("GET", S.INCIDENTS .. "/" .. id, { tls = true })
        assert.equal(200, status)
        assert.equal("over http", emu.json(body).data.attributes.title)
        local cstatus = emu.request("POST", S.PAGERDUTY, { tls = true,
            body = { service_name = "tls-svc", service_key = "k" } })
        assert.equal(201, cstatus)
        assert.equal(200, (emu.request("GET", S.pagerduty_path("tls-svc"))))
        local log = emu.requests()
        assert.equal(4, #log)
        assert.equal("POST", log[3].method)
        assert.equal(201, log[3].status)
    end)

    it("verifies with the CA file and fails without it (luasec)", function()
        assert.equal(200, (emu.request("GET", "/_emulator/health", { tls = true, cafile = info.ca_file })))
        local status, err = emu.request("GET", "/_emulator/health",
            { tls = true, cafile = "/etc/ssl/certs/ca-certificates.crt" })
        assert.is_nil(status)
        assert.truthy(tostring(err):find("certificate verify failed", 1, true), err)
    end)

    it("verifies with curl --cacert for 127.0.0.1 and localhost, and fails without it", function()
        if not os.execute("command -v curl >/dev/null 2>&1") then
            return pending("curl is not installed")
        end
        local url = info.tls_url .. S.OPSGENIE
        local code, out = curl { "--cacert", info.ca_file, url }
        assert.equal(0, code)
        assert.equal("200", out)
        local lcode, lout = curl { "--cacert", info.ca_file, "https://localhost:" .. info.tls_port .. S.OPSGENIE }
        assert.equal(0, lcode)
        assert.equal("200", lout)
        -- Without the CA: curl's "peer certificate cannot be authenticated" (60).
        local ncode = curl { "--cacert", "/etc/ssl/certs/ca-certificates.crt", url }
        assert.equal(60, ncode)
        -- A name the certificate does not carry fails too, even with the CA.
        local hcode = curl { "--cacert", info.ca_file, "--resolve",
            "api.datadoghq.com:" .. info.tls_port .. ":127.0.0.1",
            "https://api.datadoghq.com:" .. info.tls_port .. S.OPSGENIE }
        assert.equal(60, hcode)
    end)

    it("makes a CA:TRUE certificate for DNS:localhost and IP:127.0.0.1", function()
        local code, text = emu.sh("openssl x509 -noout -text -in " .. emu.shell_quote(info.ca_file))
        assert.equal(0, code)
        assert.truthy(text:find("CA:TRUE", 1, true))
        assert.truthy(text:find("DNS:localhost", 1, true))
        assert.truthy(text:find("IP Address:127.0.0.1", 1, true))
        assert.truthy(info.ca_file:find(info.prefix, 1, true) == 1, "the certificate lives in the prefix")
    end)

    it("the plain HTTP port does not speak TLS", function()
        local status, err = emu.request("GET", "/_emulator/health", { tls = true, port = info.port })
        assert.is_nil(status)
        assert.truthy(err)
    end)
end)

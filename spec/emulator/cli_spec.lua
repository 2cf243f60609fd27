-- emulator/run: start, stop, status, busy ports, missing dependencies, options, Makefile.inc.
-- These start emulators of their own (not the shared one), each on fresh ports.

local emu = require "spec.helpers.emulator"
local socket = require "socket"

local function lines(s)
    local out = {}
    for l in s:gmatch("[^\n]+") do
        out[#out + 1] = l
    end
    return out
end

local function pid_alive(pid)
    local f = io.open("/proc/" .. tostring(pid) .. "/stat")
    if not f then
        return false
    end
    local stat = f:read("a")
    f:close()
    return stat:match("%) (%a)") ~= "Z"
end

local function dir_exists(path)
    return os.execute("test -d " .. emu.shell_quote(path)) == true
end

local function file_text(path)
    local f = io.open(path)
    if not f then
        return nil
    end
    local s = f:read("a")
    f:close()
    return s
end

local function accepts(port)
    local c = socket.tcp()
    c:settimeout(1)
    local ok = c:connect("127.0.0.1", port)
    c:close()
    return ok == 1
end

local function health(port)
    emu.start()
    local status, _, body = emu.request("GET", "/_emulator/health", { port = port })
    return status, body
end

describe("emulator/run", function()
    local run_dir

    before_each(function()
        emu.start()
        -- Keep these instances out of the tree's emulator/.run (where the shared one lives).
        run_dir = os.tmpname()
        os.remove(run_dir)
        assert(os.execute("mkdir -p " .. emu.shell_quote(run_dir)))
    end)

    after_each(function()
        emu.run({ "stop" }, { EMULATOR_RUN_DIR = run_dir })
        os.execute("rm -rf " .. emu.shell_quote(run_dir))
    end)

    local function run(args, env)
        env = env or {}
        env.EMULATOR_RUN_DIR = run_dir
        return emu.run(args, env)
    end

    it("starts with one command, prints the base URL last, reports status and stops", function()
        local port = emu.free_port()
        local t0 = socket.gettime()
        local code, out, err = run { "start", "--port", port }
        assert.equal(0, code, err)
        assert.is_true(socket.gettime() - t0 < 10)
        local l = lines(out)
        assert.equal("http://127.0.0.1:" .. port, l[#l])
        local prefix = out:match("prefix: ([^\n]+)")
        local pid = tonumber(out:match("pid: (%d+)"))
        assert.truthy(prefix and pid)
        assert.is_true(pid_alive(pid))

        local status, body = health(port)
        assert.equal(200, status)
        assert.is_true(emu.json(body).ok)

        local scode, sout = run { "status", "--port", port }
        assert.equal(0, scode)
        assert.truthy(sout:find("running port=" .. port, 1, true))

        local stop_code, stop_out = run { "stop", "--port", port }
        assert.equal(0, stop_code)
        assert.truthy(stop_out:find("stopped port " .. port, 1, true))
        assert.is_false(pid_alive(pid))
        assert.is_false(accepts(port))
        assert.is_false(dir_exists(prefix), "temporary prefix is removed on stop")

        local code3, out3 = run { "status", "--port", port }
        assert.equal(3, code3)
        assert.truthy(out3:find("not running", 1, true))
    end)

    it("refuses a port already used by another emulator, quickly and clearly", function()
        local port = emu.free_port()
        assert.equal(0, (run { "start", "--port", port }))
        local t0 = socket.gettime()
        local code, out, err = run { "start", "--port", port }
        assert.equal(4, code)
        assert.equal("", out)
        assert.truthy(err:find("emulator: port " .. port .. " is already in use", 1, true))
        assert.is_true(socket.gettime() - t0 < 5)
        local status = health(port)
        assert.equal(200, status, "the first emulator keeps running")
    end)

    it("refuses a port held by some other program", function()
        local server = assert(socket.bind("127.0.0.1", 0))
        local _, port = server:getsockname()
        local code, _, err = run { "start", "--port", port }
        assert.equal(4, code)
        assert.equal("emulator: port " .. port .. " is already in use\n", err)
        local free = emu.free_port()
        local tcode, _, terr = run { "start", "--port", free, "--tls-port", port }
        server:close()
        assert.equal(4, tcode)
        assert.truthy(terr:find("port " .. port .. " is already in use", 1, true))
        assert.is_false(accepts(free), "nothing is left listening after a refused start")
    end)

    it("names the Debian package when the nginx Lua module is missing", function()
        local code, _, err = run({ "start", "--port", emu.free_port() },
            { EMULATOR_MODULES_DIR = "/nonexistent/modules" })
        assert.equal(5, code)
        assert.truthy(err:find("libnginx-mod-http-lua", 1, true))
        assert.truthy(err:find("/nonexistent/modules/ndk_http_module.so", 1, true))
    end)

    it("says so when nginx itself is missing", function()
        local code, _, err = run({ "start", "--port", emu.free_port() },
            { EMULATOR_NGINX = "/nonexistent/nginx" })
        assert.equal(5, code)
        assert.truthy(err:find("/nonexistent/nginx", 1, true))
    end)

    it("rejects bad usage with exit code 2", function()
        assert.equal(2, (run { "start", "--port", "http" }))
        assert.equal(2, (run { "start", "--port", "70000" }))
        assert.equal(2, (run { "start", "--bogus" }))
        assert.equal(2, (run { "start", "--port" }))
        assert.equal(2, (run { "start", "--port", "20000", "--tls-port", "20000" }))
        assert.equal(2, (run { "start", "--rate-period", "0" }))
        assert.equal(2, (run { "launch" }))
        assert.equal(2, (run {}))
        local code, _, err = run { "stop", "--port", "x" }
        assert.equal(2, code)
        assert.truthy(err:find("--port", 1, true))
    end)

    it("writes config, logs and certificate under --prefix and applies keys and rate limit", function()
        local prefix = os.tmpname()
        os.remove(prefix)
        local port, tls_port = emu.free_port(), emu.free_port()
        local code, out, err = run {
            "start", "--port", port, "--tls-port", tls_port, "--prefix", prefix,
            "--api-key", "cli-api-key-abcdefgh", "--app-key", "cli-app-key-12345678",
            "--rate-limit", "3", "--rate-period", "60",
        }
        assert.equal(0, code, err)
        local l = lines(out)
        assert.equal("http://127.0.0.1:" .. port, l[#l])
        assert.truthy(out:find("tls_url: https://127.0.0.1:" .. tls_port .. "\n", 1, true))
        assert.truthy(out:find("ca_file: " .. prefix .. "/cert.pem\n", 1, true))

        local conf = assert(file_text(prefix .. "/conf/nginx.conf"))
        assert.truthy(conf:find("worker_processes 1;", 1, true))
        assert.truthy(conf:find("daemon on;", 1, true))
        assert.truthy(conf:find("master_process on;", 1, true))
        assert.truthy(conf:find('load_module "/usr/lib/nginx/modules/ngx_http_lua_module.so";', 1, true))
        assert.truthy(conf:find('load_module "/usr/lib/nginx/modules/ndk_http_module.so";', 1, true))
        assert.truthy(conf:find(emu.root .. "/emulator/lua/?.lua;;", 1, true))
        assert.truthy(conf:find("error_log logs/error.log", 1, true))
        assert.truthy(file_text(prefix .. "/cert.pem"):find("BEGIN CERTIFICATE", 1, true))
        assert.truthy(file_text(prefix .. "/key.pem"))
        assert.truthy(file_text(prefix .. "/logs/error.log"))

        -- The configured keys must match exactly.
        local keys = { ["DD-API-KEY"] = "cli-api-key-abcdefgh", ["DD-APPLICATION-KEY"] = "cli-app-key-12345678" }
        local path = "/api/v2/integration/opsgenie/services"
        local s1, h1 = emu.request("GET", path, { port = port, headers = keys })
        assert.equal(200, s1)
        assert.equal("3", h1["x-ratelimit-limit"])
        assert.equal("60", h1["x-ratelimit-period"])
        local s2 = emu.request("GET", path, { port = port })   -- the shared suite's keys: wrong here
        assert.equal(403, s2)
        local s3 = emu.request("GET", path, { port = port, headers = keys })
        assert.equal(200, s3)
        local s4, h4 = emu.request("GET", path, { port = port, headers = keys })
        assert.equal(429, s4)
        assert.equal("0", h4["x-ratelimit-remaining"])
        -- The same API over HTTPS, verified with the certificate written under the prefix.
        local s5 = emu.request("GET", "/_emulator/health",
            { port = tls_port, tls = true, cafile = prefix .. "/cert.pem" })
        assert.equal(200, s5)

        assert.equal(0, (run { "stop", "--port", port }))
        assert.is_true(dir_exists(prefix), "a --prefix directory is kept")
        os.execute("rm -rf " .. emu.shell_quote(prefix))
    end)

    it("stop without --port stops every emulator it started", function()
        local p1, p2 = emu.free_port(), emu.free_port()
        assert.equal(0, (run { "start", "--port", p1 }))
        assert.equal(0, (run { "start", "--port", p2 }))
        local code, out = run { "status" }
        assert.equal(0, code)
        assert.truthy(out:find("port=" .. p1, 1, true) and out:find("port=" .. p2, 1, true))
        assert.equal(0, (run { "stop" }))
        assert.is_false(accepts(p1))
        assert.is_false(accepts(p2))
        assert.equal(3, (run { "status" }))
        local again, again_out = run { "stop" }
        assert.equal(0, again)
        assert.truthy(again_out:find("none running", 1, true))
    end)

    it("stops by itself when the --watch-pid process exits, reaped or not", function()
        -- The watched process is the child of one that never waits for it
        -- (`exec sleep`): once killed it stays a zombie, as an orphan does
        -- under a PID 1 that does not reap. Exited is gone, reaped or not.
        local pidfile = os.tmpname()
        emu.sh("nohup sh -c 'sleep 300 & echo $! >" .. emu.shell_quote(pidfile)
            .. "; exec sleep 300' >/dev/null 2>&1 </dev/null &")
        local watched
        local deadline = socket.gettime() + 10
        repeat
            watched = tonumber(file_text(pidfile) or "")
            if not watched then socket.sleep(0.01) end
        until watched or socket.gettime() > deadline
        os.remove(pidfile)
        assert.is_number(watched, "the watched process did not start")
        local parent = assert(tonumber(file_text("/proc/" .. watched .. "/stat"):match("%) %a (%d+)")))
        finally(function() emu.sh("kill " .. parent .. " " .. watched .. " 2>/dev/null") end)

        local port = emu.free_port()
        assert.equal(0, (run { "start", "--port", port, "--watch-pid", watched }))
        assert.is_true(accepts(port))
        assert.equal(0, (emu.sh("kill " .. watched)))
        deadline = socket.gettime() + 20
        while accepts(port) and socket.gettime() < deadline do
            socket.sleep(0.1)
        end
        assert.is_false(accepts(port))
        -- what the watchdog saw: the process exited and was never reaped
        local stat = assert(file_text("/proc/" .. watched .. "/stat"), "the watched process was reaped")
        assert.equal("Z", stat:match("%) (%a)"))
    end)

    it("is wrapped by make emulator / make emulator-stop (emulator/Makefile.inc)", function()
        if not os.execute("command -v make >/dev/null 2>&1") then
            return pending("make is not installed")
        end
        local port = emu.free_port()
        local mk = "EMULATOR_RUN_DIR=" .. emu.shell_quote(run_dir)
            .. " make --no-print-directory -s -C " .. emu.shell_quote(emu.root)
            .. " -f emulator/Makefile.inc"
            .. " EMULATOR_PORT=" .. port
        local code, out, err = emu.sh(mk .. " emulator")
        assert.equal(0, code, err)
        local l = lines(out)
        assert.equal("http://127.0.0.1:" .. port, l[#l])
        assert.equal(200, (health(port)))
        local scode = emu.sh(mk .. " emulator-stop")
        assert.equal(0, scode)
        assert.is_false(accepts(port))
    end)
end)

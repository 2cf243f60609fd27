-- Wrong answers taken for success: an operation that returns a body and
-- gets none (an empty 200, a 204, headers then a close with no
-- Content-Length) used to give `true` as if it had worked. Now it is an
-- error of kind "decode" with the raw body kept; only operations
-- documented to answer without a body (204 ones, PagerDuty's update) give
-- `true`. The same through every driver.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"
local R = require "spec.reliability.support"
local socket = require "socket"

local OG = "^/api/v2/integration/opsgenie/services"

local client = require("spec.helpers.client").new

local function assert_decode(res, err)
  assert.is_nil(res)
  assert.equal("decode", err.kind)
  assert.is_true(err.status == 200 or err.status == 204)
  assert.equal("", err.body)
  assert.matches("no body", err.message)
end

-- A real server in a forked copy of this process: answers each of n
-- connections with `answer` and closes.
local function raw_server(answer, n)
  local forker = R.forker()
  local srv = assert(socket.bind("127.0.0.1", 0))
  local _, port = srv:getsockname()
  local pid = forker.fork()
  if pid == 0 then
    for _ = 1, n do
      local conn = srv:accept()
      if conn then
        conn:settimeout(2)
        repeat local line = conn:receive("*l") until not line or line == ""
        conn:send(answer)
        conn:close()
      end
    end
    forker.exit(0)
  end
  srv:close()
  return "http://127.0.0.1:" .. port, pid
end

describe("a success without the body the operation returns", function()
  emu.per_spec()

  it("an empty 200 is a decode error for an operation that returns a body", function()
    emu.fault{ path = OG, count = 2, status = 200, body = "" }
    assert_decode(client():list_opsgenie_services())
    local id = S.create_incident { title = "x" }
    emu.fault{ path = "^/api/v2/incidents/", count = 1, status = 200, body = "" }
    assert_decode(client():get_incident(id))
  end)

  it("so is a 204 for an operation that answers 200 with a body", function()
    emu.fault{ path = OG, count = 1, status = 204 }
    assert_decode(client():list_opsgenie_services())
  end)

  it("so are headers followed by a close, with no Content-Length", function()
    local url, pid = raw_server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      .. "Connection: close\r\n\r\n", 1)
    local dd = datadog.new{ base_url = url, api_key = "k", app_key = "a", retry = false }
    assert_decode(dd:list_opsgenie_services())
    assert.equal(0, R.forker().wait(pid))
  end)

  it("through a transport, dd:finish, dd:start and dd:batch alike", function()
    local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
      transport = function() return { status = 200, headers = {} } end }
    assert_decode(dd:list_opsgenie_services())
    local plain = client()
    assert_decode(plain:finish("ListOpsgenieServices", 200, {}, ""))
    local call = plain:start("ListOpsgenieServices", {})
    call:step()
    local done, res, err = call:step{ status = 200, headers = {}, body = "" }
    assert.equal("done", done)
    assert_decode(res, err)
    emu.fault{ path = OG, count = 1, status = 200, body = "" }
    local r = plain:batch{ { "ListOpsgenieServices", {} }, { "ListOpsgenieServices", {} } }
    local bad = r[1][1] == nil and r[1] or r[2]
    assert_decode(bad[1], bad[2])
  end)

  it("operations documented without a body still give true", function()
    local dd = client()
    assert.is_true(assert(dd:create_pager_duty_integration_service{ service_name = "pd1",
      service_key = "key-0001" }) ~= nil)
    assert.is_true(assert(dd:update_pager_duty_integration_service("pd1", { service_key = "key-0002" })))
    assert.is_true(assert(dd:delete_pager_duty_integration_service("pd1")))
    -- a 204 operation answered 200 with nothing is still its success
    assert.is_true(assert(dd:finish("DeleteOpsgenieService", 200, {}, "")))
    assert.is_true(assert(dd:finish("DeleteOpsgenieService", 204, {}, "")))
  end)

  it("an error status without a body stays an http error", function()
    emu.fault{ path = OG, count = 1, status = 404, body = "" }
    local res, err = client():list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("http", err.kind)
    assert.equal(404, err.status)
  end)
end)

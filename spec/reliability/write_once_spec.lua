-- Writes (POST and PATCH, the methods not in retry.methods by default) reuse
-- kept-alive connections like reads, but go out at most once.
--
-- libcurl sends a request a second time, on its own and silently, when a
-- reused connection closes before any byte of the answer. The emulator's
-- close_after fault is the case that makes this dangerous: the server acts
-- on the request, then hangs up. Each test here would see two writes in the
-- emulator's log if the module let libcurl resend.
local emu = require "spec.helpers.emulator"
local socket = require "socket"


local client = require("spec.helpers.client").new

local OG = "^/api/v2/integration/opsgenie/services"

local function og_body(name)
  return { data = { type = "opsgenie-service", attributes = {
    name = name, opsgenie_api_key = "og-key-0001", region = "eu" } } }
end

local function logged(method)
  local out = {}
  for _, r in ipairs(emu.requests()) do
    if r.method == method then out[#out + 1] = r end
  end
  return out
end

-- Creates a service, then renames it with a PATCH whose connection the
-- emulator closes after acting on it.
local function rename_hung_up(dd)
  local id = assert(dd:create_opsgenie_service(og_body("before"))).data.id
  emu.clear_requests()
  emu.fault{ path = OG, method = "PATCH", action = "close_after" }
  return dd:update_opsgenie_service(id, { data = { type = "opsgenie-service",
    id = id, attributes = { name = "after" } } })
end

local function services()
  local _, body = emu.call("GET", "/api/v2/integration/opsgenie/services")
  return body.data
end

describe("writes go out at most once", function()
  emu.per_spec()

  it("a POST on a reused connection that closes after acting is not sent again", function()
    local dd = client()
    assert.is_table(dd:list_opsgenie_services()) -- opens the connection
    emu.fault{ path = OG, method = "POST", action = "close_after" }
    local res, err = dd:create_opsgenie_service(og_body("once"))
    assert.is_nil(res)
    assert.equal("network", err.kind, tostring(err))
    assert.equal(1, err.attempts)
    assert.matches("may have acted on the POST, which is sent once", tostring(err), 1, true)
    local posts = logged("POST")
    assert.equal(1, #posts)
    assert.equal(201, posts[1].applied_status)
    -- the POST did ride the GET's connection: reuse is what exposes the resend
    assert.equal(logged("GET")[1].connection, posts[1].connection)
    assert.equal(1, #services())
  end)

  it("a PATCH likewise", function()
    local dd = client()
    local res, err = rename_hung_up(dd)
    assert.is_nil(res)
    assert.equal("network", err.kind, tostring(err))
    assert.matches("PATCH, which is sent once", tostring(err), 1, true)
    assert.equal(1, #logged("PATCH"))
    assert.equal("after", services()[1].attributes.name)
  end)

  it("the connection is left alone for the next call, which opens a new one", function()
    local dd = client()
    assert.is_table(dd:list_opsgenie_services())
    emu.fault{ path = OG, method = "POST", action = "close_after" }
    assert.is_nil(dd:create_opsgenie_service(og_body("lost")))
    assert.is_table(dd:create_opsgenie_service(og_body("next")))
    local posts = logged("POST")
    assert.equal(2, #posts)
    assert.are_not.equal(posts[1].connection, posts[2].connection)
    assert.equal(2, #services())
  end)

  it("back-to-back writes share one kept-alive connection with reads", function()
    local dd = client()
    assert.is_table(dd:list_opsgenie_services())
    local created = assert(dd:create_opsgenie_service(og_body("a")))
    assert(dd:update_opsgenie_service(created.data.id, { data = { type = "opsgenie-service",
      id = created.data.id, attributes = { name = "b" } } }))
    assert.is_table(dd:list_opsgenie_services())
    local log = emu.requests()
    assert.equal(4, #log)
    for i = 2, 4 do assert.equal(log[1].connection, log[i].connection, log[i].method) end
  end)

  it("a write after more than 2 s of idleness takes a new connection; a read does not", function()
    local dd = client()
    assert.is_table(dd:list_opsgenie_services())
    socket.sleep(2.5)
    assert.is_table(dd:list_opsgenie_services())
    socket.sleep(2.5)
    assert.is_table(dd:create_opsgenie_service(og_body("late")))
    local log = emu.requests()
    assert.equal(3, #log)
    assert.equal(log[1].connection, log[2].connection)
    assert.are_not.equal(log[2].connection, log[3].connection)
  end)

  it("with PATCH in retry.methods, the resend is allowed (the caller said it is safe)", function()
    local dd = client({ retry = { max = 0, methods = { "GET", "PATCH" } } })
    local res, resp = rename_hung_up(dd)
    assert.is_table(res, tostring(resp))
    assert.equal("after", res.data.attributes.name)
    assert.equal(2, #logged("PATCH")) -- libcurl's own resend, on a new connection
  end)

  it("in a batch, the write that hit the fault fails and none is sent twice", function()
    local dd = client()
    assert.is_table(dd:list_opsgenie_services())
    local calls = {}
    for i = 1, 12 do
      calls[i] = { "CreateOpsgenieService", { body = og_body(("svc-%02d"):format(i)) } }
    end
    -- warm several connections first, so that the writes ride reused ones
    local reads = {}
    for i = 1, 4 do reads[i] = { "ListOpsgenieServices" } end
    dd:batch(reads, { concurrency = 4 })
    emu.clear_requests()
    emu.fault{ path = OG, method = "POST", action = "close_after", count = 3 }
    local out = dd:batch(calls, { concurrency = 4 })
    local failed = 0
    for i = 1, 12 do
      if out[i][1] == nil then
        failed = failed + 1
        assert.equal("network", out[i][2].kind, tostring(out[i][2]))
      end
    end
    assert.equal(12, #logged("POST"))
    assert.equal(3, failed)
    assert.equal(12, #services())
  end)
end)

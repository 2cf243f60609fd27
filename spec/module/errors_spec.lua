-- Error objects: err.errors is what Datadog sent (strings, JSON:API objects
-- or anything else), with the secrets masked; the message is one bounded
-- line that reads well for each shape; every kind of error has a list.
-- Through a Lua transport double here; spec/module/errors_emulator_spec.lua
-- covers the same against the emulator.
local datadog = require "datadog"

local API_KEY, APP_KEY = "api-key-0123456789abcdef", "app-key-fedcba9876543210"
local MAX_MESSAGE = 512 -- the documented bound of err.message (before "(after N attempts)")

-- A client whose every call gets (status, body) back, and the requests it saw.
local function answering(status, body, headers)
  local seen = {}
  local dd = datadog.new{ base_url = "http://emulator.invalid", api_key = API_KEY,
    app_key = APP_KEY, unstable = true, retry = false,
    transport = function(req)
      seen[#seen + 1] = req
      return { status = status, headers = headers or { ["Content-Type"] = "application/json" },
               body = body }
    end }
  return dd, seen
end

local function fail_with(status, body)
  local dd = answering(status, body)
  local res, err = dd:get_incident("00000000-0000-0000-0000-000000000000")
  assert.is_nil(res)
  assert.is_true(datadog.is_error(err))
  return err
end

-- What the body's "errors" decodes to, the way the module decodes it.
local function sent(body)
  return datadog.decode(body).errors
end

local function assert_one_line(err)
  local text = tostring(err)
  assert.is_nil(text:find("[%c]"), "control character in: " .. text)
  assert.truthy(#err.message <= MAX_MESSAGE, #err.message .. " bytes: " .. err.message)
  assert.truthy(utf8.len(err.message), "invalid UTF-8 in: " .. err.message)
  return text
end

describe("err.errors", function()
  it("keeps JSON:API error objects as Datadog sent them", function()
    local body = '{"errors":[{"title":"Generic Error","detail":"incident integration doesn\'t exist"}]}'
    local err = fail_with(404, body)
    assert.same(sent(body), err.errors)
    assert.equal("Generic Error", err.errors[1].title)
    assert.equal("datadog: GetIncident: HTTP 404 Not Found: Generic Error: "
      .. "incident integration doesn't exist", assert_one_line(err))
  end)

  it("keeps every member of an object: status, title, detail, source, meta", function()
    local body = '{"errors":[{"status":"400","title":"Bad Request","detail":"title is required",'
      .. '"source":{"pointer":"/data/attributes/title"},"meta":{"trace":["a",1,null]}}]}'
    local err = fail_with(400, body)
    assert.same(sent(body), err.errors)
    assert.equal("/data/attributes/title", err.errors[1].source.pointer)
    assert.equal(datadog.null, err.errors[1].meta.trace[3])
    -- the title only repeats "Bad Request"; the source says where
    assert.equal("HTTP 400 Bad Request: title is required (pointer /data/attributes/title)",
      err.message)
  end)

  it("does not repeat the reason when an object says nothing more", function()
    local err = fail_with(404, '{"errors":[{"status":"404","title":"Not Found"}]}')
    assert.equal("HTTP 404 Not Found", err.message)
    assert.equal("404", err.errors[1].status)
    err = fail_with(404, '{"errors":[{"status":"404","title":"not found","detail":"Not Found"}]}')
    assert.equal("HTTP 404 Not Found", err.message)
    err = fail_with(404, '{"errors":[{"status":"404","title":"Not Found","detail":"no such incident"}]}')
    assert.equal("HTTP 404 Not Found: no such incident", err.message)
  end)

  it("names a query parameter or header source", function()
    local err = fail_with(400, '{"errors":[{"title":"Invalid","detail":"too large",'
      .. '"source":{"parameter":"page[size]"}},{"title":"Missing","source":{"header":"DD-API-KEY"}}]}')
    assert.equal("HTTP 400 Bad Request: Invalid: too large (parameter page[size]); "
      .. "Missing (header DD-API-KEY)", err.message)
  end)

  it("leaves out a string that only repeats the reason", function()
    local err = fail_with(403, '{"errors":["Forbidden"]}')
    assert.same({ "Forbidden" }, err.errors)
    assert.equal("HTTP 403 Forbidden", err.message)
    err = fail_with(403, '{"errors":["forbidden","Forbidden: key revoked"]}')
    assert.equal("HTTP 403 Forbidden: Forbidden: key revoked", err.message)
  end)

  it("keeps strings as strings", function()
    local err = fail_with(404, '{"errors":["Service not found."]}')
    assert.same({ "Service not found." }, err.errors)
    assert.equal("HTTP 404 Not Found: Service not found.", err.message)
  end)

  it("keeps a mixed list whole and reads every item sensibly", function()
    local body = '{"errors":["plain",{"title":"Conflict","detail":"name taken"},42,true,null,'
      .. '[1,"two"],{"code":"E1"},{"other":"shape"},{},""]}'
    local err = fail_with(409, body)
    assert.same(sent(body), err.errors)
    assert.equal(10, #err.errors)
    -- the title repeats the reason; null, an empty object's JSON:API members
    -- and an empty string say nothing and are skipped
    assert.equal('HTTP 409 Conflict: plain; name taken; 42; true; [1,"two"]; '
      .. '{"other":"shape"}; {}', err.message)
  end)

  it("turns an errors value that is not a list into a one-item list", function()
    for _, case in ipairs{
      { '{"errors":"Service not found."}', "Service not found." },
      { '{"errors":{"title":"Generic Error","detail":"gone"}}', "Generic Error: gone" },
      { '{"errors":7}', "7" },
      { '{"errors":false}', "false" },
    } do
      local err = fail_with(400, case[1])
      assert.equal(1, #err.errors)
      assert.same(sent(case[1]), err.errors[1])
      assert.equal("HTTP 400 Bad Request: " .. case[2], err.message)
    end
  end)

  it("is an empty list when the body has no errors to give", function()
    for _, body in ipairs{ '{"errors":null}', '{"message":"x"}', '[1,2,3]', '"text"', '<html>502</html>',
                           '', '{"errors":[]}' } do
      local err = fail_with(502, body)
      assert.same({}, err.errors, body)
      assert.is_nil(err.errors[1])
      assert.equal("HTTP 502 Bad Gateway", err.message, body)
      -- a list, so it prints and encodes as []
      assert.equal("[]", datadog.encode(err.errors))
    end
  end)

  it("survives deeply nested junk", function()
    local depth = 90
    local body = '{"errors":[' .. string.rep("[", depth) .. '"deep"' .. string.rep("]", depth)
      .. ',{"meta":' .. string.rep('{"a":', depth) .. '1' .. string.rep("}", depth) .. '}]}'
    local err = fail_with(400, body)
    assert.same(sent(body), err.errors)
    assert.matches('^HTTP 400 Bad Request: %[%[%[', err.message)
    assert_one_line(err)
  end)
end)

describe("the error's message", function()
  it("stays one line whatever the server wrote", function()
    -- as the module shows any outside text in a message: escaped, not dropped
    local err = fail_with(400, '{"errors":["first\\nsecond\\r\\n\\tthird",'
      .. '{"title":"A\\u0000B","detail":"x\\u001by"},"bad \255 byte"]}')
    assert_one_line(err)
    assert.equal([[HTTP 400 Bad Request: first\nsecond\r\n\tthird; A\x00B: x\x1By; bad \xFF byte]],
      err.message)
    assert.equal("first\nsecond\r\n\tthird", err.errors[1])
    assert.equal("bad \255 byte", err.errors[3])
  end)

  it("cuts a huge item at a character boundary and still shows the next", function()
    local huge = string.rep("é", 5000)
    local body = '{"errors":["' .. huge .. '",{"detail":"' .. string.rep("z", 9000) .. '"},"last"]}'
    local err = fail_with(400, body)
    assert.equal(huge, err.errors[1])
    assert_one_line(err)
    local first, second, third = err.message:match("^HTTP 400 Bad Request: ([^.]+)%.%.%.; (z+)%.%.%.; (.*)$")
    assert.truthy(first, err.message)
    assert.equal(first, string.rep("é", utf8.len(first)))
    assert.truthy(#first >= 150 and #first <= 200 and #second >= 150 and #second <= 200, err.message)
    assert.equal("last", third)
  end)

  it("counts the items it had no room for", function()
    local items = {}
    for i = 1, 300 do items[i] = ('"problem %d with field_%d"'):format(i, i) end
    local err = fail_with(400, '{"errors":[' .. table.concat(items, ",") .. ']}')
    assert.equal(300, #err.errors)
    assert_one_line(err)
    local shown = select(2, err.message:gsub("problem %d+", ""))
    local more = tonumber(err.message:match(" %(%+(%d+) more%)$"))
    assert.truthy(shown > 5 and more, err.message)
    assert.equal(300, shown + more)
    assert.not_matches("%.%.%.", err.message) -- whole items only, then the count
  end)
end)

describe("secrets in error bodies", function()
  it("are masked in every string of every shape, keys included", function()
    local body = ('{"errors":["bad key %s",{"title":"Forbidden %s","detail":"app %s",'
      .. '"source":{"header":"%s"},"meta":{"%s":["%s",{"k":"%s"}]}},[["%s"]]]}')
      :format(API_KEY, APP_KEY, API_KEY, APP_KEY, API_KEY, APP_KEY, API_KEY, APP_KEY)
    local err = fail_with(403, body)
    local seen = datadog.encode(err.errors) .. err.message .. tostring(err) .. err.body
    assert.not_matches(API_KEY, seen, 1, true)
    assert.not_matches(APP_KEY, seen, 1, true)
    assert.equal("bad key ****", err.errors[1])
    assert.equal("Forbidden ****", err.errors[2].title)
    assert.same({ "****", { k = "****" } }, err.errors[2].meta["****"])
    assert.equal("****", err.errors[3][1][1])
  end)

  it("mask a secret body value (a PagerDuty service_key) inside objects", function()
    local service_key = "pd-service-key-77778888"
    local dd = answering(400, ('{"errors":[{"title":"Bad key","detail":"key %s refused"}]}')
      :format(service_key))
    local _, err = dd:create_pager_duty_integration_service{ service_name = "svc",
      service_key = service_key }
    assert.equal("key **** refused", err.errors[1].detail)
    assert.equal("HTTP 400 Bad Request: Bad key: key **** refused", err.message)
  end)

  it("never leave part of a key at a cut", function()
    -- the key straddles the place where a long item is cut
    for pad = 180, 200 do
      local err = fail_with(400, ('{"errors":["%s%s tail"]}'):format(string.rep("x", pad), API_KEY))
      assert.not_matches(API_KEY:sub(1, 6), err.message, 1, true)
      assert_one_line(err)
    end
  end)
end)

describe("every error has an errors list", function()
  it("for transport failures of every kind", function()
    for _, kind in ipairs{ "timeout", "connect", "tls", "network", "too_large" } do
      local dd = datadog.new{ base_url = "http://x", api_key = API_KEY, app_key = APP_KEY,
        retry = false, transport = function() return nil, { kind = kind, message = "failed" } end }
      local _, err = dd:list_opsgenie_services()
      assert.equal(kind, err.kind)
      assert.same({}, err.errors)
      assert.is_nil(err.errors[1])
    end
  end)

  it("for a transport that raises, and for a 200 that is not JSON", function()
    local dd = datadog.new{ base_url = "http://x", api_key = API_KEY, app_key = APP_KEY,
      retry = false, transport = function() error("boom") end }
    local _, err = dd:list_opsgenie_services()
    assert.equal("network", err.kind)
    assert.same({}, err.errors)
    local _, derr = answering(200, "{not json"):list_opsgenie_services()
    assert.equal("decode", derr.kind)
    assert.same({}, derr.errors)
  end)

  it("through dd:finish and dd:batch too", function()
    local body = '{"errors":[{"status":"404","title":"Not Found","detail":"gone"}]}'
    local dd = answering(404, body)
    local _, ferr = dd:finish("GetIncident", 404, {}, body)
    assert.same(sent(body), ferr.errors)
    assert.equal("HTTP 404 Not Found: gone", ferr.message)
    local results = dd:batch{ { "GetIncident", { incident_id = "a" } },
                              { "GetIncident", { incident_id = "b" } } }
    for _, r in ipairs(results) do
      assert.same(sent(body), r[2].errors)
      assert.equal("HTTP 404 Not Found: gone", r[2].message)
    end
  end)
end)

describe("errors from the emulator", function()
  local emu = require "spec.helpers.emulator"
  local dd, info

  setup(function()
    info = emu.start()
    dd = datadog.new{ base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
      unstable = true, retry = false }
  end)
  before_each(function() emu.reset() end)
  after_each(function() emu.check_internal_errors() end)

  it("reads an unknown incident's bare 404 object", function()
    local res, err = dd:get_incident("00000000-0000-4000-8000-000000000000")
    assert.is_nil(res)
    assert.same(datadog.decode(err.body).errors, err.errors)
    assert.equal("404", err.errors[1].status)
    assert.equal("application/vnd.api+json", err.headers["content-type"])
    assert.equal("datadog: GetIncident: HTTP 404 Not Found", tostring(err))
  end)

  it("reads a Generic Error as Datadog wrote it", function()
    local incident = assert(dd:create_incident(datadog.incident{ title = "errors",
      customer_impacted = false })).data.id
    local _, err = dd:delete_incident_integration(incident, "00000000-0000-4000-8000-000000000000")
    assert.equal("Generic Error", err.errors[1].title)
    assert.equal("datadog: DeleteIncidentIntegration: HTTP 404 Not Found: Generic Error: "
      .. "incident integration doesn't exist", tostring(err))
  end)

  it("says which member of the body was refused", function()
    local unchecked = datadog.new{ base_url = info.base_url, api_key = info.api_key,
      app_key = info.app_key, unstable = true, validate = false }
    local _, err = unchecked:create_incident{ data = { type = "incidents",
      attributes = { title = 7, customer_impacted = false } } }
    assert.equal(400, err.status)
    assert.equal("/data/attributes/title", err.errors[1].source.pointer)
    assert.equal("HTTP 400 Bad Request: data.attributes.title: must be a string "
      .. "(pointer /data/attributes/title)", err.message)
  end)

  it("keeps Opsgenie's strings", function()
    local _, err = dd:get_opsgenie_service("00000000-0000-4000-8000-000000000000")
    assert.same({ "Opsgenie service not found" }, err.errors)
    assert.equal("HTTP 404 Not Found: Opsgenie service not found", err.message)
  end)

  it("reads a mixed, malformed list served over HTTP", function()
    local body = '{"errors":["one",{"title":"Two","detail":"2"},3,[4],{"status":"500"},null]}'
    emu.fault{ path = "^/api/v2/incidents$", status = 500, body = body }
    local _, err = dd:list_incidents()
    assert.same(datadog.decode(body).errors, err.errors)
    assert.equal("HTTP 500 Internal Server Error: one; Two: 2; 3; [4]", err.message)
  end)
end)

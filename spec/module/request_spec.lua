-- dd:request(method, path, opts): an endpoint the operation table does not have, with the
-- client's keys, retries, masking, decoding and error objects, against the emulator; and
-- every way a path could leave its segment, refused before anything is sent.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local info

local function client(extra)
  local opts = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
                 retry = { base = 0.001 } }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts)
end

local OG = "/api/v2/integration/opsgenie/services"

local function create(dd, name)
  local res = assert(dd:request("POST", OG, { body = { data = { type = "opsgenie-service",
    attributes = { name = name, opsgenie_api_key = "og-secret-key-77", region = "us" } } },
    secrets = { "og-secret-key-77" } }))
  return res.data.id
end

describe("dd:request", function()
  info = emu.per_spec()

  it("reaches an endpoint by method and path, as the operation would", function()
    local dd = client()
    local id = create(dd, "raw one")
    local res, resp = dd:request("GET", OG .. "/{integration_service_id}",
      { params = { integration_service_id = id } })
    local same = assert(dd:get_opsgenie_service(id))
    assert.same(same, res)
    assert.equal(200, resp.status)
    assert.equal(1, resp.attempts)
    local log = emu.requests()
    assert.equal("POST", log[1].method)
    assert.equal(log[2].path, log[3].path)
    assert.equal("application/json", log[2].headers.accept)
  end)

  it("a 404 is an error object naming the method and path template", function()
    local res, err = client():request("GET", OG .. "/{id}", { params = { id = "missing" } })
    assert.is_nil(res)
    assert.is_true(datadog.is_error(err))
    assert.equal(404, err.status)
    assert.equal("GET " .. OG .. "/{id}", err.operation)
    assert.matches("^datadog: GET /api/v2/integration/opsgenie/services/{id}: HTTP 404", tostring(err))
  end)

  it("is retried as the method is (503 on a GET)", function()
    emu.fault{ path = "^" .. OG, count = 2, status = 503 }
    local res, resp = client():request("GET", OG)
    assert.is_table(res, tostring(resp))
    assert.equal(3, resp.attempts)
  end)

  it("encodes path values whole and the query by key", function()
    local dd = client()
    dd:request("GET", OG .. "/{id}", { params = { id = "a/b ?#.." },
      query = { ["filter[name]"] = "x y", include = { "a", "b" }, deleted = false, n = 5 } })
    local r = emu.requests()[1]
    assert.equal(OG .. "/a%2Fb%20%3F%23..", r.path)
    assert.equal("deleted=false&filter%5Bname%5D=x%20y&include=a,b&n=5", r.query)
    dd:request("GET", OG .. "/{id}", { params = { id = ".." } })
    assert.equal(OG .. "/%2E%2E", emu.requests()[2].path)
  end)

  it("masks the keys and the secrets it is given", function()
    local lines = {}
    local dd = client{ debug = function(l) lines[#lines + 1] = l end }
    emu.fault{ path = "^" .. OG, count = 1, status = 400,
      body = '{"errors":["bad key og-secret-key-77 for ' .. info.api_key .. '"]}' }
    local res, err = dd:request("POST", OG, { body = { data = { attributes = {
      opsgenie_api_key = "og-secret-key-77" } } }, secrets = { "og-secret-key-77" } })
    assert.is_nil(res)
    for _, s in ipairs({ err.message, err.body, tostring(err), table.concat(lines, "\n") }) do
      assert.not_matches("og-secret-key-77", s, 1, true)
      assert.not_matches(info.api_key, s, 1, true)
    end
    assert.matches("****", err.message, 1, true)
  end)

  it("runs from Lua too: dd:start_request", function()
    local dd = client()
    local call = dd:start_request("GET", OG)
    local what, req = call:step()
    assert.equal("send", what)
    assert.equal(info.base_url .. OG, req.url)
    assert.equal(info.api_key, req.headers["DD-API-KEY"])
  end)

  describe("refuses, naming what is wrong, before anything is sent", function()
    local cases = {
      { "no leading slash", { "GET", "api/v2/x" }, "path must start with /" },
      { "a .. segment", { "GET", "/api/v2/../v1/x" }, "'.' or '..' segment" },
      { "an encoded .. segment", { "GET", "/api/v2/%2E%2e/x" }, "'.' or '..' segment" },
      { "a trailing ..", { "GET", "/api/v2/.." }, "'.' or '..' segment" },
      { "an empty segment", { "GET", "/api//x" }, "empty, '.' or '..' segment" },
      { "a query in the path", { "GET", "/api/v2/x?a=1" }, "pass query parameters as opts.query" },
      { "a fragment", { "GET", "/api/v2/x#y" }, "query or fragment" },
      { "a space", { "GET", "/api/v2/x y" }, "must be percent-encoded (0x20)" },
      { "CR LF", { "GET", "/api/v2/x\r\nHost: evil" }, "must be percent-encoded (0x0D)" },
      { "a bad escape", { "GET", "/api/v2/%zz" }, "not a percent-escape" },
      { "a NUL", { "GET", "/api/v2/x\0y" }, "path holds a NUL byte" },
      { "an unknown method", { "TRACE", "/api" }, "method must be GET, POST, PUT, PATCH or DELETE" },
      { "a missing param", { "GET", "/api/{id}" }, "path parameter id is not in opts.params" },
      { "an unused param", { "GET", "/api/{id}", { params = { id = "1", idd = "2" } } },
        "opts.params has 1 value the path does not name" },
      { "a param inside a segment", { "GET", "/api/x{id}", { params = { id = "1" } } },
        "must be a whole segment" },
      { "a param not a string", { "GET", "/api/{id}", { params = { id = 5 } } },
        "request: id must be a string (got number)" },
      { "an empty param", { "GET", "/api/{id}", { params = { id = "" } } },
        "request: id must not be empty" },
      { "a GET body", { "GET", "/api/x", { body = {} } }, "a GET takes no body" },
      { "a body that is not JSON", { "POST", "/api/x", { body = "{x" } }, "sent as raw JSON" },
      { "a body with a cycle", { "POST", "/api/x", { body = (function()
        local t = {}
        t.self = t
        return t
      end)() } }, "request: body.self" },
      { "a misspelt option", { "GET", "/api/x", { querry = {} } }, "unknown option 'querry'" },
      { "a query value of a wrong type", { "GET", "/api/x", { query = { a = {} , b = print } } },
        "query b must be a string, number, boolean" },
      { "a NaN query value", { "GET", "/api/x", { query = { a = 0 / 0 } } }, "finite number" },
    }
    for _, c in ipairs(cases) do
      local name, args, want = c[1], c[2], c[3]
      it(name, function()
        local dd = client()
        local ok, err = pcall(dd.request, dd, table.unpack(args, 1, 3))
        assert.is_false(ok)
        assert.matches(want, err, 1, true)
        assert.not_matches("[\r\n]", err)
        assert.equal(0, #emu.requests())
      end)
    end
  end)
end)

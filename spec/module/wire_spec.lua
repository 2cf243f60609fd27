-- Same request as the official client, for every operation: each of the 105
-- goes through Datadog's official TypeScript client (node, the pinned
-- package: scripts/gen-ops) and through this module (libcurl), each to a
-- server on 127.0.0.1 that keeps what it received (scripts/gen-ops/wire.js),
-- with awkward inputs: '/', '..', spaces, '?', '#', UTF-8, '%', "!'()*" in
-- path parameters, csv and bracketed query parameters, empty lists. Compared:
-- method, path, query, body, and the headers that matter.
--
-- Where the bytes differ on purpose, both sides are read the way a server
-- reads them before comparing:
-- * path: the official client leaves ! ( ) * as they are (encodeURIComponent);
--   this module encodes them. Everything else byte for byte.
-- A path parameter of ".." differs on purpose, and is checked on its own: the
-- official client sends it as it is, and the URL it makes resolves it (an
-- incident_id of ".." deletes /api/v2/); this module sends %2E%2E.
-- * query: the official client writes the query as a form (space as '+',
--   '~' as %7E); the pairs, in order, decoded, must be equal.
-- * body: the same JSON value; for the operations the first table did not
--   have, the same bytes (their fields go in the package's order).
local datadog = require "datadog"
local helpmod = require "datadog.help"
local R = require "spec.reliability.support"
local official_client = require "spec.helpers.official_client"

local DIR = R.q(official_client.dir)

local AWKWARD = { "a/b c", "x?y#z%41", "caf\xC3\xA9 (new)!*'", "~tilde_-.", "..x" }

local function query_value(q, i)
  if q.type == "boolean" then return i % 2 == 0 end
  if q.type == "integer" then return 10 + i end
  if q.type == "csv" then
    if q.enum then return { q.enum[1], q.enum[#q.enum] } end
    return { "a b", "c~d" }
  end
  return q.enum and q.enum[#q.enum] or "state:active & x=1+2 ~"
end

local function cases()
  local list = {}
  for _, op in ipairs(datadog.operations()) do
    local params = {}
    for i, p in ipairs(op.path_params) do params[p] = AWKWARD[(i + #list) % #AWKWARD + 1] end
    for i, q in ipairs(op.query_params) do params[q.name] = query_value(q, i) end
    if op.body then params.body = helpmod.example_body(op.id) end
    list[#list + 1] = { id = op.id, params = params }
  end
  list[#list + 1] = { id = "DeleteIncident", params = { incident_id = ".." } }
  -- a required field whose type is nullable, null: the official examples
  -- "remove commander from an incident" and a declaring user left unset
  local null_user = { data = datadog.null }
  list[#list + 1] = { id = "UpdateIncident", params = { incident_id = "i-1", body = { data = {
    id = "i-1", type = "incidents", relationships = { commander_user = null_user } } } } }
  list[#list + 1] = { id = "CreateIncident", params = { body = { data = { type = "incidents",
    attributes = { title = "t", customer_impacted = false },
    relationships = { commander_user = null_user, declared_by_user = null_user } } } } }
  list[#list + 1] = { id = "ImportIncident", params = { body = { data = { type = "incidents",
    attributes = { title = "t" }, relationships = { declared_by_user = null_user } } } } }
  -- an OAuth2 token instead of the keys (issue 27): the official client's AuthZ
  list[#list + 1] = { id = "GetIncident", params = { incident_id = "i-2" },
    auth = { accessToken = "wire-token-0000000001" } }
  return list
end

-- The cases after the one per operation: their index in cases().
local NULLABLE = { 107, 108, 109 }
local TOKEN = 110

-- %21 %28 %29 %2A as the characters themselves.
local function path_canon(p)
  return (p:gsub("%%(2[189Aa])", function(h) return string.char(tonumber(h, 16)) end))
end

-- A query as its list of decoded "key=value" pairs, in order.
local function query_pairs(q)
  local out = {}
  for pair in (q or ""):gmatch("[^&]+") do
    out[#out + 1] = (pair:gsub("+", " "):gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
  end
  return out
end

local function split(target)
  local path, query = target:match("^([^?]*)%??(.*)$")
  return path, query
end

local HEADERS = { "accept", "content-type", "dd-api-key", "dd-application-key", "accept-encoding" }

describe("the wire, against the official client", function()
  local why = official_client.missing()
  if why then
    pending("sends what the official client sends for every operation: " .. why)
    return
  end

  local list = cases()
  local official, ours = {}, {}

  setup(function()
    local dir = R.tmpdir()
    R.write(dir .. "/cases.json", datadog.encode(list))
    -- the official client, against its own capturing server
    local p = assert(io.popen("cd " .. DIR .. " && node wire.js official " .. R.q(dir .. "/cases.json") .. " 2>&1"))
    local text = p:read("a")
    assert(p:close(), text)
    official = datadog.decode(text)
    -- this module, against a capturing server of the same script
    local portfile, log = dir .. "/port", dir .. "/log.json"
    os.execute("cd " .. DIR .. " && (node wire.js serve " .. R.q(portfile) .. " " .. R.q(log) .. " &)")
    local port
    for _ = 1, 200 do
      port = R.read(portfile)
      if port and port ~= "" then break end
      os.execute("sleep 0.05")
    end
    assert(port, "the capturing server did not start")
    local dd = datadog.new{ base_url = "http://127.0.0.1:" .. port, api_key = "wire-api-key",
      app_key = "wire-app-key", unstable = true, retry = false }
    -- the token's case: a client with a token and no keys, headers of its own, a
    -- product token, and a header of the call's own
    local with_token = datadog.new{ base_url = "http://127.0.0.1:" .. port, retry = false,
      unstable = true, access_token = "wire-token-0000000001",
      headers = { ["X-Team"] = "wire" }, user_agent = "wire-bot/1.0" }
    for _, c in ipairs(list) do
      local res, err
      if c.auth then
        res, err = with_token:call(c.id, c.params, { headers = { ["X-Request-Id"] = "wire-1" } })
      else
        res, err = dd:call(c.id, c.params)
      end
      assert(res or err.kind == "http", tostring(err))
    end
    dd:close()
    with_token:close()
    os.execute("curl -s -o /dev/null http://127.0.0.1:" .. port .. "/__quit")
    local seen
    for _ = 1, 200 do
      seen = R.read(log)
      if seen then break end
      os.execute("sleep 0.05")
    end
    seen = datadog.decode(assert(seen, "no log from the capturing server"))
    assert.equal(#list, #seen)
    ours = seen
    R.rmdir(dir)
  end)

  it("sent all 105 both ways", function()
    assert.equal(110, #list)
    for i, c in ipairs(list) do
      assert.equal(c.id, official[i].id)
      assert.is_table(official[i].request, c.id .. ": " .. tostring(official[i].error))
      assert.is_table(ours[i], c.id)
    end
  end)

  it("keeps a path parameter of '..' in its segment, where the official client does not", function()
    assert.equal("/api/v2/", official[106].request.target)
    assert.equal("/api/v2/incidents/%2E%2E", ours[106].target)
  end)

  it("sends a null where a required field's type is nullable, as the official client does", function()
    for _, i in ipairs(NULLABLE) do
      local a, b = official[i].request, ours[i]
      assert.is_table(a, list[i].id .. ": " .. tostring(official[i].error))
      assert.equal(a.method, b.method)
      assert.equal(a.target, b.target)
      assert.same(datadog.decode(a.body), datadog.decode(b.body))
      assert.matches('"data":null', b.body, 1, true)
    end
  end)

  it("sends a token as the official client does, and the headers and product token given", function()
    local a, b = official[TOKEN].request, ours[TOKEN]
    assert.is_table(a, tostring(official[TOKEN].error))
    assert.equal("Bearer wire-token-0000000001", a.headers.authorization)
    assert.equal(a.headers.authorization, b.headers.authorization)
    assert.equal(a.target, b.target)
    assert.is_nil(b.headers["dd-api-key"]) -- a token stands for the keys
    assert.is_nil(b.headers["dd-application-key"])
    assert.equal("wire", b.headers["x-team"])      -- the client's headers option
    assert.equal("wire-1", b.headers["x-request-id"]) -- the call's own
    assert.matches("^datadog%-api%-client%-lua/[%d.]+ %(.-%) wire%-bot/1%.0$", b.headers["user-agent"])
  end)

  for i, op in ipairs(datadog.operations()) do
    it(op.id .. ": method, path, query, body and headers", function()
      local a, b = official[i].request, ours[i]
      assert.equal(a.method, b.method)
      local pa, qa = split(a.target)
      local pb, qb = split(b.target)
      assert.equal(path_canon(pa), path_canon(pb))
      assert.same(query_pairs(qa), query_pairs(qb))
      if a.body == "" then
        assert.equal("", b.body)
      else
        assert.same(datadog.decode(a.body), datadog.decode(b.body))
        if i > 24 then assert.equal(a.body, b.body) end
      end
      for _, h in ipairs(HEADERS) do
        local va, vb = a.headers[h], b.headers[h]
        assert.equal(va, vb, op.id .. " " .. h)
      end
    end)
  end
end)

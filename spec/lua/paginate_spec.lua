-- Auto-pagination (lua/datadog/paginate.lua) against the emulator: every
-- item once, pages fetched only when needed, the end found from a short or
-- empty page, a failed page raised, misuse raised before anything is sent.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"


local client = require("spec.helpers.client").new

-- n new incidents (their ids, in list order), with the request log cleared.
local function incidents(n)
  local ids = S.create_incidents(n)
  emu.clear_requests()
  return ids
end

-- The (page[offset], page[size]) of every ListIncidents request so far.
local function pages()
  local out = {}
  for _, r in ipairs(emu.requests()) do
    assert.equal("/api/v2/incidents", r.path)
    if r.status ~= 0 then -- 0: closed by a fault, without an answer
      out[#out + 1] = { tonumber(r.args["page[offset]"]), tonumber(r.args["page[size]"]) }
    end
  end
  return out
end

local function ids_of(iter)
  local ids = {}
  for item in iter do ids[#ids + 1] = item.id end
  return ids
end

-- page offsets from..to by step, each with size
local function expected_pages(from, to, step, size)
  local out = {}
  for o = from, to, step do out[#out + 1] = { o, size } end
  return out
end

describe("pagination", function()
  emu.per_spec()

  it("yields each of 57 incidents once, in pages of 10, and stops on the short page", function()
    local ids = incidents(57)
    local dd = client()
    assert.same(ids, ids_of(dd:list_incidents_with_pagination{ page_size = 10 }))
    assert.same(expected_pages(0, 50, 10, 10), pages())
  end)

  it("asks for the next page only when the loop needs it", function()
    incidents(12)
    local next_item = client():list_incidents_with_pagination{ page_size = 5 }
    assert.equal(0, #emu.requests(), "nothing sent before the first item is asked for")
    for i = 1, 5 do
      assert.is_table(next_item())
      assert.equal(1, #emu.requests(), "item " .. i)
    end
    assert.is_table(next_item())
    assert.equal(2, #emu.requests())
    for _ = 7, 12 do assert.is_table(next_item()) end
    assert.is_nil(next_item())
    assert.is_nil(next_item(), "and stays ended")
    assert.equal(3, #emu.requests())
  end)

  it("reads one empty page past an exact multiple of the page size", function()
    local ids = incidents(30)
    assert.same(ids, ids_of(client():list_incidents_with_pagination{ page_size = 10 }))
    assert.same(expected_pages(0, 30, 10, 10), pages())
  end)

  it("ends at once on an empty list", function()
    local n = 0
    for _ in client():list_incidents_with_pagination() do n = n + 1 end
    assert.equal(0, n)
    assert.same({ { 0, 10 } }, pages(), "the API's default size, sent explicitly")
  end)

  it("starts at page_offset and keeps the other parameters on every page", function()
    local ids = incidents(22)
    local got = {}
    for item in client():list_incidents_with_pagination{ page_offset = 15, page_size = 4,
        include = "users" } do
      got[#got + 1] = item.id
    end
    assert.same({ table.unpack(ids, 16) }, got)
    assert.same({ { 15, 4 }, { 19, 4 } }, pages())
    for _, r in ipairs(emu.requests()) do assert.equal("users", r.args.include) end
  end)

  it("is the same through dd:paginate, by id or method name", function()
    local ids = incidents(7)
    local dd = client()
    assert.same(ids, ids_of(dd:paginate("ListIncidents", { page_size = 3 })))
    assert.same(ids, ids_of(dd:paginate("list_incidents", { page_size = 3 })))
    assert.same(ids, ids_of(dd:paginate("v2.ListIncidents")))
  end)

  describe("a failed page", function()
    it("raises its error object, which the loop cannot take for the end", function()
      local ids = incidents(35)
      local dd, seen = client(), {}
      local ok, err = pcall(function()
        for item in dd:list_incidents_with_pagination{ page_size = 10 } do
          seen[#seen + 1] = item.id
          if #seen == 20 then
            emu.fault{ path = "^/api/v2/incidents$", status = 503 }
          end
        end
      end)
      assert.is_false(ok)
      assert.is_true(datadog.is_error(err))
      assert.equal("http", err.kind)
      assert.equal(503, err.status)
      assert.equal(20, err.page_offset)
      assert.same({ table.unpack(ids, 1, 20) }, seen)
      assert.matches("^datadog: ListIncidents: HTTP 503", tostring(err))
    end)

    it("is fetched again when the iterator is called again", function()
      local ids = incidents(15)
      local next_item = client():list_incidents_with_pagination{ page_size = 10 }
      local seen = {}
      for _ = 1, 10 do seen[#seen + 1] = next_item().id end
      -- twice: libcurl sends a GET again on its own when a reused connection drops
      emu.fault{ path = "^/api/v2/incidents$", action = "close_before", count = 2 }
      local ok, err = pcall(next_item)
      assert.is_false(ok)
      assert.equal("network", err.kind)
      assert.equal(10, err.page_offset)
      emu.clear_faults()
      for item in next_item do seen[#seen + 1] = item.id end
      assert.same(ids, seen)
      assert.same({ { 0, 10 }, { 10, 10 } }, pages())
    end)

    it("raises when a page holds no list of items", function()
      incidents(3)
      emu.fault{ path = "^/api/v2/incidents$", status = 200, body = '{"data":{"id":"x"}}' }
      local ok, err = pcall(function()
        for _ in client():list_incidents_with_pagination() do end
      end)
      assert.is_false(ok)
      assert.equal("decode", err.kind)
      assert.equal(0, err.page_offset)
      assert.same({}, err.errors)
      assert.equal("datadog: ListIncidents: the page at offset 0 has no list at data", tostring(err))
    end)
  end)

  describe("misuse raises before anything is sent", function()
    local dd
    before_each(function() dd = client() end)
    after_each(function() assert.equal(0, #emu.requests()) end)

    it("for an operation that is not paginated, or unknown", function()
      assert.error_matches(function() dd:paginate("GetIncident", { incident_id = "x" }) end,
        "datadog: GetIncident is not paginated (paginated: ListIncidents", 1, true)
      assert.error_matches(function() dd:paginate("ListIncidnts") end,
        "unknown operation 'ListIncidnts'; did you mean 'ListIncidents'?", 1, true)
    end)

    it("for bad parameters, named at the caller's line", function()
      -- the position is the error object's where
      local ok, err = pcall(function() dd:list_incidents_with_pagination{ page_size = 0 } end)
      assert.is_false(ok)
      assert.matches("paginate_spec%.lua:%d+$", err.where)
      assert.equal("page_size", err.field)
      assert.matches("^datadog: ListIncidents: page_size must be "
        .. "at least 1 to paginate %(got 0%)$", tostring(err))
      ok, err = pcall(function() dd:list_incidents_with_pagination{ page_sise = 5 } end)
      assert.is_false(ok)
      assert.matches("paginate_spec%.lua:%d+$", err.where)
      assert.matches("^datadog: ListIncidents: unknown parameter "
        .. "'page_sise'; did you mean 'page_size'%?$", tostring(err))
      assert.error_matches(function() dd:list_incidents_with_pagination{ page_offset = -1 } end,
        "page_offset")
      assert.error_matches(function() dd:list_incidents_with_pagination({}, {}) end,
        "too many arguments")
      assert.error_matches(function() dd:list_incidents_with_pagination("x") end,
        "options must be a table")
      assert.error_matches(function() dd:paginate("ListIncidents", 5) end,
        "params must be a table")
    end)

    it("for a beta operation that is not enabled", function()
      local stable = client{ unstable = false }
      assert.error_matches(function() stable:list_incidents_with_pagination() end,
        "ListIncidents is a beta operation and is disabled", 1, true)
    end)
  end)

  it("finds SearchIncidents' items at data.attributes.incidents", function()
    -- the emulator has no search: a transport serves 23 results the way Datadog pages them
    local urls = {}
    local dd = datadog.new{ base_url = "http://search.invalid", api_key = "k-000000",
      app_key = "a-000000", unstable = true, transport = function(req)
        urls[#urls + 1] = req.url
        local offset = tonumber(req.url:match("page%%5Boffset%%5D=(%d+)"))
        local size = tonumber(req.url:match("page%%5Bsize%%5D=(%d+)"))
        local found = {}
        for i = offset + 1, math.min(23, offset + size) do
          found[#found + 1] = { data = { id = "incident-" .. i, type = "incidents" } }
        end
        return { status = 200, headers = { ["Content-Type"] = "application/json" },
          body = datadog.encode{ data = { type = "incidents_search_results", attributes = {
            incidents = datadog.array(found), total = 23 } },
            meta = { pagination = { offset = offset, next_offset = offset + size, size = size } } } }
      end }
    local got = {}
    for result in dd:search_incidents_with_pagination{ query = "state:active", page_size = 10 } do
      got[#got + 1] = result.data.id
    end
    assert.equal(23, #got)
    assert.equal("incident-1", got[1])
    assert.equal("incident-23", got[23])
    assert.equal(3, #urls)
    for i, url in ipairs(urls) do
      assert.matches("query=state%3Aactive", url, 1, true)
      assert.matches("page%5Boffset%5D=" .. (i - 1) * 10, url, 1, true)
    end
  end)

  it("has a method for each paginated operation the table holds, and only those", function()
    local have = {}
    for _, op in ipairs(datadog.operations()) do have[op.id] = op.method end
    local dd = client()
    for id, path in pairs(datadog.PAGINATED) do
      assert.is_table(path)
      local method = have[id] and have[id] .. "_with_pagination"
      if method then
        assert.is_function(dd[method], method)
      else
        assert.error_matches(function() return dd[id:lower() .. "_with_pagination"] end,
          "has no method", 1, true)
      end
    end
    assert.is_function(dd.list_incidents_with_pagination)
  end)
end)

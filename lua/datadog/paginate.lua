--- Auto-pagination: every item of a paginated operation, a page at a time,
-- for a generic `for` loop.
--
--    for incident in dd:list_incidents_with_pagination{ page_size = 50 } do
--      print(incident.id, incident.attributes.title)
--    end
--
-- A page is fetched only when the loop needs its first item; the loop ends
-- after a short or empty page (the API's `meta.pagination.next_offset` is
-- there even past the end, so it cannot say when to stop). A page that fails
-- raises its error object, so a failure never passes for the end of the list.
-- @submodule datadog

local core = require "datadog.core"
local util = require "datadog.util"

local _M = {}

-- The operations Datadog's official clients paginate, each with the path
-- of the items in a page. One is switched on (`dd:<method>_with_pagination`,
-- `dd:paginate`, the CLI's `--all`) once the operation table has it.
-- (Documented as datadog.PAGINATED in init.lua, with every entry.)
_M.PAGINATED = {
  ListIncidents = { "data" },
  SearchIncidents = { "data", "attributes", "incidents" },
}

-- The API's own default page size; sent explicitly, so that a short page
-- is known to be the last.
local DEFAULT_PAGE_SIZE = 10

local function paginated_ids()
  local ids = {}
  for _, op in ipairs(core.operations()) do
    if _M.PAGINATED[op.id] then ids[#ids + 1] = op.id end
  end
  return ids
end

-- The path of the items of operation id's pages; raises when it has none.
local function items_path(id)
  local path = _M.PAGINATED[id]
  if not path then
    util.raise(id, id .. " is not paginated (paginated: "
      .. table.concat(paginated_ids(), ", ") .. ")")
  end
  return path
end

-- The items at path in a decoded page, or nil when there is no list there
-- (the decoder marks every JSON array, so an object is not taken for one).
local function items_at(page, path)
  local v = page
  for _, k in ipairs(path) do
    if type(v) ~= "table" then return nil end
    v = v[k]
  end
  return type(v) == "table" and getmetatable(v) == core.array_mt and v or nil
end

-- An error object like the core's, for a page that holds no list of items.
local function no_items(id, path, offset, response)
  return setmetatable({
    kind = "decode", operation = id, status = response.status,
    headers = response.headers, ratelimit = response.ratelimit,
    attempts = response.attempts, page_offset = offset,
    errors = setmetatable({}, core.array_mt),
    message = ("the page at offset %d has no list at %s"):format(offset, table.concat(path, ".")),
  }, core.error_mt)
end

--- Every item of a paginated operation, by id or method name, with the
-- parameters `dd:call` takes: an iterator for a generic `for`.
-- `page_size` (default 10) and `page_offset` (default 0) say where to start
-- and how much to fetch at a time. Misuse (an unknown or unpaginated
-- operation, bad parameters, a disabled beta operation) raises at once,
-- before anything is sent. A failed page raises the call's error object
-- (`err.kind`, `err.status`, `err.errors`, ... and `err.page_offset`, the
-- offset of that page, to resume from); calling the iterator again after
-- that fetches the same page again.
-- @function client:paginate
-- @tparam string operation e.g. `"ListIncidents"`
-- @tparam[opt] table params
-- @treturn function iterator yielding each item
function _M.paginate(dd, operation, params)
  if params ~= nil and type(params) ~= "table" then
    util.raise("paginate", "params must be a table (got " .. type(params) .. ")", "params")
  end
  -- help (and its tables) loads here, on the first page, not with the module
  local named = type(operation) == "string" and require("datadog.help").find(operation)
  if named then items_path(named.id) end -- "not paginated" before any parameter's fault
  local p = {}
  for k, v in pairs(params or {}) do p[k] = v end
  -- checks the name and every parameter as a call would, sending nothing
  local ok, req = pcall(dd.prepare, dd, operation, p)
  if not ok then util.reraise(req) end
  local id = req.operation
  local path = items_path(id)
  local size = p.page_size == nil and DEFAULT_PAGE_SIZE or p.page_size
  if size < 1 then -- the core checked that it is a whole number
    util.raise(id, "page_size must be at least 1 to paginate (got "
      .. tostring(size) .. ")", "page_size")
  end
  local offset = p.page_offset or 0
  p.page_size = size

  local items, i, last = {}, 0, false
  return function()
    while i >= #items do
      if last then return nil end
      p.page_offset = offset
      local page, response = dd:call(id, p)
      if page == nil then
        response.page_offset = offset
        error(response, 0)
      end
      local found = items_at(page, path)
      if not found then error(no_items(id, path, offset, response), 0) end
      items, i = found, 0
      -- a server that sends more than it was asked for moves on by as many
      offset = offset + math.max(#items, size)
      last = #items < size
    end
    i = i + 1
    return items[i]
  end
end

-- The parameters of a named call: path parameters in order, the body, then
-- the options (query parameters), as dd:<method>(...) takes them.
local function named_params(op, ...)
  local n, args = select("#", ...), { ... }
  local want = #op.path_params + (op.body and 1 or 0) + 1
  if n > want then
    util.raise(op.id, ("too many arguments (expected %d path parameter%s%s, "
      .. "then an options table)"):format(#op.path_params,
      #op.path_params == 1 and "" or "s", op.body and ", the body" or ""))
  end
  local opts = args[want]
  if opts ~= nil and type(opts) ~= "table" then
    util.raise(op.id, "options must be a table (got " .. type(opts) .. ")", "options")
  end
  local p = {}
  for k, v in pairs(opts or {}) do
    if k == "body" or (type(k) == "string" and op.path_param_set[k]) then
      util.raise(op.id, "unknown parameter '" .. k .. "'")
    end
    p[k] = v
  end
  for i, name in ipairs(op.path_params) do p[name] = args[i] end
  if op.body then p.body = args[#op.path_params + 1] end
  return p
end

--- Adds `paginate` and `<method>_with_pagination` (for each paginated
-- operation in the table) to the methods every client has.
-- @local
function _M.install(methods)
  methods.paginate = _M.paginate
  -- one operation's table at a time: listing all 105 at load would be most
  -- of what `require "datadog"` costs
  for id in pairs(_M.PAGINATED) do
    local op = core.operations(id)
    do
      op.path_param_set = {}
      for _, name in ipairs(op.path_params) do op.path_param_set[name] = true end
      methods[op.method .. "_with_pagination"] = function(dd, ...)
        return _M.paginate(dd, op.id, named_params(op, ...))
      end
    end
  end
end

return _M

-- The file examples/haproxy/haproxy.cfg's lua-load runs (docs/HAPROXY.md). The client
-- is made here, once: new makes no I/O. Calls run in services, actions and
-- tasks, where HAProxy lets them wait.
local haproxy = require "datadog.haproxy"

-- Keys from DD_API_KEY and DD_APP_KEY. DD_BASE_URL (an emulator: plain HTTP
-- to an address) is called directly; Datadog's https goes through the
-- listener haproxy.cfg sets up for it.
-- HAProxy prints an error value that is not a string as "(null)": a refused
-- option (no keys, say) is raised again as its one-line message, so that
-- HAProxy says why it does not start.
local ok, DD = pcall(haproxy.new, { unstable = true, listener = "127.0.0.1:9443" })
if not ok then error(tostring(DD), 0) end

local function reply(applet, status, text)
  applet:set_status(status)
  applet:add_header("content-type", "text/plain")
  applet:add_header("content-length", #text)
  applet:start_response()
  applet:send(text)
end

core.register_service("incidents", "http", function(applet)
  local res, err = DD:list_incidents{ page_size = 5 }
  if not res then
    return reply(applet, 502, tostring(err) .. "\n") -- one line, keys never in it
  end
  reply(applet, 200, #res.data .. " incidents\n")
end)

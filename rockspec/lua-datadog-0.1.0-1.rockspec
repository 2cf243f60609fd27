-- Build offline from a checkout, for any Lua from 5.1 to 5.4 (LuaJIT: 5.1):
--   luarocks --lua-version 5.4 make rockspec/lua-datadog-0.1.0-1.rockspec
rockspec_format = "3.0"
package = "lua-datadog"
version = "0.1.0-1"
source = {
  url = "git+https://example.invalid/lua-datadog.git",
  tag = "v0.1.0",
}
description = {
  summary = "Datadog API client for incident tooling, with a C core on libcurl",
  detailed = [[
Every operation of Datadog's Incidents, Opsgenie Integration and PagerDuty
Integration APIs (incidents and their integrations, todos, responders,
attachments, impacts, types, rules, notifications, templates, fields,
settings, search, import, pages, Opsgenie and PagerDuty services): each
returns plain Lua tables. datadog.resty is the same client inside nginx,
datadog.cqueues in a cqueues controller (with lua-cqueues and luaossl).
]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.1",
}
external_dependencies = {
  -- Found by library: Debian keeps curl.h under a multiarch include dir that
  -- the compiler searches by itself but luarocks does not. The module is
  -- built with libcurl's headers and loads the library itself on first use
  -- (src/drivers/curl_api.c), so it is not linked.
  CURL = { library = "curl" },
  ZLIB = { library = "z" },
}
-- Built by the Makefile (one set of flags and sources): its rock-install
-- target builds for the Lua that luarocks was asked for (--lua-version) in a
-- temporary directory, so that `luarocks make` in a checkout leaves the
-- checkout's own build (datadog/core.so, build/) as it was.
build = {
  type = "make",
  build_pass = false,
  build_variables = { CFLAGS = "$(CFLAGS)" }, -- unused (no build pass); luarocks asks for it
  install_target = "rock-install",
  install_variables = {
    CC = "$(CC)",
    CFLAGS = "$(CFLAGS)",
    LUA = "$(LUA)",
    LUA_INCDIR = "$(LUA_INCDIR)",
    LUA_CMOD = "$(LIBDIR)",
    LUA_LMOD = "$(LUADIR)",
  },
  install = {
    bin = { ["datadog-lua"] = "bin/datadog-lua" },
  },
}

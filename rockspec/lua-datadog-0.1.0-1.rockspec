-- Build offline from a checkout: luarocks make rockspec/lua-datadog-0.1.0-1.rockspec
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
Incident integration metadata (Slack, Jira, Microsoft Teams), incident types,
Opsgenie and PagerDuty services: every operation returns plain Lua tables.
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
  -- (src/curl_api.c), so it is not linked.
  CURL = { library = "curl" },
  ZLIB = { library = "z" },
}
build = {
  type = "builtin",
  modules = {
    ["datadog.core"] = {
      sources = {
        "src/batch.c", "src/buf.c", "src/call.c", "src/call_lua.c", "src/client.c",
        "src/config.c", "src/core.c", "src/curl.c", "src/curl_api.c",
        "src/json_decode.c", "src/json_encode.c", "src/ops.c", "src/ops_gen.c",
        "src/ops_rules.c", "src/raw.c", "src/request.c", "src/response.c", "src/secrets.c",
        "src/strcache.c", "src/text.c", "src/transport.c", "src/zlib.c",
      },
      libraries = { "dl", "pthread", "z" },
      libdirs = { "$(ZLIB_LIBDIR)" },
      defines = { "_POSIX_C_SOURCE=200809L" },
    },
    ["datadog"] = "lua/datadog/init.lua",
    ["datadog.builders"] = "lua/datadog/builders.lua",
    ["datadog.cosocket"] = "lua/datadog/cosocket.lua",
    ["datadog.resty"] = "lua/datadog/resty.lua",
    ["datadog.help"] = "lua/datadog/help.lua",
    ["datadog.paginate"] = "lua/datadog/paginate.lua",
    ["datadog.pretty"] = "lua/datadog/pretty.lua",
    ["datadog.util"] = "lua/datadog/util.lua",
  },
  install = {
    bin = { ["datadog-lua"] = "bin/datadog-lua" },
  },
}

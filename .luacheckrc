-- luacheck configuration: `luacheck .` from the repository root (make lint;
-- spec/lua/tooling_spec.lua runs it with the test suite).
--
-- The module, its command-line tool and the examples run on every Lua from
-- 5.1 to 5.4 and LuaJIT, and so do some specs (scripts/test): what any of
-- them defines is known ("max"), and the code checks which it has. The
-- benchmark scripts run on Lua 5.4; the emulator's Lua runs inside nginx
-- (ngx_http_lua on LuaJIT), where `ngx` is the one global.
std = "lua54"
max_line_length = 120

include_files = { "**/*.lua", "bin/datadog-lua", "scripts/gen-operations-doc", ".luacheckrc", "config.ld" }
exclude_files = {
  ".git/**", "build/**", "docs/api/**", -- build output
  "emulator/.run/**", "bench/.work/**", "bench/node_modules/**", "fuzz/corpus-run/**", -- run state
}

files["lua/**"] = { std = "max" }
files["bin/datadog-lua"] = { std = "max" }
files["examples/**"] = { std = "max" }
files["spec/**"] = { std = "max+busted" }
files["emulator/lua/**"] = { std = "luajit", globals = { "ngx" } }
-- generated data (scripts/gen-ops): an enum's values or a query list stay on one line
files["emulator/lua/emulator/ops_gen.lua"] = { std = "luajit", max_line_length = false }
files["lua/datadog/responses_gen.lua"] = { std = "max", max_line_length = false }
-- the module's nginx side runs on nginx's LuaJIT, where `ngx` is given
files["lua/datadog/resty.lua"] = { std = "luajit", read_globals = { "ngx" } }
files["lua/datadog/cosocket.lua"] = { std = "luajit", read_globals = { "ngx" } }
-- the module's HAProxy side runs on HAProxy's Lua 5.3, where `core` (and, in
-- handlers, `txn` and `applet`) are given
files["lua/datadog/haproxy.lua"] = { std = "lua53", read_globals = { "core", "txn", "applet" } }
files["examples/haproxy/haproxy.lua"] = { std = "lua53", read_globals = { "core" } }
files[".luacheckrc"] = { globals = { "std", "max_line_length", "include_files", "exclude_files", "files" } }
files["config.ld"] = { globals = { "project", "title", "description", "file", "dir", "format",
  "style", "template", "sort", "no_space_before_args", "readme", "examples", "all",
  "backtick_references", "full_description", "merge", "kind_names", "not_luadoc" } }
files["scripts/gen-operations-doc"] = { std = "lua54" }

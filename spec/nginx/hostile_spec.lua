-- One table of hostile servers (spec/helpers/hostile.lua), played by a real nginx on its
-- raw downstream socket, against every host runner: the libcurl client and datadog.cqueues in
-- this process, and
-- datadog.resty in a second nginx. Each case must give what it wants, within its bound, and
-- every host the same res / err.kind: the framing, limits and time rules are the engine's,
-- decided once, and the libcurl path applies the same ones.
--
-- HOSTILE_CASES=name,name runs only those cases (while working on one).
local hostile = require "spec.helpers.hostile"

local only
if os.getenv("HOSTILE_CASES") then
  only = {}
  for name in os.getenv("HOSTILE_CASES"):gmatch("[^,%s]+") do only[name] = true end
end

-- What a host's outcome says, in one line, for messages.
local function show(o)
  if not o then return "nothing" end
  if o.ok then return ("ok (status %s, id %s, %.2f s)"):format(tostring(o.status),
    tostring(o.id), o.took) end
  return ("%s (%.2f s): %s"):format(tostring(o.kind), o.took, tostring(o.message))
end

describe("one table of hostile servers, every host", function()
  local srv
  local runners = {}
  local seen = {} -- case name -> runner name -> outcomes

  setup(function()
    srv = hostile.start()
    for i, r in ipairs(hostile.runners) do runners[i] = r:start() end
  end)
  teardown(function()
    for _, r in ipairs(runners) do r:stop() end
    if srv then srv:stop() end
    -- the table as each host answered it
    local lines = {}
    for _, case in ipairs(hostile.cases) do
      if not seen[case.name] then goto next_row end
      local row = { ("%-22s"):format(case.name) }
      for _, r in ipairs(runners) do
        local outs = seen[case.name] and seen[case.name][r.name] or {}
        local cells = {}
        for i, o in ipairs(outs) do
          cells[i] = ("%s %.1fs"):format(o.ok and "ok" or tostring(o.kind), o.took)
        end
        row[#row + 1] = ("%s=%s"):format(r.name, table.concat(cells, ","))
      end
      lines[#lines + 1] = table.concat(row, " ")
      ::next_row::
    end
    io.stderr:write("\nhostile table:\n", table.concat(lines, "\n"), "\n")
  end)

  for _, case in ipairs(hostile.cases) do
    if only and not only[case.name] then goto next_case end
    describe(case.name .. " (" .. case.why .. ")", function()
      for ri, runner in ipairs(hostile.runners) do
        -- a host that cannot meet a case says why, in the table's own words (not a skip:
        -- the reason is printed with the table, and the case runs on every other host)
        local differs = runner.differs and runner.differs[case.name]
        if differs then
          io.stderr:write(("\n%s on %s: not run: %s\n"):format(case.name, runner.name, differs))
          goto next_runner
        end
        it(runner.name .. " gives what the case wants, within " .. case.bound .. " s", function()
          local r = runners[ri]
          local pid = case.measure and r:pid()
          local before = pid and hostile.rss(pid)
          local outs = r:run(case, srv:url(case))
          seen[case.name] = seen[case.name] or {}
          seen[case.name][runner.name] = outs
          if pid then
            local after = hostile.rss(pid)
            io.stderr:write(("\n%s, %s: RSS %d kB -> %d kB (%+d kB)\n"):format(case.name,
              runner.name, before, after, after - before))
            assert.is_true(after - before < 50 * 1024, "the process grew by "
              .. (after - before) .. " kB")
          end
          local n = hostile.steps(case) and #hostile.steps(case) or #case.call.batch[1]
          assert.equal(n, #outs)
          for i = 1, n do
            local want, o = hostile.want(case, i), outs[i]
            local where = ("%s, call %d: %s"):format(runner.name, i, show(o))
            if want.ok then
              assert.is_true(o.ok, where)
            else
              assert.is_false(o.ok, where)
              assert.equal(want.kind, o.kind, where)
            end
            assert.is_true(o.took <= case.bound, where .. ": past the bound of "
              .. case.bound .. " s")
            local least = case.least and case.least[i] or 0
            assert.is_true(o.took >= least, where .. ": did not wait " .. least .. " s")
          end
        end)
        ::next_runner::
      end

      it("every host gives the same res / err.kind", function()
        local first
        for _, runner in ipairs(hostile.runners) do
          if runner.differs and runner.differs[case.name] then goto next_host end
          local outs = seen[case.name] and seen[case.name][runner.name]
          assert.is_table(outs, runner.name .. " did not run")
          if not first then
            first = { name = runner.name, outs = outs }
          else
            for i, o in ipairs(first.outs) do
              local other = outs[i]
              local where = ("call %d: %s gave %s, %s gave %s"):format(i, first.name, show(o),
                runner.name, show(other))
              assert.equal(o.ok, other.ok, where)
              assert.equal(o.kind, other.kind, where)
              assert.equal(o.status, other.status, where)
              assert.equal(o.id, other.id, where)
            end
          end
          ::next_host::
        end
      end)
    end)
    ::next_case::
  end
end)

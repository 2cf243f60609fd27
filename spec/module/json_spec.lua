-- JSON as the module encodes and decodes it: integers, null, empty lists,
-- precision, strings, and the errors for what JSON cannot hold.
local datadog = require "datadog"

describe("datadog.decode", function()
  it("returns Lua integers for integer literals", function()
    local v = datadog.decode('{"integration_type":1,"neg":-42,"float":1.5,"exp":1e2}')
    assert.equal("integer", math.type(v.integration_type))
    assert.equal(1, v.integration_type)
    assert.equal("integer", math.type(v.neg))
    assert.equal("float", math.type(v.float))
    assert.equal("float", math.type(v.exp))
  end)

  it("keeps 64-bit integers exact", function()
    local v = datadog.decode('[9007199254740993,-9223372036854775808,9223372036854775807]')
    assert.equal(9007199254740993, v[1])
    assert.equal(math.mininteger, v[2])
    assert.equal(math.maxinteger, v[3])
  end)

  it("falls back to a float past 64 bits rather than wrapping", function()
    local v = datadog.decode('[18446744073709551616]')
    assert.equal("float", math.type(v[1]))
    assert.is_true(v[1] > 1.8e19)
  end)

  it("decodes null as datadog.null, which is lua-cjson's null too", function()
    local v = datadog.decode('{"custom_url":null}')
    assert.equal(datadog.null, v.custom_url)
    assert.equal(require("cjson").null, datadog.null)
  end)

  it("decodes escapes and surrogate pairs to UTF-8", function()
    local v = datadog.decode('["a\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00"]')
    assert.equal('a"b\\c/d\né😀', v[1])
  end)

  -- Strings are scanned eight bytes at a time: each special byte (quote,
  -- backslash, control) at every offset within and across 8-byte blocks,
  -- next to bytes >= 0x80 and to bytes just above and below the limits.
  it("finds quotes, escapes and control characters at every offset of a long string", function()
    local fill = { "a", "\u{e9}", "!", "\x7f", "#", "]" }
    for len = 0, 24 do
      for _, f in ipairs(fill) do
        local plain = ("x"):rep(len) .. f
        assert.equal(plain, datadog.decode('"' .. plain .. '"'))
        assert.equal(plain .. '"' .. plain, datadog.decode('"' .. plain .. '\\"' .. plain .. '"'))
        assert.equal(plain .. "\\\n", datadog.decode('"' .. plain .. '\\\\\\n"'))
        assert.same({ plain, 1 }, datadog.decode('["' .. plain .. '",1]'))
        local res, err = datadog.decode('"' .. plain .. '\31' .. plain .. '"')
        assert.is_nil(res)
        assert.matches("control character in string at byte " .. (1 + #plain), err, 1, true)
        res, err = datadog.decode('"' .. plain)
        assert.is_nil(res)
        assert.matches("unterminated string", err, 1, true)
      end
    end
  end)

  it("decodes long strings full of escapes, and fails cleanly inside them", function()
    for _, len in ipairs({ 10, 255, 256, 257, 1023, 1024, 1025, 5000 }) do
      local raw, want = {}, {}
      for i = 1, len do
        if i % 7 == 0 then raw[#raw + 1], want[#want + 1] = "\\u00e9", "\u{e9}"
        elseif i % 11 == 0 then raw[#raw + 1], want[#want + 1] = "\\n", "\n"
        elseif i % 13 == 0 then raw[#raw + 1], want[#want + 1] = "\\ud83d\\ude00", "\u{1F600}"
        else raw[#raw + 1], want[#want + 1] = "a", "a" end
      end
      local text = table.concat(raw)
      assert.equal(table.concat(want), datadog.decode('"' .. text .. '"'))
      assert.same({ k = table.concat(want) }, datadog.decode('{"k":"' .. text .. '"}'))
      -- broken at the very end, many times over: nothing left behind
      for _ = 1, 50 do
        for _, tail in ipairs({ "\\u12", "\\x", "\\ud800x", "\31", "" }) do
          local res, err = datadog.decode('["' .. text .. tail)
          assert.is_nil(res)
          assert.is_string(err)
        end
      end
    end
  end)

  -- Object keys come from a cache of short strings (src/json/strcache.c): many
  -- distinct keys share its 256 slots and replace each other; keys of 7 to
  -- 9 and 40 to 41 bytes straddle its hash's and Lua's length limits.
  it("decodes every key right however keys share the key cache", function()
    local obj, text = {}, {}
    for i = 1, 2000 do
      local k = ("k"):rep(i % 45) .. i
      obj[k] = i
      text[#text + 1] = string.format("%q:%d", k, i)
    end
    local json = "{" .. table.concat(text, ",") .. "}"
    for _ = 1, 3 do assert.same(obj, datadog.decode(json)) end
    -- a key equal to a value, keys with escapes or a NUL, empty keys
    assert.same({ id = "id", [""] = "", ["a\0b"] = 1, ['q"'] = 2, ["\u{e9}t\u{e9}"] = 3 },
      datadog.decode('{"id":"id","":"","a\\u0000b":1,"q\\"":2,"\\u00e9t\\u00e9":3}'))
    -- same length, same first and last eight bytes: told apart by the compare
    assert.same({ ["abcdefgh-1-ijklmnop"] = 1, ["abcdefgh-2-ijklmnop"] = 2 },
      datadog.decode('{"abcdefgh-1-ijklmnop":1,"abcdefgh-2-ijklmnop":2}'))
  end)

  -- Short string values go through the cache too, in a region of their own.
  it("decodes every string value right however values share the value cache", function()
    local list, text = {}, {}
    for i = 1, 2000 do
      local v = ("v"):rep(i % 45) .. i
      list[i] = { id = v, same = "x", n = i }
      text[i] = string.format('{"id":%q,"same":"x","n":%d}', v, i)
    end
    local json = "[" .. table.concat(text, ",") .. "]"
    for _ = 1, 3 do assert.same(list, datadog.decode(json)) end
    -- same length, same first and last eight bytes; a value equal to a key;
    -- empty, escaped and NUL values; values of 40 and 41 bytes, both ways
    local v40, v41 = ("y"):rep(40), ("y"):rep(41)
    for _ = 1, 2 do
      assert.same({ "abcdefgh-1-ijklmnop", "abcdefgh-2-ijklmnop", "id", "", "a\0b", 'q"',
          v40, v41, v41:sub(2), v40 .. "y" },
        datadog.decode('["abcdefgh-1-ijklmnop","abcdefgh-2-ijklmnop","id","","a\\u0000b",' ..
          '"q\\"","' .. v40 .. '","' .. v41 .. '","' .. v41:sub(2) .. '","' .. v40 .. 'y"]'))
    end
    -- the strings handed out are Lua's own: changing a table changes nothing else
    local a, b = datadog.decode('{"k":"same"}'), datadog.decode('{"k":"same"}')
    a.k = "changed"
    assert.equal("same", b.k)
    assert.equal("same", datadog.decode('{"k":"same"}').k)
  end)

  it("marks arrays so that they re-encode as arrays, even when empty", function()
    local v = datadog.decode('{"channels":[],"meta":{}}')
    assert.equal('[]', datadog.encode(v.channels))
    assert.equal('{}', datadog.encode(v.meta))
  end)

  for _, bad in ipairs({ "", "{", "[1,]", '{"a" 1}', "tru", '"\\x"', "[1] x",
                         '"\\ud800"', '{"a":01}', "\1" }) do
    it("rejects invalid JSON " .. string.format("%q", bad), function()
      local v, err = datadog.decode(bad)
      assert.is_nil(v)
      assert.matches("invalid JSON", err)
    end)
  end

  it("refuses nesting deeper than 100 levels", function()
    local v, err = datadog.decode(string.rep("[", 101) .. string.rep("]", 101))
    assert.is_nil(v)
    assert.matches("too deep", err)
    assert.is_table(datadog.decode(string.rep("[", 100) .. string.rep("]", 100)))
  end)
end)

describe("datadog.encode", function()
  it("round-trips a value", function()
    local text = '{"a":[1,2.5,true,false,null,"x"]}'
    assert.equal(text, datadog.encode(datadog.decode(text)))
  end)

  it("writes integers as integers and integral floats without a fraction", function()
    assert.equal("[1,-3,2,0.1]", datadog.encode({ 1, -3, 2.0, 0.1 }))
  end)

  it("encodes an empty list in a body as [] where the schema says list", function()
    local body = { data = { type = "incident_integrations",
      attributes = { integration_type = 1, metadata = { channels = {} } } } }
    local json = datadog.encode(body, "CreateIncidentIntegration")
    assert.matches('"channels":%[%]', json)
  end)

  it("honours datadog.array and datadog.object markers where no schema applies", function()
    assert.equal("[]", datadog.encode(datadog.array()))
    assert.equal("{}", datadog.encode(datadog.object()))
    assert.equal("{}", datadog.encode({}))
  end)

  it("escapes control characters and quotes", function()
    assert.equal('"a\\nb\\u0001\\"\\\\"', datadog.encode('a\nb\1"\\'))
  end)

  -- The encoder copies runs of plain bytes eight at a time: every byte that
  -- needs an escape, and multi-byte UTF-8, at every offset within and across
  -- 8-byte blocks, in values and in keys, against a byte-at-a-time reference.
  local function reference(s)
    local short = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r",
                    ["\t"] = "\\t", ["\b"] = "\\b", ["\f"] = "\\f" }
    return '"' .. s:gsub('[\0-\31"\\]', function(c)
      return short[c] or string.format("\\u%04x", c:byte())
    end) .. '"'
  end

  it("escapes every special byte at every offset, in values and keys", function()
    local specials = { '"', "\\", "\n", "\r", "\t", "\b", "\f", "\0", "\1", "\31",
                       "\x7f", " ", "\u{e9}", "\u{20ac}", "\u{1F600}" }
    for len = 0, 20 do
      for _, c in ipairs(specials) do
        local s = ("x"):rep(len) .. c .. ("y"):rep(len % 9)
        assert.equal(reference(s), datadog.encode(s))
        assert.equal("{" .. reference(s) .. ":1}", datadog.encode({ [s] = 1 }))
        assert.equal(s, datadog.decode(datadog.encode(s)))
      end
    end
  end)

  it("rejects invalid UTF-8 at every offset, in values and keys", function()
    for len = 0, 20 do
      for _, bad in ipairs({ "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf", "\x80" }) do
        local s = ("a"):rep(len) .. bad .. ("b"):rep(len % 5)
        assert.error_matches(function() datadog.encode({ s }) end, "not valid UTF%-8")
        assert.error_matches(function() datadog.encode({ [s] = 1 }) end, "not valid UTF%-8")
      end
    end
  end)

  it("writes every integer exactly, the extremes included", function()
    for _, v in ipairs({ 0, 1, -1, 9, 10, -10, 99, 100, 12345, -98765,
                         9007199254740993, math.maxinteger, math.mininteger }) do
      assert.equal(string.format("[%d]", v), datadog.encode({ v }))
      assert.equal(v, datadog.decode(datadog.encode({ v }))[1])
    end
  end)

  it("rejects NaN and infinity", function()
    assert.error_matches(function() datadog.encode({ 0 / 0 }) end, "NaN")
    assert.error_matches(function() datadog.encode({ math.huge }) end, "NaN and infinity")
  end)

  it("rejects invalid UTF-8", function()
    assert.error_matches(function() datadog.encode({ "\xff\xfe" }) end, "not valid UTF%-8")
    assert.error_matches(function() datadog.encode({ "\xed\xa0\x80" }) end, "not valid UTF%-8")
  end)

  it("rejects cycles, holes, mixed tables and functions", function()
    local t = {}
    t.self = t
    assert.error_matches(function() datadog.encode(t) end, "cycle")
    assert.error_matches(function() datadog.encode({ 1, nil, 3 }) end, "holes")
    assert.error_matches(function() datadog.encode({ 1, x = 2 }) end, "mixes")
    assert.error_matches(function() datadog.encode({ f = print }) end, "function")
  end)

  it("refuses nesting deeper than 100 levels", function()
    local t = {}
    local cur = t
    for _ = 1, 120 do
      cur[1] = {}
      cur = cur[1]
    end
    assert.error_matches(function() datadog.encode(t) end, "deeper than 100")
  end)
end)

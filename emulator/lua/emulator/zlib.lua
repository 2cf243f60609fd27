-- emulator.zlib: gzip and inflate through LuaJIT FFI to the system zlib (libz.so.1).
--
-- Used for the `gzip` fault (a real gzip-encoded response body) and to accept request bodies
-- sent with `Content-Encoding: gzip` or `deflate`.

local ffi = require "ffi"

local _M = {}

ffi.cdef [[
typedef struct emulator_z_stream_s {
    const unsigned char *next_in;
    unsigned int         avail_in;
    unsigned long        total_in;
    unsigned char       *next_out;
    unsigned int         avail_out;
    unsigned long        total_out;
    const char          *msg;
    void                *state;
    void                *zalloc;
    void                *zfree;
    void                *opaque;
    int                  data_type;
    unsigned long        adler;
    unsigned long        reserved;
} emulator_z_stream;

const char *zlibVersion(void);
int deflateInit2_(emulator_z_stream *strm, int level, int method, int windowBits, int memLevel,
                  int strategy, const char *version, int stream_size);
int deflate(emulator_z_stream *strm, int flush);
int deflateEnd(emulator_z_stream *strm);
int inflateInit2_(emulator_z_stream *strm, int windowBits, const char *version, int stream_size);
int inflate(emulator_z_stream *strm, int flush);
int inflateEnd(emulator_z_stream *strm);
]]

-- The runtime package ships libz.so.1; the unversioned name only comes with zlib1g-dev.
local ok, lib = pcall(ffi.load, "libz.so.1")
if not ok then
    lib = ffi.load("z")
end

local Z_OK, Z_STREAM_END, Z_BUF_ERROR = 0, 1, -5
local Z_NO_FLUSH, Z_FINISH = 0, 4
local Z_DEFLATED, Z_DEFAULT_STRATEGY = 8, 0
local GZIP_WINDOW = 15 + 16  -- write a gzip header and trailer
local AUTO_WINDOW = 15 + 32  -- read gzip or zlib, detected from the header
local CHUNK = 64 * 1024

-- Largest inflated body accepted, so a tiny "zip bomb" cannot exhaust the worker.
_M.MAX_INFLATED = 64 * 1024 * 1024

local STREAM_SIZE = ffi.sizeof("emulator_z_stream")

-- zlib reads the input through a pointer into the Lua string: each function holds the string
-- in a table it touches after the last zlib call, so the string stays reachable until then.

local function zerr(strm, what, rc)
    local msg = strm[0].msg ~= nil and ffi.string(strm[0].msg) or ("code " .. rc)
    return what .. " failed: " .. msg
end

--- Gzip `data` (a string). Returns the compressed string, or nil and an error.
function _M.gzip(data, level)
    local strm = ffi.new("emulator_z_stream[1]")
    local rc = lib.deflateInit2_(strm, level or 6, Z_DEFLATED, GZIP_WINDOW, 8, Z_DEFAULT_STRATEGY,
        lib.zlibVersion(), STREAM_SIZE)
    if rc ~= Z_OK then
        return nil, zerr(strm, "deflateInit2", rc)
    end
    local keep = { data } -- luacheck: ignore 241 (held only to stay reachable)
    local out_buf = ffi.new("unsigned char[?]", CHUNK)
    local parts = {}
    strm[0].next_in = data
    strm[0].avail_in = #data
    repeat
        strm[0].next_out = out_buf
        strm[0].avail_out = CHUNK
        rc = lib.deflate(strm, Z_FINISH)
        if rc ~= Z_OK and rc ~= Z_STREAM_END and rc ~= Z_BUF_ERROR then
            local err = zerr(strm, "deflate", rc)
            lib.deflateEnd(strm)
            return nil, err
        end
        parts[#parts + 1] = ffi.string(out_buf, CHUNK - strm[0].avail_out)
    until rc == Z_STREAM_END
    lib.deflateEnd(strm)
    keep[1] = false
    return table.concat(parts)
end

--- Inflate gzip or zlib data. Returns the plain string, or nil and an error.
function _M.inflate(data, max_size)
    max_size = max_size or _M.MAX_INFLATED
    local strm = ffi.new("emulator_z_stream[1]")
    local rc = lib.inflateInit2_(strm, AUTO_WINDOW, lib.zlibVersion(), STREAM_SIZE)
    if rc ~= Z_OK then
        return nil, zerr(strm, "inflateInit2", rc)
    end
    local keep = { data } -- luacheck: ignore 241 (held only to stay reachable)
    local out_buf = ffi.new("unsigned char[?]", CHUNK)
    local parts, total = {}, 0
    strm[0].next_in = data
    strm[0].avail_in = #data
    while true do
        strm[0].next_out = out_buf
        strm[0].avail_out = CHUNK
        rc = lib.inflate(strm, Z_NO_FLUSH)
        local produced = CHUNK - strm[0].avail_out
        if produced > 0 then
            total = total + produced
            if total > max_size then
                lib.inflateEnd(strm)
                return nil, "inflated body larger than " .. max_size .. " bytes"
            end
            parts[#parts + 1] = ffi.string(out_buf, produced)
        end
        if rc == Z_STREAM_END then
            break
        end
        if rc ~= Z_OK and not (rc == Z_BUF_ERROR and produced > 0) then
            local err = (rc == Z_BUF_ERROR) and "inflate failed: truncated input"
                or zerr(strm, "inflate", rc)
            lib.inflateEnd(strm)
            return nil, err
        end
    end
    lib.inflateEnd(strm)
    keep[1] = false
    return table.concat(parts)
end

return _M

#!/usr/bin/env node
// Writes src/ops/ops_gen.c, the operation table and request body schemas of the
// C core, from the published facts of Datadog's official TypeScript client
// (the npm package pinned in package.json) and the hand-written overlay
// (overlay.js) for what the package does not carry.
//
//   node scripts/gen-ops/gen.js            write src/ops/ops_gen.c and the emulator's
//                                          emulator/lua/emulator/ops_gen.lua
//   node scripts/gen-ops/gen.js --stdout   print ops_gen.c instead (the spec compares)
//   node scripts/gen-ops/gen.js --stdout-emulator   print ops_gen.lua instead
//   node scripts/gen-ops/gen.js --stdout-responses  print lua/datadog/responses_gen.lua
//                                          instead (the response models, responses.js)
//
// What is read, and from where (dist/packages/datadog-api-client-v1|v2/):
//   apis/<Tag>Api.js    each request builder: HTTP method, path, path and
//                       query parameters (wire name, type, csv), the required
//                       ones, the body's model, Accept, the beta gate; the
//                       response processor's first status; the summary
//   apis/<Tag>Api.d.ts  the query parameters' descriptions
//   models/<M>.js       attributeTypeMap: fields, types, formats, required
//   models/<M>.d.ts     the fields' descriptions
//   models/ObjectSerializer.js  enumsMap and oneOfMap
"use strict";

const fs = require("fs");
const path = require("path");
const overlay = require("./overlay");
const emulator = require("./emulator");
const responses = require("./responses");

const HERE = __dirname;
const ROOT = path.resolve(HERE, "..", "..");
const PKG_DIR = path.join(HERE, "node_modules", "@datadog", "datadog-api-client");
const DIST = path.join(PKG_DIR, "dist", "packages");
const PINNED = require("./package.json").dependencies["@datadog/datadog-api-client"];

const APIS = [
  ["v2", "IncidentsApi"],
  ["v2", "OpsgenieIntegrationApi"],
  ["v1", "PagerDutyIntegrationApi"],
];

function fail(msg) {
  process.stderr.write("gen-ops: " + msg + "\n");
  process.exit(1);
}

function read(v, rel) {
  return fs.readFileSync(path.join(DIST, `datadog-api-client-${v}`, rel), "utf8");
}

function must(re, text, what) {
  const m = re.exec(text);
  if (!m) fail("cannot find " + what);
  return m;
}

// ---------------------------------------------------------------- names

// The Python client's names: GetIncidentAIPostmortem -> get_incident_ai_postmortem,
// includeDeleted -> include_deleted.
function snake(name) {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

function firstSentence(text) {
  const t = text.replace(/\s+/g, " ").trim();
  const m = /^(.*?[.!?])(\s|$)/.exec(t);
  return m ? m[1] : t;
}

// JSDoc comments before each member of a .d.ts block: { memberName: text }.
function docsOf(text) {
  const out = {};
  const re = /\/\*\*\n((?:[ \t]*\*.*\n)+?)[ \t]*\*\/\n[ \t]*"?(\w+)"?\??:/g;
  let m;
  while ((m = re.exec(text))) {
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""))
      .filter((l) => l && !l.startsWith("@"));
    out[m[2]] = firstSentence(lines.join(" "));
  }
  return out;
}

// ---------------------------------------------------------------- operations

function readOperations() {
  const ops = [];
  for (const [v, api] of APIS) {
    const src = read(v, `apis/${api}.js`);
    const dts = read(v, `apis/${api}.d.ts`);
    const factory = src.slice(src.indexOf(`class ${api}RequestFactory`),
      src.indexOf(`class ${api}ResponseProcessor`));
    const processor = src.slice(src.indexOf(`class ${api}ResponseProcessor`),
      src.indexOf(`class ${api} {`));
    const facade = src.slice(src.indexOf(`class ${api} {`));
    const heads = [];
    const re = /\n {4}(\w+)\(([^)]*)\) \{\n/g;
    let m;
    while ((m = re.exec(factory))) heads.push({ fn: m[1], args: m[2], at: m.index });
    heads.forEach((h, i) => {
      const text = factory.slice(h.at, i + 1 < heads.length ? heads[i + 1].at : factory.length);
      const id = h.fn[0].toUpperCase() + h.fn.slice(1);
      const args = h.args.split(", ").filter((a) => a && a !== "_options");
      const required = new Set([...text.matchAll(/RequiredError\("(\w+)"/g)].map((x) => x[1]));
      const body = /serialize\(body, "([^"]+)", ""\)/.exec(text);
      const proc = must(new RegExp(`\\n {4}${h.fn}\\(response\\) \\{[\\s\\S]*?httpStatusCode === (\\d+)\\) \\{\\n(.*)`),
        processor, `the success status of ${id}`);
      // the model the success body is read as (none for a 204)
      const response = /deserialize\(.*, "(\w+)"\);$/.exec(proc[2]);
      const comment = must(new RegExp(`/\\*\\*\\n((?:\\s*\\*.*\\n)*?)\\s*\\*/\\n {4}${h.fn}\\((?:param(?: = \\{\\})?, )?options`),
        facade, `the comment of ${id}`);
      const summary = comment[1].split("\n").map((l) => l.replace(/^\s*\* ?/, "").trim())
        .filter((l) => l && !l.startsWith("@"))[0] || "";
      const reqIface = new RegExp(`export interface ${api}${id}Request \\{([\\s\\S]*?)\\n\\}`).exec(dts);
      const paramDocs = reqIface ? docsOf(reqIface[1]) : {};
      const query = [...text.matchAll(
        /setQueryParam\("([^"]+)", ObjectSerializer_1\.ObjectSerializer\.serialize\((\w+), "([^"]+)", "([^"]*)"\), "([^"]*)"\)/g)]
        .map((q) => ({
          wire: q[1], arg: q[2], name: snake(q[2]), type: q[3], format: q[4], csv: q[5] === "csv",
          required: required.has(q[2]), doc: paramDocs[q[2]] || "",
        }));
      ops.push({
        v, api, id, fn: h.fn, args,
        method: snake(id),
        http: must(/HttpMethod\.(\w+)/, text, `the method of ${id}`)[1],
        path: must(/const localVarPath = "([^"]+)"/, text, `the path of ${id}`)[1],
        accept: must(/setHeaderParam\("Accept", "([^"]+)"\)/, text, `the Accept of ${id}`)[1],
        beta: new RegExp(`unstableOperations\\["${v}\\.${h.fn}"\\]`).test(text),
        body: body && body[1],
        query,
        success: Number(proc[1]),
        response: response && response[1],
        // the success branch returns nothing: the operation answers without
        // a body (only its 204s would say so by the status alone)
        nobody: /^\s*return;\s*$/.test(proc[2]),
        summary,
      });
    });
  }
  return ops;
}

// ---------------------------------------------------------------- models

function serializerMaps(v) {
  const src = read(v, "models/ObjectSerializer.js");
  const get = (name) => {
    const i = src.indexOf(`const ${name} = {`);
    const j = src.indexOf("\n};", i);
    if (i < 0 || j < 0) fail(`no ${name} in ${v} ObjectSerializer.js`);
    // a plain object literal of strings, numbers and arrays
    return JSON.parse(src.slice(i + `const ${name} = `.length, j + 2)
      .replace(/^(\s*)(\w+):/gm, '$1"$2":').replace(/,(\s*[}\]])/g, "$1"));
  };
  return { enums: get("enumsMap"), oneOf: get("oneOfMap") };
}

// The members of a model's .d.ts declared to take null: `"data": T | null;`
// (the declaration may span lines: `{ ... } | null;`). The generator of the
// official client writes `| null` for a required field whose type is
// nullable, wherever the nullability was declared (on the field, or on the
// type it refers to: NullableRelationshipToUserData); an optional field's
// declaration never says (`"detected"?: Date`).
function nullablesOf(text) {
  const out = new Set();
  const re = /\n {4}"(\w+)"\??: ([\s\S]*?);\n(?= {4}(?:"|\/\*\*|static|constructor)|\})/g;
  let m;
  while ((m = re.exec(text))) {
    if (/\| null$/.test(m[2].trim())) out.add(m[1]);
  }
  return out;
}

function loadModel(v, name) {
  const file = path.join(DIST, `datadog-api-client-${v}`, "models", name + ".js");
  if (!fs.existsSync(file)) fail(`no model ${v}/${name}`);
  const map = require(file)[name].attributeTypeMap;
  const dts = read(v, `models/${name}.d.ts`);
  const docs = docsOf(dts);
  const nullables = nullablesOf(dts);
  const fields = [];
  for (const [tsName, a] of Object.entries(map)) {
    if (tsName === "additionalProperties") continue; // unknown fields pass through anyway
    fields.push({ tsName, name: a.baseName, type: a.type, format: a.format || "",
      required: !!a.required, nullable: nullables.has(tsName), doc: docs[tsName] || "" });
  }
  return fields;
}

// ---------------------------------------------------------------- schemas

// Every schema gets a C name and a definition; definitions are emitted after
// the schemas they point at (the models have no cycles: checked).
class Schemas {
  constructor() {
    this.defs = new Map(); // key -> { cname, text }
    this.order = [];
    this.maps = { v1: serializerMaps("v1"), v2: serializerMaps("v2") };
    this.visiting = new Set();
    this.used = new Set(); // overlay entries that matched something
  }

  add(key, cname, text, label) {
    if (!this.defs.has(key)) {
      this.defs.set(key, { cname, text: text.replace("%NAME%", cname), label });
      this.order.push(key);
    }
    return this.defs.get(key).cname;
  }

  scalar(kind, label, min, max, enums) {
    const key = JSON.stringify([kind, label, min, max, enums || null]);
    if (this.defs.has(key)) return this.defs.get(key).cname;
    const cname = "s" + (this.order.length + 1) + "_" + cIdent(label).slice(0, 24);
    let enumRef = "0";
    if (enums) {
      const ev = cname + "_enum";
      this.add(key + "#enum", ev, `static const char *const ${ev}[] = {${enums.map(cstr).join(", ")}, NULL};`);
      enumRef = ev;
    }
    return this.add(key, cname,
      `static const dd_schema ${cname} = {${kind}, ${cstr(label)}, 0, 0, 0, ${enumRef}, ${cint(min)}, ${cint(max)}, 0};`, label);
  }

  // The schema of a TypeScript type string, with a field's overlay (label,
  // min, max, schema) applied when given.
  type(v, t, format, fo) {
    fo = fo || {};
    let m;
    if (fo.any === "list") return this.compound("DD_T_ARRAY", "array", "0", this.scalar("DD_T_ANY", "any", 0, 0), "0");
    if (fo.any) return this.scalar("DD_T_ANY", "any", 0, 0);
    if ((m = /^Array<(.+)>$/.exec(t))) {
      const items = this.type(v, m[1], "", fo.items);
      const label = fo.label || "array of " + this.label(items);
      return this.compound("DD_T_ARRAY", label, "0", items, "0");
    }
    if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(t))) {
      if (m[1] === "any") return this.scalar("DD_T_ANY", "object", 0, 0);
      const items = this.type(v, m[1], "", fo.items);
      return this.compound("DD_T_MAP", fo.label || "map of " + this.label(items), "0", items, "0");
    }
    switch (t) {
    case "string":
      if (fo.min || fo.max) {
        return this.scalar("DD_T_STRING", fo.label || `string (${fo.min || 0} to ${fo.max} characters)`,
          fo.min || 0, fo.max || 0);
      }
      return this.scalar("DD_T_STRING", fo.label || (format ? `string (${format})` : "string"), 0, 0);
    case "Date":
      return this.scalar("DD_T_STRING", fo.label || "string (date-time)", 0, 0);
    case "boolean":
      return this.scalar("DD_T_BOOL", fo.label || "boolean", 0, 0);
    case "any":
      return this.scalar("DD_T_ANY", "any", 0, 0);
    case "number":
      if (format === "int32" || format === "int64") {
        const lo = fo.min !== undefined ? fo.min : format === "int32" ? "INT32_LO" : "INT64_LO";
        const hi = fo.max !== undefined ? fo.max : format === "int32" ? "INT32_HI" : "INT64_HI";
        return this.scalar("DD_T_INT32", fo.label || format, lo, hi);
      }
      return this.scalar("DD_T_NUMBER", fo.label || "number", 0, 0);
    }
    const maps = this.maps[v];
    if (maps.enums[t]) {
      const values = maps.enums[t];
      if (values.every((x) => typeof x === "number")) {
        const lo = Math.min(...values), hi = Math.max(...values);
        if (hi - lo + 1 !== values.length) fail(`integer enum ${t} has gaps`);
        return this.scalar("DD_T_INT32", fo.label || `integer ${lo} to ${hi}`, lo, hi);
      }
      return this.scalar("DD_T_STRING", fo.label || values.map((x) => `"${x}"`).join(" | "), 0, 0, values);
    }
    if (maps.oneOf[t]) return this.union(v, t);
    return this.model(v, t);
  }

  label(cname) {
    for (const d of this.defs.values()) {
      if (d.cname === cname && d.label !== undefined) return d.label;
    }
    fail("no schema " + cname);
  }

  compound(kind, label, fields, items, oneof, rule) {
    const key = JSON.stringify([kind, label, fields, items, oneof, rule || 0]);
    const cname = "s" + (this.order.length + 1) + "_" + cIdent(label).slice(0, 24);
    return this.add(key, cname,
      `static const dd_schema ${cname} = {${kind}, ${cstr(label)}, ${fields}, ${items === "0" ? "0" : "&" + items}, ${oneof}, 0, 0, 0, ${rule || 0}};`, label);
  }

  // oneOf: picked by key when every alternative is an object with its own
  // first required field (the error then says which keys are expected);
  // otherwise each alternative is tried in turn.
  union(v, t) {
    const key = "union:" + v + ":" + t;
    if (this.defs.has(key)) return this.defs.get(key).cname;
    const alts = this.maps[v].oneOf[t];
    const refs = alts.map((a) => this.type(v, a, ""));
    // json_encode.c picks a keyed alternative by its first field's name
    const firsts = alts.map((a) => {
      if (this.maps[v].enums[a] || this.maps[v].oneOf[a] || !/^[A-Z]/.test(a)) return null;
      const f = loadModel(v, a)[0];
      return f && f.required ? f.name : null;
    });
    const keyed = firsts.every((f) => f) && new Set(firsts).size === firsts.length;
    const o = overlay.models[t] || {};
    if (overlay.models[t]) this.used.add("models." + t);
    const label = o.label || alts.map((a, i) => this.label(refs[i])).join(" | ");
    const list = "u" + (this.order.length + 1) + "_" + cIdent(t);
    this.add(key + "#list", list,
      `static const dd_schema *const ${list}[] = {${refs.map((r) => "&" + r).join(", ")}, NULL};`);
    const cname = "s" + (this.order.length + 1) + "_" + cIdent(t);
    return this.add(key, cname,
      `static const dd_schema ${cname} = {${keyed ? "DD_T_ONEOF" : "DD_T_UNION"}, ${cstr(label)}, 0, 0, ${list}, 0, 0, 0, 0};`, label);
  }

  model(v, t) {
    const key = "model:" + v + ":" + t;
    if (this.defs.has(key)) return this.defs.get(key).cname;
    if (this.visiting.has(t)) fail(`model ${t} refers to itself`);
    this.visiting.add(t);
    const o = overlay.models[t] || {};
    if (overlay.models[t]) this.used.add("models." + t);
    const ofields = o.fields || {};
    let fields = loadModel(v, t);
    for (const name of Object.keys(ofields)) {
      if (!fields.some((f) => f.name === name)) fail(`overlay: ${t} has no field ${name}`);
    }
    if (o.order) {
      const rank = (f) => (o.order.indexOf(f.name) < 0 ? o.order.length : o.order.indexOf(f.name));
      fields = fields.map((f, i) => [f, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map((x) => x[0]);
    }
    if (fields.length > 64) fail(`${t} has over 64 fields (json_encode.c keeps a 64-bit set)`);
    const rows = fields.map((f) => {
      const fo = ofields[f.name] || {};
      const s = this.type(v, f.type, f.format, fo);
      let flags = [];
      if (f.required) flags.push("R");
      // A field declared `| null` takes null (loadModel). Of the others,
      // optional ones do too, since the package cannot say (the official
      // client sends a null as given), unless the overlay lists the ones
      // that do for a model it describes.
      const nullable = f.nullable || (o.nullable ? o.nullable.includes(f.name) : !f.required);
      if (nullable) flags.push("N");
      if (fo.secret) flags.push("SECRET");
      const doc = fo.doc !== undefined ? fo.doc : o.nullable ? null : f.doc || null;
      return `    {${cstr(f.name)}, &${s}, ${flags.join(" | ") || 0}, ${doc === null ? "NULL" : cstr(doc)}},`;
    });
    // models with the same fields (a create and an update of one resource)
    // share one list
    const fv = this.add("fields:" + rows.join("\n"), "f" + (this.order.length + 1) + "_" + cIdent(t),
      `static const dd_field %NAME%[] = {\n${rows.join("\n")}\n    {NULL, NULL, 0, NULL}};`);
    this.visiting.delete(t);
    const cname = "s" + (this.order.length + 1) + "_" + cIdent(t);
    return this.add(key, cname,
      `static const dd_schema ${cname} = {DD_T_OBJECT, ${cstr(o.label || t)}, ${fv}, 0, 0, 0, 0, 0, ${o.rule || 0}};`, o.label || t);
  }
}

function cIdent(s) {
  return s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

function cstr(s) {
  return '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") + '"';
}

function cint(n) {
  return typeof n === "number" ? (n < 0 ? `(${n})` : String(n)) : n;
}

// ---------------------------------------------------------------- query parameters

function queryParam(schemas, op, q) {
  const own = (overlay.query[op.id] || {})[q.name];
  const shared = overlay.query["*"][q.wire + " " + q.type];
  if (own) schemas.used.add(`query.${op.id}.${q.name}`);
  if (shared) schemas.used.add(`query.*.${q.wire} ${q.type}`);
  const o = own || shared || {};
  let type, enums = null, word;
  let m;
  if ((m = /^Array<(.+)>$/.exec(q.type))) {
    type = "DD_QT_CSV";
    enums = schemas.maps[op.v].enums[m[1]] || null;
    word = "string or list of strings";
  } else if (q.type === "boolean") {
    type = "DD_QT_BOOL";
    word = "boolean";
  } else if (q.type === "number") {
    type = "DD_QT_INT";
    word = "integer";
  } else if (q.type === "string" || schemas.maps[op.v].enums[q.type]) {
    type = "DD_QT_STRING";
    enums = schemas.maps[op.v].enums[q.type] || null;
    word = q.format ? `string (${q.format})` : "string";
  } else {
    fail(`${op.id}: query parameter ${q.wire} of type ${q.type}`);
  }
  let doc = o.doc;
  if (doc === undefined) {
    doc = word + (enums ? " (" + enums.join(", ") + ")" : "") + (q.doc ? ": " + q.doc : "");
  }
  const ev = enums ? `static const char *const ${cIdent("qe_" + op.id + "_" + q.name)}[] = {${enums.map(cstr).join(", ")}, NULL};\n` : "";
  return {
    pre: ev,
    row: `    {${cstr(q.name)}, ${cstr(q.wire)}, ${type}, ${q.required ? "DD_QP_REQUIRED" : 0}, `
      + `${enums ? cIdent("qe_" + op.id + "_" + q.name) : "NULL"}, ${cstr(doc)}},`,
  };
}

// ---------------------------------------------------------------- output

function generate() {
  const pkg = require(path.join(PKG_DIR, "package.json"));
  if (pkg.version !== PINNED) fail(`installed ${pkg.version}, pinned ${PINNED}: npm install in scripts/gen-ops`);
  const found = readOperations();
  const rank = (o) => (overlay.first.includes(o.id) ? overlay.first.indexOf(o.id) : overlay.first.length);
  const ops = found.map((o, i) => [o, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map((x) => x[0]);
  for (const id of overlay.first) if (!found.some((o) => o.id === id)) fail(`overlay: no operation ${id}`);
  const schemas = new Schemas();
  const out = [];
  const qout = [];
  const rows = [];
  for (const op of ops) {
    const oo = overlay.operations[op.id] || {};
    const body = op.body ? schemas.type(op.v, op.body, "") : null;
    let query = "NULL";
    if (op.query.length) {
      const qs = op.query.map((q) => queryParam(schemas, op, q));
      const qv = "q_" + op.id;
      qout.push(qs.map((x) => x.pre).join("") + `static const dd_qparam ${qv}[] = {\n${qs.map((x) => x.row).join("\n")}\n};`);
      query = qv;
    }
    if (!oo.summary && !op.summary) fail(`${op.id} has no summary in the package: give one in the overlay`);
    const flags = [];
    if (op.beta) flags.push("DD_OP_BETA");
    if (op.accept === "*/*") flags.push("DD_OP_ACCEPT_ANY");
    else if (op.accept !== "application/json") fail(`${op.id}: Accept ${op.accept}`);
    if (op.nobody && op.success !== 204) flags.push("DD_OP_NO_BODY");
    rows.push(`    {${cstr(op.id)}, ${cstr(op.method)}, "${op.http}", ${cstr(op.path)}, ${query}, `
      + `${op.query.length}, ${body ? "&" + body : "NULL"}, ${flags.join(" | ") || 0}, `
      + `${cstr(oo.summary || op.summary)}, ${op.success}},`);
  }
  for (const id of Object.keys(overlay.operations)) {
    if (!ops.some((o) => o.id === id)) fail(`overlay: no operation ${id}`);
  }
  for (const [id, params] of Object.entries(overlay.query)) {
    for (const name of Object.keys(params)) {
      if (!schemas.used.has(`query.${id}.${name}`)) fail(`overlay: query ${id} ${name} matches no parameter`);
    }
  }
  for (const name of Object.keys(overlay.models)) {
    if (!schemas.used.has("models." + name)) fail(`overlay: model ${name} is not in any body`);
  }
  out.push(`/*
 * ops_gen.c - the operation table and every request body schema, generated
 * by scripts/gen-ops/gen.js from @datadog/datadog-api-client ${PINNED} (the
 * official TypeScript client's request builders, models and enums) and the
 * rules it does not carry (scripts/gen-ops/overlay.js). Do not edit: change
 * the overlay or the pinned version and run \`make gen-ops\`.
 *
 * ${ops.length} operations: ${APIS.map(([, a]) => ops.filter((o) => o.api === a).length + " " + a.replace(/Api$/, "")).join(", ")}.
 */
#include "ops.h"

#define INT32_LO (-2147483647LL - 1)
#define INT32_HI 2147483647LL
#define INT64_LO (-9223372036854775807LL - 1)
#define INT64_HI 9223372036854775807LL
#define R DD_F_REQUIRED
#define N DD_F_NULLABLE
#define SECRET DD_F_SECRET

/* ---------------------------------------------------------------- body schemas */
`);
  for (const key of schemas.order) out.push(schemas.defs.get(key).text);
  out.push(`
/* ---------------------------------------------------------------- query parameters */
`);
  out.push(qout.join("\n"));
  out.push(`
/* ---------------------------------------------------------------- the operations */

const dd_op dd_ops[] = {
${rows.join("\n")}
};
const int dd_nops = (int)(sizeof dd_ops / sizeof dd_ops[0]);
/* the client's bit set of beta operations and the lookups' tables are sized
 * by DD_MAX_OPS */
typedef char dd_ops_fit[sizeof dd_ops / sizeof dd_ops[0] <= DD_MAX_OPS ? 1 : -1];
`);
  const lua = emulator.generate(ops, { loadModel, maps: schemas.maps, pinned: PINNED });
  const res = responses.generate(ops, { loadModel, maps: schemas.maps, pinned: PINNED });
  return { c: out.join("\n"), lua, responses: res };
}

const OUT = {
  c: path.join(ROOT, "src", "ops", "ops_gen.c"),
  lua: path.join(ROOT, "emulator", "lua", "emulator", "ops_gen.lua"),
  responses: path.join(ROOT, "lua", "datadog", "responses_gen.lua"),
};
const text = generate();
if (process.argv.includes("--stdout")) {
  process.stdout.write(text.c);
} else if (process.argv.includes("--stdout-emulator")) {
  process.stdout.write(text.lua);
} else if (process.argv.includes("--stdout-responses")) {
  process.stdout.write(text.responses);
} else {
  fs.writeFileSync(OUT.c, text.c);
  fs.writeFileSync(OUT.lua, text.lua);
  fs.writeFileSync(OUT.responses, text.responses);
}

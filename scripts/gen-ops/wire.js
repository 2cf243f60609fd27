#!/usr/bin/env node
// What reaches a server, byte for byte, from the official TypeScript client
// and from this module, for spec/module/wire_spec.lua.
//
//   node wire.js official CASES.json   sends each case through the official
//                                      client to a server of its own; prints
//                                      what it received, as JSON
//   node wire.js serve PORTFILE LOG    a server for the module: writes its
//                                      port to PORTFILE, keeps every request
//                                      and writes them to LOG on /__quit
//
// A case is { id, params: { <Python name>: value, body = <JSON value> } }, and
// may carry auth: { accessToken } (an OAuth2 token instead of the keys).
// Each request is answered with 200 and "{}".
"use strict";

const http = require("http");
const fs = require("fs");
const path = require("path");

const dist = "@datadog/datadog-api-client/dist/packages/";

// The server: every request as received (raw target, headers, body).
function capture(onListen) {
  const seen = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/__quit") {
        res.end("bye");
        server.close();
        server.emit("quit", seen);
        return;
      }
      seen.push({ method: req.method, target: req.url, headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8") });
      // 200 for all: a status an operation does not expect only makes the
      // official client fail after sending, which is all that counts here
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("{}");
    });
  });
  server.listen(0, "127.0.0.1", () => onListen(server, server.address().port, seen));
  return server;
}

const APIS = [
  ["v2", "IncidentsApi"],
  ["v2", "OpsgenieIntegrationApi"],
  ["v1", "PagerDutyIntegrationApi"],
];

function camel(s) {
  return s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

async function official(casesFile) {
  const dd = require("@datadog/datadog-api-client");
  const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));
  const byId = {};
  for (const [v, api] of APIS) {
    const mod = require(path.posix.join(dist + `datadog-api-client-${v}`, "apis", api));
    const serializer = require(path.posix.join(dist + `datadog-api-client-${v}`, "models", "ObjectSerializer")).ObjectSerializer;
    for (const fn of Object.getOwnPropertyNames(mod[api + "RequestFactory"].prototype)) {
      if (fn === "constructor") continue;
      const text = mod[api + "RequestFactory"].prototype[fn].toString();
      const body = /serialize\(body, "([^"]+)", ""\)/.exec(text);
      byId[fn[0].toUpperCase() + fn.slice(1)] = { v, api, mod, fn, serializer, bodyType: body && body[1] };
    }
  }
  await new Promise((resolve) => {
    capture(async (server, port, seen) => {
      const conf = dd.client.createConfiguration({
        baseServer: new dd.client.BaseServerConfiguration(`http://127.0.0.1:${port}`, {}),
        authMethods: { apiKeyAuth: "wire-api-key", appKeyAuth: "wire-app-key" },
      });
      for (const k of Object.keys(conf.unstableOperations)) conf.unstableOperations[k] = true;
      // a case with a token: the official client's own bearer authentication
      const tokenConf = (token) => {
        const t = dd.client.createConfiguration({
          baseServer: new dd.client.BaseServerConfiguration(`http://127.0.0.1:${port}`, {}),
          authMethods: { AuthZ: { accessToken: token } },
        });
        for (const k of Object.keys(t.unstableOperations)) t.unstableOperations[k] = true;
        return t;
      };
      // its "Using unstable operation" warnings would go to stdout
      require("@datadog/datadog-api-client/dist/logger").logger.setLevel("silent");
      const out = [];
      for (const c of cases) {
        const op = byId[c.id];
        if (!op) throw new Error("no operation " + c.id);
        const api = new op.mod[op.api](c.auth ? tokenConf(c.auth.accessToken) : conf);
        const param = {};
        for (const [k, v] of Object.entries(c.params)) {
          // bodies as the official client takes them: its models, made from JSON
          param[camel(k)] = k === "body" ? op.serializer.deserialize(v, op.bodyType, "") : v;
        }
        const before = seen.length;
        let error = null;
        try {
          // without parameters the facade's only argument is a configuration
          await (Object.keys(param).length ? api[op.fn](param) : api[op.fn]());
        } catch (e) {
          error = String(e.message || e);
        }
        out.push({ id: c.id, request: seen.length > before ? seen[seen.length - 1] : null,
          error: seen.length > before ? null : error });
      }
      server.close();
      process.stdout.write(JSON.stringify(out) + "\n");
      resolve();
    });
  });
}

// Written whole under another name, then renamed: the spec polls for the file
// and must never read it half-written.
function publish(file, text) {
  fs.writeFileSync(file + ".part", text);
  fs.renameSync(file + ".part", file);
}

function serve(portFile, logFile) {
  const server = capture((_, port) => publish(portFile, String(port)));
  server.on("quit", (seen) => publish(logFile, JSON.stringify(seen)));
  // never outlive a spec that died
  setTimeout(() => process.exit(2), 120000).unref();
}

const [mode, a, b] = process.argv.slice(2);
if (mode === "official") {
  official(a).catch((e) => {
    process.stderr.write(String(e && e.stack || e) + "\n");
    process.exit(1);
  });
} else if (mode === "serve") {
  serve(a, b);
} else {
  process.stderr.write("usage: wire.js official CASES.json | serve PORTFILE LOG\n");
  process.exit(2);
}

#!/usr/bin/env node
// Prints, as JSON, what the official TypeScript client itself does for each
// operation of the three tags: the request its own request factory builds
// (method, path, Accept) and whether it refuses the call until the
// operation is enabled (beta). It reads no source text: a check on gen.js,
// which does (spec/module/gen_ops_spec.lua compares the two).
"use strict";

const path = require("path");
const dist = "@datadog/datadog-api-client/dist/packages/";
const dd = require("@datadog/datadog-api-client");
const { UnparsedObject } = require(dist + "datadog-api-client-common/util");
const { logger } = require("@datadog/datadog-api-client/dist/logger");

const APIS = [
  ["v2", "IncidentsApi"],
  ["v2", "OpsgenieIntegrationApi"],
  ["v1", "PagerDutyIntegrationApi"],
];

logger.setLevel && logger.setLevel("error");

function config(unstable) {
  const c = dd.client.createConfiguration({ authMethods: { apiKeyAuth: "k", appKeyAuth: "a" } });
  for (const k of Object.keys(c.unstableOperations)) c.unstableOperations[k] = unstable;
  return c;
}

// A factory method's argument names, from its own text: name(a, b, _options)
function argNames(fn) {
  const m = /^\w+\(([^)]*)\)/.exec(fn.toString());
  return m[1].split(",").map((s) => s.trim()).filter((s) => s && s !== "_options");
}

async function main() {
  const out = [];
  for (const [v, api] of APIS) {
    const Factory = require(path.posix.join(dist + `datadog-api-client-${v}`, "apis", api))[api + "RequestFactory"];
    const on = new Factory(config(true));
    const off = new Factory(config(false));
    for (const fn of Object.getOwnPropertyNames(Factory.prototype)) {
      if (fn === "constructor") continue;
      const names = argNames(Factory.prototype[fn]);
      // path parameters get their own name back, "{incident_id}" once
      // decoded; the body passes unchecked; optional parameters are left out
      // the required ones: each refused in turn, until the call goes through
      const required = [];
      for (;;) {
        try {
          await on[fn](...names.map((n) => (!required.includes(n) ? undefined
            : n === "body" ? new UnparsedObject({}) : "x")));
          break;
        } catch (e) {
          const m = /^Required parameter (\w+) /.exec(e.message);
          const n = m && names.includes(m[1]) && !required.includes(m[1]) ? m[1] : null;
          if (!n) throw e;
          required.push(n);
        }
      }
      const args = names.map((n) => (n === "body" ? new UnparsedObject({})
        : required.includes(n) ? "{" + n.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase() + "}"
          : undefined));
      const req = await on[fn](...args);
      let beta = false;
      try {
        await off[fn](...args);
      } catch (e) {
        beta = /Unstable operation .* is disabled/.test(e.message);
      }
      const url = new URL(req.getUrl());
      const snake = (n) => n.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
      out.push({
        id: fn[0].toUpperCase() + fn.slice(1),
        http: req.getHttpMethod(),
        path: url.pathname.replace(/%7B(\w+)%7D/g, "{$1}"),
        accept: req.getHeaders().Accept,
        beta,
        body: names.includes("body"),
        // required query parameters, by their Python names
        required_query: required.filter((n) => n !== "body" && !url.pathname.includes("%7B" + snake(n) + "%7D"))
          .map(snake),
      });
    }
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + "\n");
  process.exit(1);
});

"use strict";
// Runner for Datadog's official TypeScript client (@datadog/datadog-api-client),
// the peer lua-datadog is compared with.  Plain JS on node, using the package
// bench/run installs into bench/.work/node_modules.
//
//   node bench/ts/bench.js BASE_URL OP N WARMUP [seq|batch:C]
//
// Prints one JSON line.  Ids and the mode label come from the environment
// (BENCH_OPSGENIE_ID, BENCH_INCIDENT_ID, BENCH_INTEGRATION_ID, BENCH_MODE).
//
// Fairness settings, reported in the output's "settings" field:
//  - the client is pointed at the local server with a custom baseServer;
//  - response compression is off (httpConfig.compress = false, so it sends
//    Accept-Encoding: identity; the static server never compresses anyway);
//  - retries are off (enableRetry = false, also the client's default);
//  - the "Using unstable operation" warning the client logs on every beta
//    call is silenced (log level "error"), so console writes are not counted
//    against it;
//  - transport is the client's default (cross-fetch -> node-fetch -> node's
//    http global agent, which keeps connections alive on node >= 19).

const path = require("path");

const modulesDir = process.env.BENCH_NODE_MODULES ||
  path.join(__dirname, "..", ".work", "node_modules");

const [base, op, nArg, warmArg, kindArg] = process.argv.slice(2);
if (!base || !op || !nArg || warmArg === undefined) {
  process.stderr.write("usage: bench.js BASE_URL OP N WARMUP [seq|batch:C]\n");
  process.exit(2);
}
const n = parseInt(nArg, 10);
const warmup = parseInt(warmArg, 10);
const kind = kindArg || "seq";
const concurrency = kind.startsWith("batch:") ? parseInt(kind.slice(6), 10) : 0;

const env = (name, fallback) => process.env[name] || fallback;
const opsgenieId = env("BENCH_OPSGENIE_ID", "596da4af-0563-4097-90ff-07230c3f9db3");
const incidentId = env("BENCH_INCIDENT_ID", "00000000-aaaa-0000-0000-000000000000");
const integrationId = env("BENCH_INTEGRATION_ID", "00000000-0000-0000-1234-000000000000");
const mode = env("BENCH_MODE", "unknown");

// ---------------------------------------------------------------------------
// Start-up: require the package and build the configuration and API objects.
// ---------------------------------------------------------------------------
const nodeBootMs = performance.now();
const t0 = process.hrtime.bigint();
const dd = require(path.join(modulesDir, "@datadog", "datadog-api-client"));
const configuration = dd.client.createConfiguration({
  baseServer: new dd.client.BaseServerConfiguration(base, {}),
  authMethods: { apiKeyAuth: "bench-api-key", appKeyAuth: "bench-app-key" },
  httpConfig: { compress: false },
  enableRetry: false,
});
configuration.unstableOperations["v2.updateIncidentIntegration"] = true;
configuration.unstableOperations["v2.listIncidentIntegrations"] = true;
const incidents = new dd.v2.IncidentsApi(configuration);
const opsgenie = new dd.v2.OpsgenieIntegrationApi(configuration);
const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
dd.logger.setLevel("error");

const clientVersion = require(path.join(modulesDir, "@datadog", "datadog-api-client",
  "package.json")).version;

// The same PATCH body the other runners send, in the client's model naming.
const patchBody = {
  data: {
    type: "incident_integrations",
    attributes: {
      integrationType: 1,
      metadata: {
        channels: [{
          channelId: "C0123456789",
          channelName: "#bench",
          redirectUrl: "https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
          teamId: "T01234567",
        }],
      },
    },
  },
};

const calls = {
  GetOpsgenieService: () => opsgenie.getOpsgenieService({ integrationServiceId: opsgenieId }),
  UpdateIncidentIntegration: () => incidents.updateIncidentIntegration({
    incidentId, integrationMetadataId: integrationId, body: patchBody,
  }),
  ListIncidentIntegrations: () => incidents.listIncidentIntegrations({ incidentId }),
};
const call = calls[op];
if (!call) {
  process.stderr.write(`bench.js: unknown operation ${op}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------
let errors = 0;
let firstError = null;
let rssPeakSampled = process.memoryUsage().rss;

function check(res) {
  if (!res || !res.data) throw new Error("empty response");
}

async function once() {
  try {
    check(await call());
  } catch (e) {
    errors++;
    if (!firstError) firstError = String(e && e.message ? e.message : e).slice(0, 300);
  }
}

function sampleRss() {
  const rss = process.memoryUsage().rss;
  if (rss > rssPeakSampled) rssPeakSampled = rss;
}

async function sequential() {
  const lat = new Array(n);
  for (let i = 0; i < warmup; i++) await once();
  errors = 0;
  const cpu0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    await once();
    lat[i] = Number(process.hrtime.bigint() - s) / 1e3;
    if ((i & 127) === 0) sampleRss();
  }
  const wall = Number(process.hrtime.bigint() - w0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { lat, wall, cpu };
}

// N calls by C workers sharing one counter: at most C requests in flight.
async function batch() {
  for (let i = 0; i < warmup; i++) await once();
  errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      await once();
    }
  };
  const cpu0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  const workers = [];
  for (let k = 0; k < concurrency; k++) workers.push(worker());
  await Promise.all(workers);
  const wall = Number(process.hrtime.bigint() - w0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  sampleRss();
  return { lat: null, wall, cpu };
}

(async () => {
  const r = concurrency > 0 ? await batch() : await sequential();
  const out = {
    runner: "typescript",
    op,
    mode,
    section: env("BENCH_SECTION", "seq"),
    kind: concurrency > 0 ? "batch" : "seq",
    concurrency: concurrency > 0 ? concurrency : undefined,
    n,
    warmup,
    wall_s: r.wall,
    cpu_s: (r.cpu.user + r.cpu.system) / 1e6,
    peak_rss_kb: process.resourceUsage().maxRSS,
    rss_sampled_peak_kb: Math.round(rssPeakSampled / 1024),
    startup_ms: startupMs,
    node_boot_ms: nodeBootMs,
    errors,
    first_error: firstError || undefined,
    client: "@datadog/datadog-api-client",
    client_version: clientVersion,
    node: process.version,
    settings: "baseServer=" + base + "; compress=false; enableRetry=false; " +
      "unstable ops enabled by name; unstable-op warning silenced",
    latencies_us: r.lat ? r.lat.map((x) => Math.round(x * 10) / 10) : undefined,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  process.exitCode = errors ? 1 : 0;
})();

// npm run bench [-- --quick] [-- --soak=300] [-- --duration=10]
// One run, so the figures compare: the production build (`next start`) on a fresh database on the
// local PostgreSQL, loaded from this process over localhost only, every loop bounded in time.
//   1. framework ceiling: GET /api/ping-pages, a constant Pages Router API route, the kind of route
//      the sign-up is (no database); and GET /api/ping, the same as an App Router route handler
//   2. database ceiling: the SQL of one sign-up, straight to PostgreSQL through a pool like the app's
//      sign-up pool (DATABASE_SIGN_UP_POOL_SIZE)
//   3. sign-ups through the public path: the /register form posted to /api/register/submit as a browser
//      posts it (URL-encoded; the form is plain HTML with or without JavaScript), at 16 and 64 clients
//   at 16 and 64 clients each of 1–3 twice, in the order A B C … C B A (see interleaved())
// then the app server's memory (peak in the 64-client run; a soak at steady load), the dashboard's
// queries with 100,000 registrations, and the JavaScript the sign-up page loads.
// Results: bench/results/latest.json and a table on stdout (copy into docs/PERFORMANCE.md).
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { envSchema } from "../lib/env-schema";
import { seed } from "../lib/events/seed";
import { ensureProductionBuild, startNextServer } from "../test/support/next-server";
import { createMigratedDatabase, dropDatabase, findTestServer } from "../test/support/postgres";
import { cpuCeiling, cpuPerRequest, cpuTotals, type CpuPerRequest } from "./cpu";
import { combined, cpuUsed, fromAutocannon, interleaved, load, type Figures, type Half } from "./phases";
import { signUpSql, signUpSqlContext, type SignUpSqlContext } from "./sign-up-sql";
import { StatementBatcher } from "../lib/db/batch";
import { createPool } from "../lib/db/pool";
import { SIGN_UP } from "../lib/registrations/sign-up-sql";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = args.includes("--quick");
const duration = Number(flag("duration") ?? (quick ? 5 : 10)); // seconds per measured phase
const soakSeconds = Number(flag("soak") ?? (quick ? 45 : 300));
const port = Number(process.env.BENCH_PORT ?? 3801);
// The app's pools, with the app's defaults (lib/env-schema.ts). The registration statements have
// their own (lib/db/pool.ts: signUpPool); the database ceiling sends the same statement on a pool of
// the same size.
const poolSize = envSchema.shape.DATABASE_POOL_SIZE.parse(process.env.DATABASE_POOL_SIZE);
const signUpPoolSize = envSchema.shape.DATABASE_SIGN_UP_POOL_SIZE.parse(process.env.DATABASE_SIGN_UP_POOL_SIZE);
const signUpBatchSize = envSchema.shape.DATABASE_SIGN_UP_BATCH_SIZE.parse(process.env.DATABASE_SIGN_UP_BATCH_SIZE);
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => console.log(`• ${line}`);

/** An autocannon phase against the app, with the CPU its requests cost each process (bench/cpu.ts). */
async function measured(appPid: number, run: () => Promise<autocannon.Result>): Promise<Figures> {
  const before = cpuTotals(descendants(appPid));
  const figures = fromAutocannon(await run(), duration);
  figures.cpu = cpuPerRequest(before, cpuTotals(descendants(appPid)), figures.total);
  return figures;
}

/** An autocannon run (with skipAggregateResult) as one half of a phase. */
async function httpHalf(appPid: number, run: () => Promise<autocannon.Result>): Promise<Half> {
  const before = cpuTotals(descendants(appPid));
  const raw = (await run()) as unknown as { duration: number; totalCompletedRequests: number };
  return { seconds: raw.duration, total: raw.totalCompletedRequests, cpu: cpuUsed(before, cpuTotals(descendants(appPid))), http: raw };
}

const cpuText = (cpu?: CpuPerRequest) =>
  cpu
    ? `, CPU per request: app ${cpu.appMs} ms, PostgreSQL ${cpu.postgresMs} ms, load generator ${cpu.loadMs} ms (at most ${cpuCeiling(cpu, cpus().length)}/s on ${cpus().length} cores)`
    : "";

// ---- the app server ------------------------------------------------------------------------------

function descendants(pid: number): number[] {
  try {
    const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
    const children = new Map<number, number[]>();
    for (const line of out.trim().split("\n")) {
      const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
      children.set(parent, [...(children.get(parent) ?? []), child]);
    }
    const all = [pid];
    for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
    return all;
  } catch {
    return [pid];
  }
}

/**
 * Resident memory of the server and its child processes (`pids`, from descendants()), in MB. Only
 * reads /proc: the samplers run during measured phases, in the load generator's process, and
 * descendants() runs `ps` synchronously, which stalled the load generator (see PERFORMANCE.md).
 */
function residentMB(pids: number[]): number {
  let kb = 0;
  for (const p of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

async function waitUntilServing(child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${base}/api/ping`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the app did not start");
}

// ---- the sign-up form, as a browser posts it (a plain HTML form, the same with JavaScript on or off) ----

async function checkRegisterForm(): Promise<void> {
  const page = await (await fetch(`${base}/register`)).text();
  if (!/<form[^>]* action="\/api\/register\/submit" method="post"/.test(page)) throw new Error("the /register page has no sign-up form posting to /api/register/submit");
}

let counter = 0;

function signUpBody(): string {
  const n = `${process.pid}${Date.now().toString(36)}${(counter++).toString(36)}`;
  return new URLSearchParams([
    ["submissionKey", `bench${n}`.padEnd(20, "x").slice(0, 64)],
    ["waiverVersion", waiverVersion],
    ["website", ""],
    ["walkers.0.firstName", "Bench"],
    ["walkers.0.lastName", `Walker ${n}`],
    ["contactEmail", `bench-${n}@example.org`],
    ["walkers.0.phone", ""],
    ["walkers.0.ageBand", "AGE_35_54"],
    ["walkers.0.tshirtSize", "M"],
    ["walkers.0.emergencyContactName", "Someone Else"],
    ["walkers.0.emergencyContactPhone", "6201234"],
    ["walkers.0.accessibilityNeeds", ""],
    ["language", "EN"],
    ["waiverAccepted", "on"],
    ["privacyAccepted", "on"],
  ]).toString();
}
let waiverVersion = "";

function signUpRun(connections: number, seconds: number, overallRate?: number, raw = false) {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    overallRate,
    timeout: 30,
    skipAggregateResult: raw,
    requests: [
      {
        method: "POST",
        path: "/api/register/submit",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: base },
        setupRequest: (request) => ({ ...request, body: signUpBody() }),
      },
    ],
  });
}

/** The constant routes: `pages` (/api/ping-pages) is the kind of route the sign-up is; `app` (/api/ping), an App Router route handler. */
const pingRun = (connections: number, seconds: number, kind: "pages" | "app" = "pages", raw = false) =>
  autocannon({ url: `${base}/api/${kind === "pages" ? "ping-pages" : "ping"}`, connections, duration: seconds, timeout: 30, skipAggregateResult: raw });

// ---- the database ceiling ------------------------------------------------------------------------

async function withPool<T>(url: string, run: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}

/**
 * The database ceiling: `concurrency` loops sending a sign-up's statement through a StatementBatcher
 * on a pool like the app's sign-up pool. `batch` is the most sent together: the app's
 * DATABASE_SIGN_UP_BATCH_SIZE, or 1 for one statement at a time (the ceiling before batching).
 */
async function databaseCeiling(url: string, context: SignUpSqlContext, concurrency: number, seconds: number, appPid: number, batch = signUpBatchSize): Promise<Figures> {
  return combined([await databaseCeilingHalf(url, context, concurrency, seconds, appPid, batch)], base, concurrency);
}

/** The database ceiling for `seconds`, as one half of a phase. */
async function databaseCeilingHalf(url: string, context: SignUpSqlContext, concurrency: number, seconds: number, appPid: number, batch = signUpBatchSize): Promise<Half> {
  const before = cpuTotals(descendants(appPid));
  const pool = createPool(url, signUpPoolSize, { pipeline: true }); // as the app's sign-up pool
  const batcher = new StatementBatcher(() => pool, SIGN_UP, batch);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          await signUpSql(batcher, context);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          // The bench's own made-up rows: the error's code and message hold nothing personal.
          firstError ??= `${(error as { code?: string }).code ?? ""} ${(error as Error).message}`.trim();
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  // Read before the pool closes: the backends' CPU leaves with them.
  const cpu = cpuUsed(before, cpuTotals(descendants(appPid)));
  await pool.end();
  return { seconds: elapsed, total: latencies.length, cpu, latencies, errors, ...(firstError ? { firstError } : {}) };
}

// ---- the sign-up page's JavaScript ---------------------------------------------------------------

async function registerPageScripts(): Promise<{ files: number; rawKB: number; gzipKB: number }> {
  const html = await (await fetch(`${base}/register`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = path.join(root, ".next", decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0]!));
    const content = existsSync(file) ? readFileSync(file) : Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: sources.length, rawKB: Math.round(raw / 102.4) / 10, gzipKB: Math.round(gzip / 102.4) / 10 };
}

// ---- main ----------------------------------------------------------------------------------------

async function main() {
  const results: Record<string, unknown> = { startedAt: new Date().toISOString(), quick, duration, soakSeconds, poolSize, signUpPoolSize, loadAtStart: load() };
  const server = await findTestServer();
  const database = await createMigratedDatabase(server, "bench");
  let app: ChildProcess | undefined;
  try {
    const db = createPrismaClient(database.url, 2);
    await seed(db);
    const event = await db.event.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    waiverVersion = event.waiverVersion;
    // Room for every sign-up of the run: the common path (a confirmed place), not the waiting list.
    await db.event.update({ where: { id: event.id }, data: { capacity: 100_000_000 } });
    await db.$disconnect();
    log(`database ${database.name}, event capacity raised for the run`);

    if (!existsSync(path.join(root, ".next/BUILD_ID")) || process.env.FORCE_BUILD === "1") log("building the production bundle");
    ensureProductionBuild();
    app = startNextServer(port, {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(poolSize),
      DATABASE_SIGN_UP_POOL_SIZE: String(signUpPoolSize),
      DATABASE_SIGN_UP_BATCH_SIZE: String(signUpBatchSize),
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
      // Every request of the run comes from 127.0.0.1: raise the per-address sign-up limit.
      RATE_LIMIT_SIGNUPS: "1000000",
      // Delivery is measured by the email tests; here the queue only fills (rows are still written).
      EMAIL_WORKER: "off",
      SMTP_URL: "smtp://127.0.0.1:9",
    });
    await waitUntilServing(app);
    const pid = app.pid!;
    log(`next start on ${base} (pid ${pid}), load ${load()}`);

    await checkRegisterForm();
    // Warm-up: compile paths, fill pools.
    await pingRun(8, 2);
    await pingRun(8, 2, "app");
    const warmUp = fromAutocannon(await signUpRun(8, 2), 2);
    // The server's processes, listed once (a sampler during a phase must not run `ps`).
    const serverPids = descendants(pid);
    results.rssAfterWarmupMB = residentMB(serverPids);

    const sqlContext = await withPool(database.url, signUpSqlContext);
    // One client at a time: the cost of one request with nothing queued.
    results.c1 = {
      ping: await measured(pid, () => pingRun(1, duration)),
      appRoutePing: await measured(pid, () => pingRun(1, duration, "app")),
      database: await databaseCeiling(database.url, sqlContext, 1, duration, pid),
      signUp: await measured(pid, () => signUpRun(1, duration)),
    };
    log(`c=1 ${JSON.stringify(results.c1)}`);
    for (const c of [16, 64]) {
      // Each phase runs twice for `duration` seconds: A B C D E, then E D C B A.
      const half = duration;
      let peak = 0;
      const phases = await interleaved(
        {
          ping: () => httpHalf(pid, () => pingRun(c, half, "pages", true)),
          appRoutePing: () => httpHalf(pid, () => pingRun(c, half, "app", true)),
          database: () => databaseCeilingHalf(database.url, sqlContext, c, half, pid),
          // The same statement one at a time, as the app sent it before batching: for comparison.
          databaseOneAtATime: () => databaseCeilingHalf(database.url, sqlContext, c, half, pid, 1),
          signUp: async () => {
            const sampler = setInterval(() => (peak = Math.max(peak, residentMB(serverPids))), 250);
            const halfOfSignUps = await httpHalf(pid, () => signUpRun(c, half, undefined, true));
            clearInterval(sampler);
            peak = Math.max(peak, residentMB(serverPids));
            return halfOfSignUps;
          },
        },
        (halves) => combined(halves, base, c),
      );
      const { ping, appRoutePing, database: ceiling, databaseOneAtATime: ceilingAlone, signUp: signUps } = phases;
      log(`c=${c} ping (Pages API route): ${ping.rps}/s p99 ${ping.p99} ms${cpuText(ping.cpu)}`);
      log(`c=${c} ping (App Router route handler): ${appRoutePing.rps}/s p99 ${appRoutePing.p99} ms${cpuText(appRoutePing.cpu)}`);
      log(`c=${c} database: ${ceiling.rps}/s p99 ${ceiling.p99} ms errors ${ceiling.errors}${ceiling.firstError ? ` (first: ${ceiling.firstError})` : ""}${cpuText(ceiling.cpu)}`);
      log(`c=${c} database, one statement at a time: ${ceilingAlone.rps}/s p99 ${ceilingAlone.p99} ms errors ${ceilingAlone.errors}${cpuText(ceilingAlone.cpu)}`);
      log(`c=${c} sign-up: ${signUps.rps}/s p50 ${signUps.p50} p99 ${signUps.p99} ms, non-2xx/3xx ${signUps.non2xx} errors ${signUps.errors}, peak RSS ${peak} MB${cpuText(signUps.cpu)} (load ${signUps.load})`);
      results[`c${c}`] = {
        ping,
        appRoutePing,
        database: ceiling,
        databaseOneAtATime: ceilingAlone,
        signUp: signUps,
        peakRssMB: peak,
        ratioSignUpToPing: +(signUps.rps / ping.rps).toFixed(2),
        ratioSignUpToDatabase: +(signUps.rps / ceiling.rps).toFixed(2),
        ratioSignUpToDatabaseOneAtATime: +(signUps.rps / ceilingAlone.rps).toFixed(2),
        ratioP99SignUpToPing: +(signUps.p99 / Math.max(1, ping.p99)).toFixed(2),
        // Against the App Router's constant route (the kind the sign-up was until it moved): for comparison.
        ratioSignUpToAppRoutePing: +(signUps.rps / appRoutePing.rps).toFixed(2),
        ratioP99SignUpToAppRoutePing: +(signUps.p99 / Math.max(1, appRoutePing.p99)).toFixed(2),
        signUpsPerMinute: signUps.rps * 60,
      };
    }

    // Soak: a steady rate (about half the 16-client throughput) for soakSeconds; resident memory
    // after the first minute (a third of the soak when it is shorter than 3 minutes) against the end.
    const steadyRate = Math.max(20, Math.round(((results.c16 as { signUp: Figures }).signUp.rps || 100) / 2));
    const markAt = soakSeconds >= 180 ? 60 : Math.round(soakSeconds / 3);
    const samples: [number, number][] = [];
    const t0 = Date.now();
    const soakSampler = setInterval(() => samples.push([Math.round((Date.now() - t0) / 1000), residentMB(serverPids)]), 1000);
    const soak = fromAutocannon(await signUpRun(16, soakSeconds, steadyRate), soakSeconds);
    clearInterval(soakSampler);
    const atMark = samples.find(([s]) => s >= markAt)?.[1] ?? 0;
    const atEnd = samples.at(-1)?.[1] ?? 0;
    results.soak = { seconds: soakSeconds, rate: steadyRate, markSeconds: markAt, rssAtMarkMB: atMark, rssAtEndMB: atEnd, growth: +(atEnd / Math.max(1, atMark) - 1).toFixed(3), peakMB: Math.max(...samples.map(([, m]) => m)), signUps: soak, samples };
    log(`soak ${soakSeconds}s at ${steadyRate}/s: RSS ${atMark} MB at ${markAt}s → ${atEnd} MB at end (load ${soak.load})`);

    results.registerPageScripts = await registerPageScripts();
    log(`/register loads ${JSON.stringify(results.registerPageScripts)}`);

    // The sign-ups are now in the database; count them: every 2xx/3xx answer must be a walker.
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    const { rows } = await check.query<{ walkers: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM "Walker") AS walkers, (SELECT count(*)::int FROM "EmailOutbox") AS outbox`,
    );
    results.rows = rows[0];
    // Every sign-up answered 303 must be a walker with its email. The walkers are the 303s of every
    // sign-up phase (warm-up and soak included), the database ceiling's own registrations, and the
    // sign-ups still in flight when a phase stopped (autocannon does not count their answers): at
    // most one per connection of each phase (each half of one).
    const phases = [warmUp, ...["c1", "c16", "c64"].map((c) => (results[c] as { signUp: Figures }).signUp), soak];
    const answered303 = phases.reduce((sum, f) => sum + (f.statuses?.["303"] ?? 0), 0);
    const ceilingRows = ["c1", "c16", "c64"].reduce((sum, c) => {
      const phase = results[c] as { database: Figures; databaseOneAtATime?: Figures };
      return sum + phase.database.total + (phase.databaseOneAtATime?.total ?? 0);
    }, 0);
    const { walkers, outbox } = rows[0]!;
    results.rowsCheck = {
      answered303,
      ceilingRows,
      walkers,
      outbox,
      /** Must be 0: 303s without a walker. */
      lost: Math.max(0, answered303 + ceilingRows - walkers),
      inFlightAtPhaseEnds: walkers - answered303 - ceilingRows,
      // The warm-up, one client, each half of the 16- and 64-client sign-ups, the soak.
      connectionsAtPhaseEnds: 8 + 1 + 2 * 16 + 2 * 64 + 16,
    };
    log(`rows: ${JSON.stringify(results.rowsCheck)}`);
    await check.end();
    app.kill("SIGTERM");
    await new Promise((r) => app!.once("exit", r));
    app = undefined;

    log("dashboard with 100,000 registrations");
    const out = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "bench/dashboard.ts"), event.id],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    results.dashboard = JSON.parse(out.trim().split("\n").at(-1)!);
    results.loadAtEnd = load();
  } finally {
    if (app && app.exitCode === null) app.kill("SIGKILL");
    if (!process.env.BENCH_KEEP_DB) await dropDatabase(server, database.name).catch(() => undefined); else console.log("kept", database.url);
    await server.stop();
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, "bench/results/latest.json"), JSON.stringify(results, null, 2));
  console.log(JSON.stringify({ ...results, soak: { ...(results.soak as object), samples: undefined } }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// npm run bench [-- --quick] [-- --soak=300] [-- --duration=10] [-- --burst=5000]
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
import { SMTPServer } from "smtp-server";
import { spawnEmailWorker } from "../scripts/lib/email-worker-process";
import { envSchema } from "../lib/env-schema";
import { seed } from "../lib/events/seed";
import { ensureProductionBuild, startNextServer, waitUntilServing } from "../test/support/next-server";
import { createMigratedDatabase, dropDatabase, findTestServer } from "../test/support/postgres";
import { cpuCeiling, cpuPerRequest, cpuTotals, type CpuPerRequest } from "./cpu";
import { combined, cpuUsed, fromAutocannon, interleaved, load, type Figures, type Half } from "./phases";
import { signUpBody } from "./sign-up-form";
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

// ---- the sign-up form, as a browser posts it (a plain HTML form, the same with JavaScript on or off) ----

async function checkRegisterForm(): Promise<void> {
  const page = await (await fetch(`${base}/register`)).text();
  if (!/<form[^>]* action="\/api\/register\/submit" method="post"/.test(page)) throw new Error("the /register page has no sign-up form posting to /api/register/submit");
}

let waiverVersion = "";

function signUpRun(connections: number, seconds: number, overallRate?: number, raw = false, amount?: number) {
  return autocannon({
    url: base,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    overallRate,
    timeout: 30,
    skipAggregateResult: raw,
    requests: [
      {
        method: "POST",
        path: "/api/register/submit",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: base },
        setupRequest: (request) => ({ ...request, body: signUpBody(waiverVersion) }),
      },
    ],
  });
}

/** The constant routes: `pages` (/api/ping-pages) is the kind of route the sign-up is; `app` (/api/ping), an App Router route handler. */
const pingRun = (connections: number, seconds: number, kind: "pages" | "app" = "pages", raw = false) =>
  autocannon({ url: `${base}/api/${kind === "pages" ? "ping-pages" : "ping"}`, connections, duration: seconds, timeout: 30, skipAggregateResult: raw });

/** A public page rendered once for everyone (pages/public/, served from `/` and `/booths` by proxy.ts), as a browser asks for it. */
const pageRun = (connections: number, seconds: number, page: "/" | "/booths", raw = false) =>
  autocannon({ url: `${base}${page}`, connections, duration: seconds, timeout: 30, skipAggregateResult: raw, headers: { accept: "text/html", "accept-language": "en" } });

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

// ---- emails beside sign-ups ----------------------------------------------------------------------

const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-01";

/**
 * `npm start`'s default: the email worker in a process of its own (scripts/worker.ts, EMAIL_WORKER=process)
 * delivering to a real SMTP server (the dev mailbox) while walkers sign up. Sign-ups at 32 clients with
 * the worker delivering against the worker stopped (SIGSTOP: the same as EMAIL_WORKER=off), halves
 * interleaved; then a burst of `burst` sign-ups and the time until the last of their confirmations is
 * delivered, each once. The earlier phases' emails (the bench's own made-up rows) are set aside first.
 */
async function emailPhase(databaseUrl: string, appPid: number, burst: number): Promise<Record<string, unknown>> {
  // A real SMTP server that keeps only each message's recipients: parsing messages (as the dev mailbox
  // does) would cost this process, the load generator's, CPU that a real mail server spends elsewhere.
  const smtpPort = Number(process.env.BENCH_SMTP_PORT ?? 3825);
  let recipients: string[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo: (address, _session, callback) => (recipients.push(address.address), callback()),
    onData: (stream, _session, callback) => stream.on("end", () => callback()).resume(),
  });
  await new Promise<void>((resolve) => sink.listen(smtpPort, "127.0.0.1", resolve));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const setAside = () => db.query(`UPDATE "EmailOutbox" SET "status" = 'SENT', "sentAt" = now() WHERE "status" <> 'SENT'`);
  const waiting = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailOutbox" WHERE "status" IN ('QUEUED', 'SENDING')`)).rows[0]!.n;
  await setAside();
  // As npm start starts it (one process, which SIGSTOP reaches; its lower priority).
  const worker = spawnEmailWorker(
    { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, APP_URL: base, AUTH_SECRET: BENCH_SECRET },
    ["ignore", "ignore", "inherit"],
  );
  try {
    await new Promise((r) => setTimeout(r, 3000)); // the worker connects and listens
    const signal = (name: NodeJS.Signals) => process.kill(worker.pid!, name);
    const phasesStarted = new Date();
    let workerPeakMB = 0;
    const phases = await interleaved(
      {
        workerDelivering: async () => {
          signal("SIGCONT");
          const sampler = setInterval(() => (workerPeakMB = Math.max(workerPeakMB, residentMB([worker.pid!]))), 500);
          const half = await httpHalf(appPid, () => signUpRun(32, duration, undefined, true));
          clearInterval(sampler);
          return half;
        },
        workerStopped: async () => {
          signal("SIGSTOP");
          try {
            return await httpHalf(appPid, () => signUpRun(32, duration, undefined, true));
          } finally {
            signal("SIGCONT");
          }
        },
      },
      (halves) => combined(halves, base, 32),
    );
    const sentDuringPhases = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailOutbox" WHERE "status" = 'SENT' AND "sentAt" > $1`, [phasesStarted])).rows[0]!.n;
    log(`c=32 sign-ups with the email worker delivering: ${phases.workerDelivering.rps}/s p99 ${phases.workerDelivering.p99} ms; worker stopped: ${phases.workerStopped.rps}/s p99 ${phases.workerStopped.p99} ms`);

    // The burst: every confirmation delivered once, and how long the queue takes to empty.
    await setAside();
    await new Promise((r) => setTimeout(r, 3000)); // the messages already handed to SMTP land first
    recipients = [];
    const started = Date.now();
    const burstRun = fromAutocannon(await signUpRun(32, 0, undefined, false, burst), 1);
    const signUpSeconds = (Date.now() - started) / 1000;
    const deadline = started + 15 * 60_000;
    while ((await waiting()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    const drainSeconds = (Date.now() - started) / 1000;
    const left = await waiting();
    const queuedInBurst = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailOutbox" WHERE "createdAt" >= $1`, [new Date(started)])).rows[0]!.n;
    const delivered = recipients;
    const perRecipient = new Map<string, number>();
    for (const to of delivered) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const result = {
      workerDelivering: phases.workerDelivering,
      workerStopped: phases.workerStopped,
      ratioSignUpsWorkerDeliveringToStopped: +(phases.workerDelivering.rps / Math.max(1, phases.workerStopped.rps)).toFixed(2),
      sentWhileMeasuring: sentDuringPhases,
      workerPeakRssMB: workerPeakMB,
      burst: {
        signUps: burst,
        answered303: burstRun.statuses?.["303"] ?? 0,
        signUpSeconds: +signUpSeconds.toFixed(1),
        queued: queuedInBurst,
        drainSeconds: +drainSeconds.toFixed(1),
        emailsPerSecond: +(queuedInBurst / drainSeconds).toFixed(1),
        stillQueued: left,
        delivered: delivered.length,
        recipients: perRecipient.size,
        deliveredTwice: [...perRecipient.values()].filter((n) => n > 1).length,
      },
    };
    log(`burst of ${burst} sign-ups: answered in ${result.burst.signUpSeconds} s, ${queuedInBurst} emails delivered in ${result.burst.drainSeconds} s (${result.burst.emailsPerSecond}/s), ${result.burst.delivered} in the mailbox, ${result.burst.deliveredTwice} twice, ${left} left`);
    return result;
  } finally {
    if (worker.exitCode === null) {
      worker.kill("SIGCONT");
      worker.kill("SIGTERM");
      await new Promise((r) => worker.once("exit", r));
    }
    await db.end();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
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
      AUTH_SECRET: BENCH_SECRET,
      // Every request of the run comes from 127.0.0.1: raise the per-address sign-up limit.
      RATE_LIMIT_SIGNUPS: "1000000",
      // Delivery is measured by the email tests; here the queue only fills (rows are still written).
      EMAIL_WORKER: "off",
      SMTP_URL: "smtp://127.0.0.1:9",
    });
    await waitUntilServing(base, app, 120_000);
    const pid = app.pid!;
    log(`next start on ${base} (pid ${pid}), load ${load()}`);

    await checkRegisterForm();
    // Warm-up: compile paths, fill pools.
    await pingRun(8, 2);
    await pingRun(8, 2, "app");
    await pageRun(8, 2, "/");
    await pageRun(8, 2, "/booths");
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
          home: () => httpHalf(pid, () => pageRun(c, half, "/", true)),
          booths: () => httpHalf(pid, () => pageRun(c, half, "/booths", true)),
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
      const { ping, appRoutePing, home, booths, database: ceiling, databaseOneAtATime: ceilingAlone, signUp: signUps } = phases;
      log(`c=${c} ping (Pages API route): ${ping.rps}/s p99 ${ping.p99} ms${cpuText(ping.cpu)}`);
      log(`c=${c} ping (App Router route handler): ${appRoutePing.rps}/s p99 ${appRoutePing.p99} ms${cpuText(appRoutePing.cpu)}`);
      log(`c=${c} home page /: ${home.rps}/s p99 ${home.p99} ms, non-2xx ${home.non2xx}${cpuText(home.cpu)}`);
      log(`c=${c} booth map /booths: ${booths.rps}/s p99 ${booths.p99} ms, non-2xx ${booths.non2xx}${cpuText(booths.cpu)}`);
      log(`c=${c} database: ${ceiling.rps}/s p99 ${ceiling.p99} ms errors ${ceiling.errors}${ceiling.firstError ? ` (first: ${ceiling.firstError})` : ""}${cpuText(ceiling.cpu)}`);
      log(`c=${c} database, one statement at a time: ${ceilingAlone.rps}/s p99 ${ceilingAlone.p99} ms errors ${ceilingAlone.errors}${cpuText(ceilingAlone.cpu)}`);
      log(`c=${c} sign-up: ${signUps.rps}/s p50 ${signUps.p50} p99 ${signUps.p99} ms, non-2xx/3xx ${signUps.non2xx} errors ${signUps.errors}, peak RSS ${peak} MB${cpuText(signUps.cpu)} (load ${signUps.load})`);
      results[`c${c}`] = {
        ping,
        appRoutePing,
        home,
        booths,
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
        // The public pages against the App Router's constant route (targets: ≥ 0.5, p99 ≤ 2×).
        ratioHomeToAppRoutePing: +(home.rps / appRoutePing.rps).toFixed(2),
        ratioP99HomeToAppRoutePing: +(home.p99 / Math.max(1, appRoutePing.p99)).toFixed(2),
        ratioBoothsToAppRoutePing: +(booths.rps / appRoutePing.rps).toFixed(2),
        ratioP99BoothsToAppRoutePing: +(booths.p99 / Math.max(1, appRoutePing.p99)).toFixed(2),
      };
    }

    results.email = await emailPhase(database.url, pid, Number(flag("burst") ?? (quick ? 1_000 : 5_000)));

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
    const email = results.email as { workerDelivering: Figures; workerStopped: Figures; burst: { answered303: number } };
    const phases = [warmUp, ...["c1", "c16", "c64"].map((c) => (results[c] as { signUp: Figures }).signUp), email.workerDelivering, email.workerStopped, soak];
    const answered303 = phases.reduce((sum, f) => sum + (f.statuses?.["303"] ?? 0), 0) + email.burst.answered303;
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
      // The warm-up, one client, each half of the 16- and 64-client sign-ups and of the email phase's, the soak.
      connectionsAtPhaseEnds: 8 + 1 + 2 * 16 + 2 * 64 + 4 * 32 + 16,
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

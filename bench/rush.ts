// npm run bench:rush — the rush as `npm start` runs it: a server started by scripts/start.ts with its
// defaults (the email worker in a process of its own, the 256 MB heap, the dev mailbox), a walk with
// 20,000 walkers signed up through the form, then a mixed load at 64 clients (each connection in turn:
// the walk's page, the sign-up page, a sign-up, the booth map, a manage page) in rounds of one minute.
// It reports each round's rate against the first, the web server's resident memory after the first
// minute and at the end, and the constant route's and the sign-ups' rates 10 s after the load against
// the same server's when freshly started, then side by side with a second, fresh web server on the
// same database (started with the first's flags and environment). One difference from npm start, on purpose:
// RATE_LIMIT_SIGNUPS is raised, since every request comes from 127.0.0.1.
//   npm run bench:rush                       10 rounds of 60 s (about 14 minutes in all)
//   npm run bench:rush -- --rounds=3 --round=30 --walkers=5000
//   npm run bench:rush -- --database=test    the tests' PostgreSQL (DATABASE_URL, else 127.0.0.1:5432)
//                                            instead of npm start's embedded one
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { startNextServer, waitUntilServing } from "../test/support/next-server";
import { cpuPerRequest, cpuTotals } from "./cpu";
import { npmStart } from "./npm-start";
import { signUpBody } from "./sign-up-form";

const root = path.resolve(import.meta.dirname, "..");
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const rounds = flag("rounds", 10);
const roundSeconds = flag("round", 60);
const walkers = flag("walkers", 20_000);
const port = Number(process.env.BENCH_PORT ?? 3802);
// npm start's default: its embedded PostgreSQL 18 (autovacuum on), not the machine's server.
const embedded = !process.argv.includes("--database=test");
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => console.log(`• ${line}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface GcState {
  totals: Record<"minor" | "major" | "incremental" | "weakcb", { count: number; ms: number }>;
  usedAfterMajorMB: number;
  limitMB: number;
  spacesMB: Record<string, number>;
  externalMB: number;
}

/** The web server's garbage-collection totals, as bench/gc-observer.mjs last wrote them. */
function gcState(dir: string, pid: number): GcState | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, `gc-${pid}.json`), "utf8")) as GcState;
  } catch {
    return undefined;
  }
}

/** A round's collections: pause time (all kinds) and major collections, and the heap a major one left. */
function gcBetween(before: GcState | undefined, after: GcState | undefined) {
  if (!before || !after) return undefined;
  const kinds = ["minor", "major", "incremental", "weakcb"] as const;
  const ms = kinds.reduce((sum, kind) => sum + after.totals[kind].ms - before.totals[kind].ms, 0);
  return {
    gcMs: Math.round(ms),
    minor: after.totals.minor.count - before.totals.minor.count,
    major: after.totals.major.count - before.totals.major.count,
    heapAfterMajorMB: Math.round(after.usedAfterMajorMB),
    // What the heap holds committed at the end (its spaces), and what lies outside it.
    newSpaceMB: after.spacesMB.new_space,
    oldSpaceMB: after.spacesMB.old_space,
    heapMB: Object.values(after.spacesMB).reduce((sum, mb) => sum + mb, 0),
    externalMB: after.externalMB,
  };
}

/**
 * The machine's speed, as this process's CPU time for a fixed piece of work (hashing 256 MB). It
 * does not depend on the app: if it moves between rounds, the machine itself (a shared host's
 * neighbours, its clock) moved, and so will every CPU-per-request figure.
 */
function probeMs(): number {
  const block = Buffer.alloc(1 << 20, 7);
  const before = process.cpuUsage();
  for (let i = 0; i < 256; i++) createHash("sha256").update(block).digest();
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / 100) / 10;
}

function residentMB(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

const summary = (r: autocannon.Result) => ({ rps: Math.round(r.requests.total / r.duration), p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts });

function signUps(connections: number, options: { seconds?: number; amount?: number }, walk: { waiverVersion: string; privacyVersion: string | null }, url = base) {
  return autocannon({
    url,
    connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/api/register/submit",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: url },
        setupRequest: (request) => ({ ...request, body: signUpBody(walk.waiverVersion, walk.privacyVersion) }),
      },
    ],
  });
}

const ping = (seconds: number, url = base) => autocannon({ url: `${url}/api/ping`, connections: 32, duration: seconds, timeout: 30 });

/**
 * A second web server started as npm start started the first (its flags, and its environment read from
 * /proc), on a port of its own: the same database, email backlog and machine, but a fresh process.
 */
async function freshTwin(webPid: number): Promise<{ base: string; stop: () => Promise<void> }> {
  const twinPort = port + 5;
  const env = Object.fromEntries(
    readFileSync(`/proc/${webPid}/environ`, "utf8")
      .split("\0")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  ) as Record<string, string>;
  // Its own address in place of the first server's (links, sign-in and the sign-up's origin check).
  for (const own of ["PORT", "APP_URL", "AUTH_URL"]) delete env[own];
  // As scripts/start.ts starts it, with its flags (its command line is not readable: Next.js renames the process).
  const twin = startNextServer(twinPort, env);
  const twinBase = `http://127.0.0.1:${twinPort}`;
  const stop = async () => {
    if (twin.exitCode !== null) return;
    twin.kill("SIGTERM");
    await new Promise((r) => twin.once("exit", r));
  };
  try {
    await waitUntilServing(twinBase, twin, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base: twinBase, stop };
}

async function main() {
  const results: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    database: embedded ? "embedded PostgreSQL (npm start's default)" : "the tests' PostgreSQL",
    rounds,
    roundSeconds,
    walkers,
    loadAtStart: load(),
  };
  const app = await npmStart({
    port,
    testDatabase: !embedded,
    env: (dataDir) => {
      // The web server's garbage collection, written each second by bench/gc-observer.mjs.
      mkdirSync(path.join(dataDir, "gc"));
      return {
        RATE_LIMIT_SIGNUPS: "1000000",
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(root, "bench/gc-observer.mjs")).href}`.trim(),
        FUNWALK_GC_DIR: path.join(dataDir, "gc"),
      };
    },
  });
  const { webPid, databaseUrl } = app;
  const gcDir = path.join(app.dataDir, "gc");
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await db.connect();
    const walk = (await db.query<{ waiverVersion: string; privacyVersion: string | null; id: string }>(
      `SELECT "waiverVersion", "privacyVersion", "id" FROM "Event" ORDER BY "startsAt" LIMIT 1`,
    )).rows[0]!;
    const eventId = walk.id;
    await db.query(`UPDATE "Event" SET "capacity" = 100000000 WHERE "id" = $1`, [eventId]);
    log(`npm start on ${base} (web server pid ${webPid}), load ${load()}`);

    // The walk's walkers, signed up through the form; their confirmations queue for the worker.
    const seeded = summary(await signUps(64, { amount: walkers }, walk));
    log(`${walkers} walkers signed up: ${JSON.stringify(seeded)}`);
    // Manage pages to open: the addresses the sign-up answered with.
    const manage: string[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await fetch(`${base}/api/register/submit`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: base },
        body: signUpBody(walk.waiverVersion, walk.privacyVersion),
      });
      manage.push(new URL(answer.headers.get("location")!, base).pathname);
    }

    // A fresh server, as the baseline: restarted, then measured alone.
    const measureAlone = async () => {
      const gcBefore = gcState(gcDir, webPid);
      const figures = { ping: summary(await ping(8)), signUps: summary(await signUps(32, { seconds: 8 }, walk)) };
      await sleep(1100);
      return { ...figures, gc: gcBetween(gcBefore, gcState(gcDir, webPid)), probeMs: probeMs() };
    };
    const fresh = await measureAlone();
    log(`before the load: constant route ${fresh.ping.rps}/s, sign-ups ${fresh.signUps.rps}/s, web server ${residentMB(webPid)} MB`);

    const roundResults: Record<string, unknown>[] = [];
    let rssAfterFirstMinute = 0;
    let manageIndex = 0;
    for (let round = 1; round <= rounds; round++) {
      const cpuBefore = cpuTotals([webPid]);
      const gcBefore = gcState(gcDir, webPid);
      const result = await autocannon({
        url: base,
        connections: 64,
        duration: roundSeconds,
        timeout: 30,
        requests: [
          { method: "GET", path: "/", headers: { accept: "text/html" } },
          { method: "GET", path: "/register", headers: { accept: "text/html" } },
          {
            method: "POST",
            path: "/api/register/submit",
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: base },
            setupRequest: (request) => ({ ...request, body: signUpBody(walk.waiverVersion, walk.privacyVersion) }),
          },
          { method: "GET", path: "/booths", headers: { accept: "text/html" } },
          { method: "GET", headers: { accept: "text/html" }, setupRequest: (request) => ({ ...request, path: manage[manageIndex++ % manage.length]! }) },
        ],
      });
      const rss = residentMB(webPid);
      if (round === 1 || (rssAfterFirstMinute === 0 && round * roundSeconds >= 60)) rssAfterFirstMinute = rss;
      // The CPU a request cost: unlike the rate, it does not move when something else on the
      // machine takes a core, so a render that leaves work behind shows here first.
      const cpu = cpuPerRequest(cpuBefore, cpuTotals([webPid]), result.requests.total);
      // Let the observer write its last second before reading it.
      await sleep(1100);
      const gc = gcBetween(gcBefore, gcState(gcDir, webPid));
      const figures = { round, ...summary(result), rssMB: rss, appCpuMs: cpu?.appMs, postgresCpuMs: cpu?.postgresMs, ...gc, probeMs: probeMs(), load: load() };
      roundResults.push(figures);
      log(
        `round ${round}: ${figures.rps} requests/s, p99 ${figures.p99} ms, app CPU ${cpu?.appMs.toFixed(2)} ms a request, non-2xx/3xx ${figures.non2xx} (the sign-ups' 303s), errors ${figures.errors}, web server ${rss} MB; ` +
          `GC ${gc?.gcMs} ms (${gc?.major} major, live after ${gc?.heapAfterMajorMB} MB; heap ${gc?.heapMB} MB of which young ${gc?.newSpaceMB} MB, external ${gc?.externalMB} MB), probe ${figures.probeMs} ms`,
      );
    }
    const rssAtEnd = residentMB(webPid);
    await sleep(10_000);
    const after = await measureAlone();
    log(`10 s after the load: constant route ${after.ping.rps}/s, sign-ups ${after.signUps.rps}/s`);
    // The same, side by side with a fresh web server on the same database, email backlog and machine
    // (both warmed by one short run), in halves A B B A: what remains is the loaded process's own state.
    const twin = await freshTwin(webPid);
    const sideBySide = { loaded: { ping: 0, signUps: 0 }, fresh: { ping: 0, signUps: 0 } };
    try {
      await ping(2, twin.base);
      await signUps(32, { seconds: 2 }, walk, twin.base);
      for (const which of ["loaded", "fresh", "fresh", "loaded"] as const) {
        const url = which === "loaded" ? base : twin.base;
        sideBySide[which].ping += summary(await ping(5, url)).rps / 2;
        sideBySide[which].signUps += summary(await signUps(32, { seconds: 5 }, walk, url)).rps / 2;
      }
    } finally {
      await twin.stop();
    }
    log(
      `side by side with a fresh web server: constant route ${Math.round(sideBySide.loaded.ping)} against ${Math.round(sideBySide.fresh.ping)}/s, ` +
        `sign-ups ${Math.round(sideBySide.loaded.signUps)} against ${Math.round(sideBySide.fresh.signUps)}/s`,
    );
    const first = roundResults[0] as { rps: number };
    const queued = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailOutbox" WHERE "status" IN ('QUEUED', 'SENDING')`)).rows[0]!.n;
    Object.assign(results, {
      seeded,
      fresh,
      rounds: roundResults,
      slowestRoundToFirst: +(Math.min(...roundResults.map((r) => (r as { rps: number }).rps)) / first.rps).toFixed(2),
      costliestRoundCpuToFirst: +(
        Math.max(...roundResults.map((r) => (r as { appCpuMs?: number }).appCpuMs ?? 0)) / ((first as { appCpuMs?: number }).appCpuMs ?? 1)
      ).toFixed(2),
      rssAfterFirstMinuteMB: rssAfterFirstMinute,
      rssAtEndMB: rssAtEnd,
      rssGrowth: +(rssAtEnd / rssAfterFirstMinute - 1).toFixed(3),
      after,
      pingAfterToFresh: +(after.ping.rps / fresh.ping.rps).toFixed(2),
      signUpsAfterToFresh: +(after.signUps.rps / fresh.signUps.rps).toFixed(2),
      sideBySide,
      pingLoadedToFreshTwin: +(sideBySide.loaded.ping / sideBySide.fresh.ping).toFixed(2),
      signUpsLoadedToFreshTwin: +(sideBySide.loaded.signUps / sideBySide.fresh.signUps).toFixed(2),
      emailsStillQueued: queued,
      loadAtEnd: load(),
    });
    log(`slowest round ÷ first ${results.slowestRoundToFirst}; app CPU a request, costliest round ÷ first ${results.costliestRoundCpuToFirst}; web server ${rssAfterFirstMinute} MB after the first minute → ${rssAtEnd} MB at the end; after ÷ fresh: constant route ${results.pingAfterToFresh}, sign-ups ${results.signUpsAfterToFresh}; loaded ÷ fresh side by side: constant route ${results.pingLoadedToFreshTwin}, sign-ups ${results.signUpsLoadedToFreshTwin}`);
  } finally {
    // Closed before the server goes: npm start stops the embedded PostgreSQL, which ends this connection.
    await db.end().catch(() => undefined);
    await app.stop();
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, "bench/results/rush.json"), JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// npm run bench:gate [-- --walkers=10000 --phones=20 --items=50]
// The race-day gate against the production build (`next start`) on a fresh database on the local
// PostgreSQL, each figure next to the App Router's constant route GET /api/ping in the same run:
//   1. the list: GET /api/gate/list (the whole list) for 10,000 walkers — size (raw and gzip) and time,
//      against one /api/ping round trip
//   2. lookup on the phone: the real /gate page in Chromium with the list in IndexedDB, a ticket code
//      typed and "Check in" pressed until the answer shows — against one /api/ping round trip
//   3. sync: 20 phones (20 passes) each sending a queue of 50 check-ins at once — items per second and
//      uploads per second, against /api/ping's requests per second at 20 clients; then the same
//      queues again (all answered "already")
// Results: bench/results/gate.json and a table on stdout (copy into docs/PERFORMANCE.md).
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, devices } from "@playwright/test";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { seed } from "../lib/events/seed";
import { GATE_COOKIE, hashPassToken, newPassToken, signPassCookie } from "../lib/gate/token";
import { ensureProductionBuild, startNextServer, waitUntilServing } from "../test/support/next-server";
import { createMigratedDatabase, dropDatabase, findTestServer } from "../test/support/postgres";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const WALKERS = flag("walkers", 10_000);
const PHONES = flag("phones", 20);
const ITEMS = flag("items", 50);
const LOOKUPS = flag("lookups", 30);
const port = Number(process.env.BENCH_PORT ?? 3802);
// 127.0.0.1, not localhost: the server listens on IPv4 only, and a client that tries ::1 first pays for it.
const base = `http://127.0.0.1:${port}`;
const SECRET = "bench-gate-secret-bench-gate-secret-0123";
const log = (line: string) => console.log(`• ${line}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** 10,000 walkers of the walk, written in one statement: 80 % confirmed, 10 % waiting, 10 % cancelled. */
async function addWalkers(client: pg.Client, eventId: string, count: number) {
  await client.query(
    `WITH g AS (
       INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'gate-' || i || '@example.org', 'EN'::"Language", 'gate' || i || '-' || md5(random()::text), now()
       FROM generate_series(1, $2::int) i
       RETURNING "id", "contactEmail")
     INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "ageBand", "tshirtSize",
       "emergencyContactName", "emergencyContactPhone", "language", "waiverVersion", "waiverAcceptedAt", "status",
       "activePersonKey", "ticketCode", "confirmedAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, g."id", true,
            (ARRAY['Ana','Luis','María','Kevin','Aaliyah','José','Priya','Marcus'])[1 + (abs(hashtext(g."id"::text)) % 8)],
            'Walker' || substr(md5(g."id"::text), 1, 8), g."contactEmail", 'AGE_18_34'::"AgeBand", 'M'::"TshirtSize",
            'Contact', '+18686201234', 'EN'::"Language", 'bench', now(),
            (CASE WHEN abs(hashtext(g."id"::text)) % 10 = 0 THEN 'WAITING' WHEN abs(hashtext(g."id"::text)) % 10 = 1 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::"WalkerStatus",
            $1 || '|' || g."contactEmail", upper(substr(md5(g."id"::text), 1, 10)), now(), now()
     FROM g`,
    [eventId, count],
  );
  await client.query(`UPDATE "Event" SET "confirmedCount" = (SELECT count(*) FROM "Walker" WHERE "eventId" = $1 AND status = 'CONFIRMED'), capacity = 100000 WHERE id = $1`, [eventId]);
  await client.query(`VACUUM (ANALYZE) "Walker", "RegistrationGroup"`);
}

/** Gate passes open now, straight into the table; each phone's cookie, signed as the link would sign it. */
async function addPasses(client: pg.Client, eventId: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "GatePass" ("id", "eventId", "label", "tokenHash", "opensAt", "closesAt") VALUES ($1, $2, $3, $4, now() - interval '1 hour', now() + interval '6 hours')`,
      [id, eventId, `Bench phone ${i + 1}`, hashPassToken(newPassToken())],
    );
    cookies.push(`${GATE_COOKIE}=${signPassCookie(SECRET, id)}`);
  }
  return cookies;
}

/** Bytes on the wire for a GET with Accept-Encoding: gzip (what a phone's browser receives), and the encoding. */
function wireBytes(url: string, cookie: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie, "accept-encoding": "gzip, deflate, br" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ bytes, encoding: String(response.headers["content-encoding"] ?? "identity") }));
      })
      .on("error", reject);
  });
}

/** One GET /api/ping round trip (ms), median of many, sequential. */
async function pingLatency(times = 200): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await (await fetch(`${base}/api/ping`)).text();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function pingRate(connections: number, seconds: number): Promise<number> {
  const result = await autocannon({ url: `${base}/api/ping`, connections, duration: seconds });
  return result.requests.average;
}

async function main() {
  const results: Record<string, unknown> = { startedAt: new Date().toISOString(), walkers: WALKERS, phones: PHONES, items: ITEMS, cores: cpus().length, loadAtStart: load() };
  const server = await findTestServer();
  const database = await createMigratedDatabase(server, "gatebench");
  const client = new pg.Client({ connectionString: database.url });
  let app: ReturnType<typeof startNextServer> | undefined;
  try {
    const db = createPrismaClient(database.url, 2);
    await seed(db);
    const event = await db.event.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    await db.$disconnect();
    await client.connect();
    await addWalkers(client, event.id, WALKERS);
    const cookies = await addPasses(client, event.id, PHONES);
    const { rows: confirmed } = await client.query<{ ticketCode: string; name: string }>(
      `SELECT "ticketCode", "firstName" || ' ' || "lastName" AS name FROM "Walker" WHERE "eventId" = $1 AND status = 'CONFIRMED' ORDER BY "ticketCode" LIMIT $2`,
      [event.id, PHONES * ITEMS + LOOKUPS],
    );
    log(`database ${database.name}: ${WALKERS} walkers, ${PHONES} passes`);

    if (!existsSync(path.join(root, ".next/BUILD_ID")) || process.env.FORCE_BUILD === "1") log("building the production bundle");
    ensureProductionBuild();
    app = startNextServer(port, { DATABASE_URL: database.url, AUTH_SECRET: SECRET, EMAIL_WORKER: "off", SMTP_URL: "smtp://127.0.0.1:9" });
    await waitUntilServing(base, app, 300_000);
    log(`next start on ${base}, load ${load()}`);

    // Warm-up.
    await pingLatency(50);
    await fetch(`${base}/api/gate/list`, { headers: { cookie: cookies[0]! } }).then((r) => r.text());
    const ping = await pingLatency();
    const pingPerSecond = await pingRate(PHONES, 5);
    results.ping = { latencyMs: round(ping), requestsPerSecondAt20: round(pingPerSecond, 0) };
    log(`/api/ping: ${round(ping)} ms a round trip, ${round(pingPerSecond, 0)} requests/s at ${PHONES} clients`);

    // 1. The whole list.
    const listTimes: number[] = [];
    let body = "";
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/gate/list`, { headers: { cookie: cookies[i % cookies.length]! } });
      body = await response.text();
      listTimes.push(performance.now() - started);
    }
    const list = JSON.parse(body) as { walkers: unknown[] };
    const rawKB = Buffer.byteLength(body) / 1024;
    const gzipKB = gzipSync(body).length / 1024;
    const listMs = median(listTimes);
    const wire = await wireBytes(`${base}/api/gate/list`, cookies[0]!);
    results.list = { walkers: list.walkers.length, rawKB: round(rawKB, 0), gzipKB: round(gzipKB, 0), wireKB: round(wire.bytes / 1024, 0), wireEncoding: wire.encoding, medianMs: round(listMs, 0), timesPing: round(listMs / ping, 0) };
    log(`list: ${list.walkers.length} walkers, ${round(rawKB, 0)} KB (${round(gzipKB, 0)} KB gzip; on the wire ${round(wire.bytes / 1024, 0)} KB ${wire.encoding}), ${round(listMs, 0)} ms (${round(listMs / ping, 0)} × /api/ping)`);

    // 2. Lookup on the phone: the real page, the list in IndexedDB.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: base });
      const [name, value] = cookies[0]!.split("=") as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      const downloadStarted = performance.now();
      await page.goto("/gate");
      await page.getByTestId("gate-refreshed").filter({ hasText: `${list.walkers.length.toLocaleString("en")} walkers on this phone` }).or(page.getByTestId("gate-refreshed").filter({ hasText: `${list.walkers.length} walkers on this phone` })).waitFor({ timeout: 120_000 });
      const firstOpenMs = performance.now() - downloadStarted;
      const lookups: number[] = [];
      for (const walker of confirmed.slice(PHONES * ITEMS)) {
        await page.getByLabel("Ticket code").fill(walker.ticketCode);
        lookups.push(
          await page.evaluate(async (name) => {
            const result = document.querySelector('[data-testid="gate-result"]')!;
            const button = [...document.querySelectorAll("form button[type=submit]")].find((b) => b.closest("form")?.querySelector("#gate-code"))! as HTMLButtonElement;
            const started = performance.now();
            await new Promise<void>((resolve) => {
              const observer = new MutationObserver(() => {
                if (result.textContent?.includes(`Admitted: ${name}`)) {
                  observer.disconnect();
                  resolve();
                }
              });
              observer.observe(result, { subtree: true, childList: true, characterData: true });
              button.click();
            });
            return performance.now() - started;
          }, walker.name),
        );
      }
      const lookupMs = median(lookups);
      results.lookup = { lookups: lookups.length, medianMs: round(lookupMs), p95Ms: round(percentile(lookups, 95)), timesPing: round(lookupMs / ping), firstOpenWithDownloadMs: round(firstOpenMs, 0) };
      log(`lookup in the page over ${list.walkers.length} walkers: median ${round(lookupMs)} ms, p95 ${round(percentile(lookups, 95))} ms (${round(lookupMs / ping)} × /api/ping); first open with the download ${round(firstOpenMs, 0)} ms`);
      await context.close();
    } finally {
      await browser.close();
    }

    // 3. Sync: every phone's queue at once.
    const queues = cookies.map((cookie, phone) => ({
      cookie,
      items: confirmed.slice(phone * ITEMS, (phone + 1) * ITEMS).map((r) => ({ id: randomUUID(), kind: "checkin", ticketCode: r.ticketCode, at: new Date().toISOString() })),
    }));
    const send = async () => {
      const started = performance.now();
      const answers = await Promise.all(
        queues.map(async (q) => {
          const response = await fetch(`${base}/api/gate/sync`, { method: "POST", headers: { cookie: q.cookie, "content-type": "application/json" }, body: JSON.stringify({ items: q.items }) });
          return ((await response.json()) as { results: { outcome?: string }[] }).results;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const outcomes: Record<string, number> = {};
      for (const r of answers.flat()) outcomes[r.outcome ?? "refused"] = (outcomes[r.outcome ?? "refused"] ?? 0) + 1;
      return { seconds, outcomes };
    };
    for (const [label, run] of [["first", await send()], ["again", await send()]] as const) {
      const items = PHONES * ITEMS;
      const itemsPerSecond = items / run.seconds;
      const uploadsPerSecond = PHONES / run.seconds;
      results[`sync_${label}`] = {
        seconds: round(run.seconds),
        itemsPerSecond: round(itemsPerSecond, 0),
        uploadsPerSecond: round(uploadsPerSecond, 1),
        itemsVsPing: round(itemsPerSecond / pingPerSecond, 3),
        uploadsVsPing: round(uploadsPerSecond / pingPerSecond, 4),
        outcomes: run.outcomes,
      };
      log(`sync (${label}): ${PHONES} × ${ITEMS} items in ${round(run.seconds)} s: ${round(itemsPerSecond, 0)} items/s (${round(itemsPerSecond / pingPerSecond, 3)} × /api/ping's requests/s), ${JSON.stringify(run.outcomes)}`);
    }
    const synced = queues.flatMap((q) => q.items.map((i) => i.ticketCode));
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "CheckIn" c JOIN "Walker" w ON w.id = c."walkerId" WHERE w."ticketCode" = ANY($1::text[])`,
      [synced],
    );
    results.checkInsAfterBoth = rows[0]!.n;
    log(`check-ins of the synced tickets after both rounds: ${rows[0]!.n} (expected ${synced.length})`);
    results.loadAtEnd = load();
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.join(root, "bench/results/gate.json"), JSON.stringify(results, null, 2));
    console.log(JSON.stringify(results, null, 2));
  } finally {
    app?.kill("SIGTERM");
    await client.end().catch(() => undefined);
    await dropDatabase(server, database.name).catch(() => undefined);
    await server.stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// Two app instances (`next start`, each with its inline email worker) on one database, sign-ups split
// across both: places, rows and delivered emails stay exact. Then the public pages each instance
// renders once for everyone: a change follows on both within 10 s, and a database outage still
// serves the page visitors had (decision 008). Uses the production build in .next
// (built first when there is none) and a dev mailbox SMTP server as the sink.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { seed } from "../../lib/events/seed";
import { startDevMailbox, type DevMailbox } from "../../lib/mail/dev-mailbox-server";
import { countByMessageId, freePort, tempMailboxDir, waitFor } from "../support/mail";
import { ensureProductionBuild, startNextServer } from "../support/next-server";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../support/postgres";

const SIGN_UPS = 200;
const CAPACITY = 150;

let server: TestServer;
let database: { name: string; url: string };
let db: PrismaClient;
let mailbox: DevMailbox;
const mailDir = tempMailboxDir();
const apps: ChildProcess[] = [];
let bases: string[] = [];
/** The sign-up form's hidden fields, read while registration was open. */
let signUpFields: [string, string][] = [];

async function startApp(port: number, smtpPort: number): Promise<string> {
  const app = startNextServer(port, {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: "5",
    AUTH_SECRET: "faults-secret-faults-secret-faults-secret",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    EMAIL_WORKER: "inline",
    RATE_LIMIT_SIGNUPS: "10000", // every request comes from 127.0.0.1
  });
  apps.push(app);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/api/ping`).catch(() => null))?.ok, 90_000, `the app on ${port}`);
  return base;
}

beforeAll(async () => {
  ensureProductionBuild();
  server = await findTestServer();
  database = await createMigratedDatabase(server, "twoapps");
  db = createPrismaClient(database.url, 3);
  await seed(db);
  await db.event.updateMany({ data: { capacity: CAPACITY } });
  mailbox = await startDevMailbox({ port: await freePort(), dir: mailDir });
});

afterAll(async () => {
  for (const app of apps) if (app.exitCode === null) app.kill("SIGTERM");
  await Promise.all(apps.map((app) => (app.exitCode === null ? new Promise((r) => app.once("exit", r)) : null)));
  await mailbox?.stop();
  await db?.$disconnect();
  if (database) await dropDatabase(server, database.name).catch(() => undefined);
  await server?.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

/** The sign-up form's hidden fields, as a browser sends them (to /api/register/submit). */
async function formFields(base: string): Promise<[string, string][]> {
  const page = await (await fetch(`${base}/register`)).text();
  const start = page.lastIndexOf("<form", page.indexOf('action="/api/register/submit"'));
  expect(start).toBeGreaterThan(-1);
  const form = page.slice(start, page.indexOf("</form>", start));
  return [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = (/value="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    return name ? [[name, value] as [string, string]] : [];
  });
}

it("two instances and two workers on one database keep places, rows and emails exact", async () => {
  const smtpPort = mailbox.port;
  bases = [await startApp(await freePort(), smtpPort), await startApp(await freePort(), smtpPort)];
  const fields = await Promise.all(bases.map(formFields));
  signUpFields = fields[1]!;
  const acknowledged: string[] = [];
  const perInstance = [0, 0];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < SIGN_UPS; i = next++) {
      const which = i % 2;
      const form = new FormData();
      for (const [name, value] of fields[which]!) form.append(name, value);
      const id = `${Date.now().toString(36)}${i}`;
      form.set("submissionKey", `twoapps${id}`.padEnd(20, "x"));
      for (const [name, value] of Object.entries({
        "walkers.0.firstName": "Two",
        "walkers.0.lastName": `Apps ${i}`,
        contactEmail: `two-apps-${i}@example.org`,
        "walkers.0.ageBand": "AGE_35_54",
        "walkers.0.emergencyContactName": "Someone Else",
        "walkers.0.emergencyContactPhone": "6201234",
        language: i % 3 ? "EN" : "ES",
        waiverAccepted: "on",
        privacyAccepted: "on",
        joinWaitingList: "1",
      }))
        form.set(name, value);
      const response = await fetch(`${bases[which]}/api/register/submit`, { method: "POST", body: form, redirect: "manual", headers: { origin: bases[which]! } });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      if (response.status === 303 && location.includes("/manage/")) {
        acknowledged.push(location);
        perInstance[which]!++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  expect(acknowledged).toHaveLength(SIGN_UPS);
  expect(perInstance).toEqual([SIGN_UPS / 2, SIGN_UPS / 2]);

  const byStatus = Object.fromEntries(
    (await db.walker.groupBy({ by: ["status"], _count: true })).map((row) => [row.status, row._count]),
  );
  expect(byStatus).toEqual({ CONFIRMED: CAPACITY, WAITING: SIGN_UPS - CAPACITY });
  expect((await db.event.findFirstOrThrow({ where: { capacity: CAPACITY } })).confirmedCount).toBe(CAPACITY);
  expect(await db.registrationGroup.count()).toBe(SIGN_UPS);

  await waitFor(async () => (await db.emailOutbox.count({ where: { status: { not: "SENT" } } })) === 0, 120_000, "every email sent");
  await new Promise((r) => setTimeout(r, 1_500)); // room for a duplicate to show up
  const groups = await db.registrationGroup.findMany({ select: { id: true } });
  const counts = countByMessageId(mailDir);
  expect([...counts.keys()].sort()).toEqual(groups.map((g) => `registration-confirmed:${g.id}:contact`).sort());
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect(await db.emailOutbox.count()).toBe(SIGN_UPS);
});

/** The walk's page on an instance, as a browser asks for it. */
async function walkPage(base: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}/`, { headers: { accept: "text/html", "accept-language": "en" } });
  return { status: response.status, html: await response.text() };
}

it("a registration closed on one walk shows on both instances' public pages within 10 seconds", async () => {
  expect(bases).toHaveLength(2);
  // Both instances have the page (the walk is full after the sign-ups above).
  // Both instances have the page, the walk full after the sign-ups above (within the pages' 10 s: an
  // instance may first answer with a copy it kept from before).
  for (const base of bases) await waitFor(async () => (await walkPage(base)).html.includes("The walk is full"), 12_000, `the full walk on ${base}`);
  await db.event.updateMany({ data: { registrationClosesAt: new Date(Date.now() - 60_000) } });
  const changedAt = Date.now();
  const seenAfter = await Promise.all(
    bases.map(async (base) => {
      await waitFor(async () => (await walkPage(base)).html.includes("Registration is closed"), 15_000, `the closed registration on ${base}`);
      return (Date.now() - changedAt) / 1000;
    }),
  );
  // Within the pages' 10 seconds, and the 0.5 s between two looks.
  for (const seconds of seenAfter) expect(seconds).toBeLessThanOrEqual(10.5);
});

it("while the database is down, the public page visitors had is still served, and a sign-up answers with its sentence", async () => {
  const base = bases[1]!;
  const before = await walkPage(base);
  expect(before.status).toBe(200);
  const admin = createPrismaClient(server.adminUrl, 1);
  try {
    // An outage of this database alone: no new connection is let in, and the open ones are closed.
    await admin.$executeRawUnsafe(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS false`);
    await admin.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`);
    // Past the pages' 10 seconds: each look now renders the page again, and the database cannot answer.
    await new Promise((r) => setTimeout(r, 11_000));
    for (let i = 0; i < 3; i++) {
      const during = await walkPage(base);
      expect(during.status).toBe(200);
      expect(during.html).toContain("Registration is closed");
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const form = new FormData();
    for (const [name, value] of signUpFields) form.append(name, value);
    const signUp = await fetch(`${base}/api/register/submit`, { method: "POST", body: form, redirect: "manual", headers: { origin: base } });
    expect(signUp.status).toBe(303);
    expect(signUp.headers.get("location")).toContain("/register?");
  } finally {
    await admin.$executeRawUnsafe(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS true`);
    await admin.$disconnect();
  }
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 30_000, "the database back");
});

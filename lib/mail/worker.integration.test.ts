// The delivery worker against a real PostgreSQL and a real SMTP server (the dev mailbox).
// Each test file works in a database of its own, so no other test's outbox rows are delivered here.
import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { countByMessageId, freePort, messagesTo, tempMailboxDir, waitFor } from "../../test/support/mail";
import { startDevMailbox, type DevMailbox } from "./dev-mailbox-server";
import { enqueueEmail, enqueueEmails, type QueuedEmail } from "./outbox";
import { EmailWorker, type EmailWorkerOptions } from "./worker";

let server: TestServer;
let databaseName: string;
let databaseUrl: string;
let db: PrismaClient;
const cleanups: (() => Promise<unknown>)[] = [];
const workerStops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  server = await findTestServer();
  const database = await createMigratedDatabase(server, "mail");
  databaseName = database.name;
  databaseUrl = database.url;
  db = createPrismaClient(databaseUrl, 5);
});

afterEach(async () => {
  // Workers first: a mailbox waits for open SMTP connections before it stops.
  for (const stop of workerStops.splice(0)) await stop();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await db.emailOutbox.deleteMany();
});

afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(server, databaseName);
  await server.stop();
});

function worker(smtpPort: number, options: Partial<EmailWorkerOptions> = {}): EmailWorker {
  const w = new EmailWorker({
    db,
    databaseUrl,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    mailFrom: "Fun Walk <no-reply@funwalk.test>",
    appUrl: "http://localhost:3000",
    pollIntervalMs: 500,
    backoff: { baseMs: 100, maxMs: 400 },
    ...options,
  });
  workerStops.push(() => w.stop());
  return w;
}

async function mailbox(options: { port?: number; dir?: string; rejectRecipients?: RegExp } = {}): Promise<DevMailbox & { dir: string }> {
  const dir = options.dir ?? tempMailboxDir();
  const box = await startDevMailbox({ port: options.port ?? 0, dir, rejectRecipients: options.rejectRecipients });
  cleanups.push(async () => {
    await box.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...box, dir };
}

function testEmail(n: number, prefix = "t"): QueuedEmail<"test-message"> {
  return {
    template: "test-message",
    to: `walker${n}@example.org`,
    language: n % 2 ? "ES" : "EN",
    payload: { note: `message ${n}` },
    idempotencyKey: `${prefix}:${n}`,
  };
}

async function statuses() {
  return db.emailOutbox.findMany({ orderBy: { idempotencyKey: "asc" } });
}

describe("the outbox", () => {
  it("a rolled-back transaction leaves no email and sends nothing; a committed one is delivered", async () => {
    const box = await mailbox();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, testEmail(1, "rolled-back"));
        throw new Error("the registration failed");
      }),
    ).rejects.toThrow("the registration failed");
    expect(await db.emailOutbox.count()).toBe(0);

    const w = worker(box.port);
    expect(await w.runOnce()).toBe(0);
    expect(countByMessageId(box.dir).size).toBe(0);

    await db.$transaction((tx) => enqueueEmail(tx, testEmail(2, "committed")));
    expect(await w.runOnce()).toBe(1);
    expect(countByMessageId(box.dir)).toEqual(new Map([["committed:2", 1]]));
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, subject: "Fun Walk test message" });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("never queues the same idempotency key twice", async () => {
    const first = await db.$transaction((tx) => enqueueEmails(tx, [testEmail(1, "dup"), testEmail(2, "dup")]));
    const second = await db.$transaction((tx) => enqueueEmails(tx, [testEmail(1, "dup"), testEmail(3, "dup")]));
    expect([first, second]).toEqual([2, 1]);
    expect(await db.emailOutbox.count()).toBe(3);
  });
});

describe("the delivery worker", () => {
  it("keeps emails queued while the SMTP server is down and delivers each exactly once when it is back", async () => {
    const port = await freePort();
    const w = worker(port);
    await db.$transaction((tx) => enqueueEmails(tx, [1, 2, 3, 4, 5].map((n) => testEmail(n, "down"))));
    w.start();

    const failing = await waitFor(
      async () => {
        const rows = await statuses();
        return rows.every((r) => r.status === "QUEUED" && r.attempts >= 2) ? rows : null;
      },
      10_000,
      "two failed attempts per email",
    );
    for (const row of failing) {
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.sentAt).toBeNull();
    }

    const box = await mailbox({ port });
    await waitFor(async () => (await statuses()).every((r) => r.status === "SENT"), 15_000, "every email sent");
    await new Promise((r) => setTimeout(r, 800)); // room for a duplicate to show up
    expect(countByMessageId(box.dir)).toEqual(new Map([1, 2, 3, 4, 5].map((n) => [`down:${n}`, 1])));
    for (const row of await statuses()) expect(row.lastError).toBeNull();
  });

  it("gives up on a transient failure after the maximum number of attempts", async () => {
    const port = await freePort();
    const w = worker(port, { maxAttempts: 3 });
    await db.$transaction((tx) => enqueueEmail(tx, testEmail(1, "exhausted")));
    w.start();
    const row = await waitFor(async () => (await statuses()).find((r) => r.status === "FAILED"), 10_000, "the email to fail");
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/gave up after 3 attempts/);
  });

  it("marks a permanent failure (550 mailbox does not exist) as failed with the server's reply, without retrying", async () => {
    const box = await mailbox({ rejectRecipients: /^nobody@/ });
    const w = worker(box.port);
    await db.$transaction((tx) =>
      enqueueEmails(tx, [{ ...testEmail(1, "perm"), to: "nobody@example.org" }, testEmail(2, "perm")]),
    );
    w.start();
    await waitFor(async () => (await statuses()).every((r) => r.status === "SENT" || r.status === "FAILED"), 10_000, "both outcomes");
    await new Promise((r) => setTimeout(r, 1_000)); // a retry would have happened by now (backoff ≤ 400 ms)
    const [rejected, delivered] = await statuses();
    expect(rejected).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(rejected?.lastError).toMatch(/^550 .*does not exist/);
    expect(rejected?.lastError).not.toContain("nobody@example.org"); // no personal data in the reason
    expect(delivered).toMatchObject({ status: "SENT", attempts: 1 });
    expect(messagesTo(box.dir, "nobody@example.org")).toHaveLength(0);
    expect(countByMessageId(box.dir)).toEqual(new Map([["perm:2", 1]]));
  });

  it("with four workers on one queue, delivers each of 100 emails exactly once", async () => {
    const box = await mailbox();
    const emails = Array.from({ length: 100 }, (_, n) => testEmail(n, "race"));
    const workers = Array.from({ length: 4 }, () => {
      // Each worker has its own connections, as separate processes would.
      const own = createPrismaClient(databaseUrl, 2);
      cleanups.push(() => own.$disconnect());
      return worker(box.port, { db: own, batchSize: 5, pollIntervalMs: 200 });
    });
    for (const w of workers) w.start();
    // Queued in several transactions while the workers run.
    for (let i = 0; i < emails.length; i += 20) {
      await db.$transaction((tx) => enqueueEmails(tx, emails.slice(i, i + 20)));
    }
    await waitFor(async () => (await db.emailOutbox.count({ where: { status: "SENT" } })) === 100, 30_000, "100 emails sent");
    await new Promise((r) => setTimeout(r, 800));
    const counts = countByMessageId(box.dir);
    expect(counts.size).toBe(100);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(await db.emailOutbox.count({ where: { attempts: { not: 1 } } })).toBe(0);
    const sentBy = workers.map((w) => w.stats.sent);
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(100);
    expect(sentBy.filter((n) => n > 0).length).toBeGreaterThan(1); // the work was really shared
  });

  it("hands a committed email to SMTP within 2 seconds when idle (LISTEN/NOTIFY, not polling)", async () => {
    const box = await mailbox();
    const w = worker(box.port, { pollIntervalMs: 60_000 });
    w.start();
    await new Promise((r) => setTimeout(r, 500)); // idle: listening, nothing due
    const latencies: number[] = [];
    for (let n = 0; n < 3; n++) {
      const committed = Date.now();
      await db.$transaction((tx) => enqueueEmail(tx, testEmail(n, "latency")));
      const received = await waitFor(
        () => messagesTo(box.dir, `walker${n}@example.org`)[0],
        2_000,
        "the email in the mailbox",
      );
      latencies.push(Date.parse(received.receivedAt) - committed);
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`idle commit → SMTP latency (ms): ${latencies.join(", ")}`);
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  });

  it("while sign-ups keep arriving, delivers at its busy rate; once they stop, the rest at full speed, each once", async () => {
    const box = await mailbox();
    const w = worker(box.port, { pollIntervalMs: 60_000, busyRatePerSecond: 5 });
    w.start();
    await new Promise((r) => setTimeout(r, 500)); // listening
    await db.$transaction((tx) => enqueueEmails(tx, Array.from({ length: 40 }, (_, n) => testEmail(n, "busy"))));
    // A sign-up every 250 ms for 3 s: each commit notifies the worker.
    const started = Date.now();
    let n = 100;
    while (Date.now() - started < 3_000) {
      await db.$transaction((tx) => enqueueEmail(tx, testEmail(n++, "busy")));
      await new Promise((r) => setTimeout(r, 250));
    }
    const sentWhileBusy = countByMessageId(box.dir).size;
    const total = 40 + (n - 100);
    // 5 a second (a batch of 10, then 2 s of rest): about 20 in 3 s, where it sends all of them in well under 1 s unpaced.
    expect(sentWhileBusy).toBeGreaterThanOrEqual(10);
    expect(sentWhileBusy).toBeLessThanOrEqual(25);
    expect(w.signUpsArriving()).toBe(true);

    const quietFrom = Date.now();
    const delivered = await waitFor(
      () => {
        const counts = countByMessageId(box.dir);
        return counts.size === total ? counts : null;
      },
      8_000,
      "every message in the mailbox",
    );
    console.log(`busy rate 5/s: ${sentWhileBusy} of ${total} sent in 3 s of sign-ups; the rest ${Date.now() - quietFrom} ms after they stopped`);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    expect(w.signUpsArriving()).toBe(false);
  });

  it("erases the address of the last email to a group that deleted its data, once it is sent", async () => {
    const box = await mailbox();
    await db.$transaction((tx) =>
      enqueueEmail(tx, { template: "data-deleted", to: "deleted@example.org", language: "ES", payload: { walkName: "Caminata", count: 2 }, idempotencyKey: "data-deleted:g:1" }),
    );
    expect(await worker(box.port).runOnce()).toBe(1);
    expect(messagesTo(box.dir, "deleted@example.org")).toHaveLength(1);
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "SENT", toAddress: "", template: "data-deleted" });
  });

  it("takes over a message whose worker died mid-send once its lease expires, and fails one out of attempts", async () => {
    const box = await mailbox();
    await db.$transaction((tx) => enqueueEmails(tx, [testEmail(1, "lease"), testEmail(2, "lease")]));
    const past = new Date(Date.now() - 1_000);
    await db.emailOutbox.update({ where: { idempotencyKey: "lease:1" }, data: { status: "SENDING", attempts: 1, lockedUntil: past } });
    await db.emailOutbox.update({ where: { idempotencyKey: "lease:2" }, data: { status: "SENDING", attempts: 8, lockedUntil: past } });
    const w = worker(box.port);
    await w.runOnce();
    const [resumed, exhausted] = await statuses();
    expect(resumed).toMatchObject({ status: "SENT", attempts: 2 });
    expect(exhausted).toMatchObject({ status: "FAILED", attempts: 8 });
    expect(exhausted?.lastError).toMatch(/interrupted/);
    expect(countByMessageId(box.dir)).toEqual(new Map([["lease:1", 1]]));
  });

  it("fails a message whose template does not exist at once, without retrying", async () => {
    const box = await mailbox();
    await db.emailOutbox.create({
      data: { idempotencyKey: "unknown:1", template: "no-such-template", toAddress: "a@example.org", payload: {} },
    });
    await worker(box.port).runOnce();
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row?.lastError).toBe('The message could not be built: There is no email template named "no-such-template".');
  });

  it("does not touch a message another worker is still sending", async () => {
    const box = await mailbox();
    await db.$transaction((tx) => enqueueEmail(tx, testEmail(1, "held")));
    await db.emailOutbox.update({
      where: { idempotencyKey: "held:1" },
      data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect(await worker(box.port).runOnce()).toBe(0);
    expect(countByMessageId(box.dir).size).toBe(0);
  });

  it("sends HTML and text in the recipient's language with the walk's name and date, and erases sign-in links once sent", async () => {
    const box = await mailbox();
    await db.event.create({
      data: {
        slug: "mail-test-walk",
        // The published edition is the walk emails name (this file's database has no other).
        status: "PUBLISHED",
        publishedSlot: true,
        nameEn: "Test Walk",
        nameEs: "Caminata de Prueba",
        themeEn: "t",
        themeEs: "t",
        hostsEn: "h",
        hostsEs: "h",
        venueName: "Savannah",
        venueAddress: "Queen's Park Savannah, Port of Spain",
        mapUrl: "https://example.org",
        startsAt: new Date("2030-07-28T10:00:00Z"),
        endsAt: new Date("2030-07-28T15:00:00Z"),
        capacity: 10,
        registrationOpensAt: new Date("2030-01-01T00:00:00Z"),
        registrationClosesAt: new Date("2030-07-27T00:00:00Z"),
        waiverVersion: "1",
      },
    });
    cleanups.push(() => db.event.deleteMany({ where: { slug: "mail-test-walk" } }));
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        template: "magic-link",
        to: "partner@example.org",
        language: "ES",
        payload: { url: "http://localhost:3000/api/auth/callback/nodemailer?token=secret-token", expiresInMinutes: 30 },
        idempotencyKey: "magic-link:abc",
      }),
    );
    await worker(box.port).runOnce();
    const [message] = messagesTo(box.dir, "partner@example.org");
    expect(message?.subject).toBe("Su enlace para iniciar sesión en la Caminata Recreativa");
    expect(message?.text).toContain("secret-token");
    expect(message?.text).toContain("Caminata de Prueba · domingo, 28 de julio de 2030");
    expect(message?.html).toContain('lang="es"');
    expect(message?.html).toContain("Caminata de Prueba");
    expect(message?.headers["message-id"]).toMatch(/^<[0-9a-f-]{36}@funwalk\.test>$/);
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "SENT", payload: {} });
    expect(row?.messageId).toBe(message?.headers["message-id"]);
  });

  it("puts the published walk's reporting resources into the confirmation, in the walker's language", async () => {
    const box = await mailbox();
    const startsAt = new Date("2031-07-27T10:00:00Z");
    const event = await db.event.create({
      data: {
        slug: "mail-reporting-walk",
        status: "PUBLISHED",
        publishedSlot: true,
        nameEn: "Reporting Walk",
        nameEs: "Caminata con recursos",
        themeEn: "t",
        themeEs: "t",
        hostsEn: "h",
        hostsEs: "h",
        venueName: "Savannah",
        venueAddress: "Savannah",
        mapUrl: "https://example.org",
        startsAt,
        endsAt: new Date("2031-07-27T15:00:00Z"),
        capacity: 10,
        registrationOpensAt: new Date("2031-01-01T00:00:00Z"),
        registrationClosesAt: new Date("2031-07-26T00:00:00Z"),
        waiverVersion: "1",
        reportingSignsEn: "Not free to leave",
        reportingSignsEs: "No puede irse",
        reportingResources: { create: { nameEn: "Hotline", nameEs: "Línea directa", phone: "+1 868 555 0100", hoursEn: "Every day", hoursEs: "Todos los días", sortOrder: 0 } },
      },
    });
    cleanups.push(() => db.event.deleteMany({ where: { id: event.id } }));
    const info = { name: "Caminata con recursos", startsAt: startsAt.toISOString(), endsAt: "2031-07-27T15:00:00.000Z", timezone: "America/Port_of_Spain", venue: "Savannah", mapUrl: "https://example.org" };
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        template: "registration-confirmed",
        to: "walker@example.org",
        language: "ES",
        payload: { event: info, tickets: [{ firstName: "Ana", lastName: "P", ticketCode: "ABCDEFGH23", status: "CONFIRMED" }], managePath: "/manage/t", waitingPosition: null },
        idempotencyKey: "reporting:1",
      }),
    );
    await worker(box.port).runOnce();
    const [message] = messagesTo(box.dir, "walker@example.org");
    expect(message?.text).toContain("Línea directa");
    expect(message?.text).toContain("No puede irse");
    expect(message?.html).toContain('href="tel:+18685550100"');
    expect(message?.text).not.toContain("Hotline");
  });
});

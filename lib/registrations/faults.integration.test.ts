// The SMTP server stops for a while during sign-ups: every queued email is delivered exactly once
// when it is back. A database of this file's own, so its workers deliver only its rows.
// (PostgreSQL restarting under load: postgres-restart.integration.test.ts.)
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { startDevMailbox, type DevMailbox } from "../mail/dev-mailbox-server";
import { EmailWorker } from "../mail/worker";
import { createTestEvent } from "../../test/support/events";
import { countByMessageId, freePort, tempMailboxDir, waitFor } from "../../test/support/mail";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { registrationSchema, type RegistrationInput } from "./schema";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";

const key = () => randomBytes(12).toString("base64url");

function signUp(name: string): RegistrationInput {
  return registrationSchema.parse({
    submissionKey: key(),
    website: "",
    contactEmail: `${name.toLowerCase()}.${key()}@example.org`,
    language: "EN",
    walkers: [{ firstName: name, lastName: "Fault", ageBand: "AGE_35_54", emergencyContactName: "Someone Else", emergencyContactPhone: "6201234" }],
    waiverAccepted: "on",
    privacyAccepted: "on",
    waiverVersion: "test-1",
    privacyVersion: PRIVACY_NOTICE_VERSION,
    joinWaitingList: "on",
  });
}

describe("the SMTP server stops during sign-ups", () => {
  let server: TestServer;
  let databaseName: string;
  let db: PrismaClient;

  beforeAll(async () => {
    server = await findTestServer();
    const database = await createMigratedDatabase(server, "smtpfault");
    databaseName = database.name;
    // lib/db reads DATABASE_URL on first use: this file's registerWalkers writes to its own database.
    process.env.DATABASE_URL = database.url;
    db = createPrismaClient(database.url, 4);
  });

  afterAll(async () => {
    await db?.$disconnect();
    const { db: appDb } = await import("../db");
    await appDb.$disconnect().catch(() => undefined);
    await dropDatabase(server, databaseName).catch(() => undefined);
    await server.stop();
  });

  it("delivers every queued email exactly once after it returns", { timeout: 120_000 }, async () => {
    const { registerWalkers } = await import("./sign-up");
    const event = await createTestEvent(db, { capacity: 30 });
    const smtpPort = await freePort();
    const dir = tempMailboxDir();
    const workers = [1, 2].map(
      () =>
        new EmailWorker({
          db,
          databaseUrl: process.env.DATABASE_URL!,
          smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
          mailFrom: "Fun Walk <no-reply@funwalk.test>",
          appUrl: "http://localhost:3000",
          pollIntervalMs: 300,
          backoff: { baseMs: 100, maxMs: 500 },
          maxAttempts: 30,
        }),
    );
    let box: DevMailbox | undefined;
    try {
      // The mailbox is up for the first sign-ups, stops, and returns while sign-ups go on.
      box = await startDevMailbox({ port: smtpPort, dir });
      for (const w of workers) w.start();
      const groups: string[] = [];
      const signUps = async (from: number, count: number) => {
        const results = await Promise.all(Array.from({ length: count }, (_, i) => registerWalkers(event.id, signUp(`W${from + i}`))));
        groups.push(...results.map((r) => r.groupId));
      };
      await signUps(0, 10);
      await box.stop();
      box = undefined;
      await signUps(10, 20);
      // Every email written while SMTP is down fails at least once and stays queued.
      await waitFor(async () => (await db.emailOutbox.count({ where: { attempts: { gte: 1 }, status: "QUEUED" } })) >= 5, 20_000, "failed attempts");
      expect(await db.emailOutbox.count({ where: { status: "FAILED" } })).toBe(0);
      box = await startDevMailbox({ port: smtpPort, dir });
      await signUps(30, 10); // 10 beyond the 30 places: the waiting list's emails too
      await waitFor(async () => (await db.emailOutbox.count({ where: { status: { not: "SENT" } } })) === 0, 60_000, "every email sent");
      await new Promise((r) => setTimeout(r, 800)); // room for a duplicate to show up
      const counts = countByMessageId(dir);
      const expected = groups.map((g) => `registration-confirmed:${g}:contact`);
      expect([...counts.keys()].sort()).toEqual(expected.sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(await db.emailOutbox.count()).toBe(40);
    } finally {
      for (const w of workers) await w.stop();
      await box?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

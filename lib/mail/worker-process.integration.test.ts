// The daily privacy jobs start wherever the app runs: in a worker process without SMTP_URL, and in
// a web server that runs no worker (EMAIL_WORKER=off). Against a real PostgreSQL, in a database of
// its own (the purge acts on every walk past its retention period).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { parseEnv } from "../env-schema";
import { createMigratedDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { waitFor } from "../../test/support/mail";
import { createTestEvent, insertWalkers } from "../../test/support/walkers";
import { startPrivacyJobsFromEnv, startWorkerFromEnv } from "./worker-process";

const DAY = 86_400_000;
let server: TestServer;
let databaseName: string;
let databaseUrl: string;
let db: PrismaClient;

beforeAll(async () => {
  server = await findTestServer();
  const database = await createMigratedDatabase(server, "privacyjobs");
  databaseName = database.name;
  databaseUrl = database.url;
  db = createPrismaClient(databaseUrl, 2);
});

afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(server, databaseName);
  await server.stop();
});

/** A walk whose retention period ended yesterday, with one walker; its id. */
async function dueWalk(): Promise<string> {
  const event = await createTestEvent(db, { endsAt: new Date(Date.now() - 61 * DAY), retentionDays: 60 });
  await insertWalkers(db, event.id, [{ firstName: "Due" }]);
  return event.id;
}

const purged = async (eventId: string) => (await db.event.findUniqueOrThrow({ where: { id: eventId } })).personalDataErasedAt !== null;

describe("the daily privacy jobs", () => {
  it("run in a worker process that has no SMTP_URL", async () => {
    const eventId = await dueWalk();
    const lines: string[] = [];
    const env = parseEnv({ DATABASE_URL: databaseUrl, NODE_ENV: "test" });
    expect(env.SMTP_URL).toBeUndefined();
    const running = startWorkerFromEnv(env, (line) => lines.push(line), { privacyFirstRunMs: 0 });
    try {
      expect(running.worker).toBeNull();
      await waitFor(() => purged(eventId), 20_000, "the walk to be purged");
    } finally {
      await running.stop();
    }
    expect(lines.join("\n")).toMatch(/privacy: test-.*: 1 walker\(s\)/);
  });

  it("run in a web server that runs no worker (EMAIL_WORKER=off)", async () => {
    const eventId = await dueWalk();
    const env = parseEnv({ DATABASE_URL: databaseUrl, NODE_ENV: "test", EMAIL_WORKER: "off", SMTP_URL: "smtp://127.0.0.1:1" });
    const running = startPrivacyJobsFromEnv(env, () => {}, { privacyFirstRunMs: 0 });
    try {
      await waitFor(() => purged(eventId), 20_000, "the walk to be purged");
    } finally {
      await running.stop();
    }
    expect(await db.walker.count({ where: { eventId, erasedAt: null } })).toBe(0);
  });
});

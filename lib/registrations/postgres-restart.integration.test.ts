// PostgreSQL restarts while walkers sign up: health answers 503 while it is down, the app's own
// client recovers with no restart of the app, and every sign-up acknowledged to a walker is in the
// database. An embedded server of this file's own, so the test can stop and start it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "../db/client";
import { migrate } from "../db/migrate";
import { createTestEvent } from "../../test/support/events";
import { waitFor } from "../../test/support/mail";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/lib/embedded-postgres";
import { registrationSchema } from "./schema";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";

const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-restart-pg-"));
const port = 54802 + Math.floor(Math.random() * 97);
let server: EmbeddedServer | undefined;

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

const key = () => randomBytes(12).toString("base64url");

it("health is 503 while PostgreSQL is down; sign-ups resume by themselves and none acknowledged is lost", { timeout: 180_000 }, async () => {
  server = await startEmbeddedPostgres({ dataDir, port });
  await ensureDatabase(server.adminUrl, "funwalk");
  const url = server.urlFor("funwalk");
  await migrate(url);
  process.env.DATABASE_URL = url; // lib/db (registerWalkers, health) connects here on first use
  const check = createPrismaClient(url, 2);
  const { registerWalkers } = await import("./sign-up");
  const { GET: health } = await import("../../app/api/health/route");
  const { db: appDb } = await import("../db");
  try {
    const event = await createTestEvent(check, { capacity: 10_000 });
    expect((await health()).status).toBe(200);

    const acknowledged: string[] = [];
    let failed = 0;
    let running = true;
    const deadline = Date.now() + 90_000; // bounded whatever happens
    const client = async (n: number) => {
      for (let i = 0; running && Date.now() < deadline; i++) {
        const input = registrationSchema.parse({
          submissionKey: key(),
          website: "",
          contactEmail: `c${n}.${i}.${key()}@example.org`,
          language: "EN",
          walkers: [{ firstName: `C${n}`, lastName: `N${i}`, ageBand: "AGE_18_34", emergencyContactName: "Someone", emergencyContactPhone: "6201234" }],
          waiverAccepted: "on",
          privacyAccepted: "on",
          waiverVersion: "test-1",
          privacyVersion: PRIVACY_NOTICE_VERSION,
          joinWaitingList: "on",
        });
        try {
          acknowledged.push((await registerWalkers(event.id, input)).groupId);
        } catch {
          failed++; // the walker saw an error and may try again: nothing was promised
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, n) => client(n)));

    await waitFor(() => acknowledged.length >= 30, 30_000, "sign-ups before the restart");
    await server.stop();
    await waitFor(async () => (await health()).status === 503, 15_000, "health to report 503");
    const body = await (await health()).json();
    expect(body).toMatchObject({ ok: false, database: "unavailable" });
    expect(JSON.stringify(body)).not.toContain(String(port));
    const beforeRestart = acknowledged.length;
    await new Promise((r) => setTimeout(r, 1_000));

    server = await startEmbeddedPostgres({ dataDir, port });
    await waitFor(async () => (await health()).status === 200, 30_000, "health to recover");
    await waitFor(() => acknowledged.length >= beforeRestart + 30, 30_000, "sign-ups after the restart");
    running = false;
    await load;

    expect(failed).toBeGreaterThan(0); // the outage was real
    const rows = await check.walker.findMany({ where: { eventId: event.id }, select: { groupId: true } });
    const stored = new Set(rows.map((r) => r.groupId));
    expect(acknowledged.filter((g) => !stored.has(g))).toEqual([]);
    // Nothing half-written: every group has its walker and its email, and the counter matches.
    expect(await check.registrationGroup.count({ where: { eventId: event.id } })).toBe(rows.length);
    expect(await check.emailOutbox.count()).toBe(rows.length);
    expect((await check.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(rows.length);
  } finally {
    await check.$disconnect();
    await appDb.$disconnect().catch(() => undefined);
  }
});

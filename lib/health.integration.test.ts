// Stopping PostgreSQL turns health into "unavailable"; starting it again turns it back to "ok"
// with the same client (no app restart). Uses an embedded server of its own so it can stop it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrismaClient } from "./db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "../scripts/lib/embedded-postgres";
import { probeDatabase } from "./health";

const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-health-pg-"));
const port = 55000 + Math.floor(Math.random() * 2000);
let server: EmbeddedServer | undefined;

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

it("reports the database unavailable while PostgreSQL is down and recovers by itself", { timeout: 120_000 }, async () => {
  server = await startEmbeddedPostgres({ dataDir, port });
  const client = createPrismaClient(server.adminUrl, 2);
  try {
    expect(await probeDatabase(client)).toEqual({ ok: true, database: "ok" });

    await server.stop();
    const down = await probeDatabase(client, 2_000);
    expect(down.ok).toBe(false);
    expect(down).toMatchObject({ database: "unavailable", reason: "The database cannot be reached." });
    expect(JSON.stringify(down)).not.toContain(String(port));

    server = await startEmbeddedPostgres({ dataDir, port });
    let health = await probeDatabase(client);
    for (let i = 0; i < 20 && !health.ok; i++) {
      await new Promise((r) => setTimeout(r, 250));
      health = await probeDatabase(client);
    }
    expect(health).toEqual({ ok: true, database: "ok" });
  } finally {
    await client.$disconnect();
  }
});


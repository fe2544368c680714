// `npm start` explains start-up problems in one sentence, without a stack trace.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-start-"));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
chmodSync(dataDir, 0o755);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function launch(env: Record<string, string>) {
  return spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", FUNWALK_DATA_DIR: dataDir, ...env },
  });
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = launch(env);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function occupiedPort(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const address = server.address() as net.AddressInfo;
  return { port: address.port, close: () => server.close() };
}

describe("npm start", () => {
  it("says in one sentence that the port is taken", async () => {
    const taken = await occupiedPort();
    try {
      const { code, output } = await runStart({ PORT: String(taken.port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${taken.port} is already in use.`);
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      taken.close();
    }
  });

  it("says in one sentence that the embedded database could not start", { timeout: 120_000 }, async () => {
    const web = await occupiedPort();
    web.close();
    const pgPort = await occupiedPort();
    try {
      const { code, output } = await runStart({ PORT: String(web.port), EMBEDDED_PG_PORT: String(pgPort.port) });
      expect(code).toBe(1);
      expect(output).toContain(`The embedded PostgreSQL could not start on port ${pgPort.port}`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      pgPort.close();
    }
  });

  it("serves the app on an embedded database, stops on Ctrl-C, and comes back with the same data", { timeout: 600_000 }, async () => {
    const free = await occupiedPort();
    free.close();
    const pg = await occupiedPort();
    pg.close();
    const smtp = await occupiedPort();
    smtp.close();
    const env = { PORT: String(free.port), EMBEDDED_PG_PORT: String(pg.port), DEV_SMTP_PORT: String(smtp.port) };
    const base = `http://localhost:${free.port}`;

    for (const round of [1, 2]) {
      const child = launch(env);
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      let exited = false;
      child.on("exit", () => (exited = true));
      await waitFor(() => output.includes("Fun Walk is running at") || exited, 540_000);
      expect(output).toContain(`Fun Walk is running at ${base}`);

      expect((await fetch(`${base}/`)).status).toBe(200);
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, database: "ok" });
      // The organiser's one-time password is printed on the first start only: the data survived.
      expect(output.includes("One-time password:")).toBe(round === 1);

      const stoppedAt = Date.now();
      child.kill("SIGINT");
      await waitFor(() => exited, 30_000);
      expect(Date.now() - stoppedAt).toBeLessThan(30_000);
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    }
  });

  it("refuses a bad port number with a sentence", async () => {
    const { code, output } = await runStart({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a port number between 1 and 65535, not "eighty".');
  });
});

// `npm start` explains start-up problems in one sentence, without a stack trace.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-start-"));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
chmodSync(dataDir, 0o755);

// Every npm start launched here, so that a test failing half-way leaves none running.
const launched: ChildProcess[] = [];

afterAll(async () => {
  for (const child of launched.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

// In a process group of its own, as in a terminal: Ctrl-C there signals the whole group.
function launch(env: Record<string, string>, script = "scripts/start.ts") {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script], {
    cwd: root,
    detached: true,
    env: { ...process.env, DATABASE_URL: "", FUNWALK_DATA_DIR: dataDir, ...env },
  });
  launched.push(child);
  return child;
}

/** PostgreSQL servers running from a data folder under `folder`. */
function postgresRunningUnder(folder: string): string[] {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => /postgres\b.*-D/.test(line) && line.includes(folder));
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

function runStart(env: Record<string, string>, script?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = launch(env, script);
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
    // The web server's heap, as V8 itself reports it (bench/gc-observer.mjs writes it each second).
    const gcDir = path.join(dataDir, "gc");
    mkdirSync(gcDir, { recursive: true });
    const env = {
      PORT: String(free.port),
      EMBEDDED_PG_PORT: String(pg.port),
      DEV_SMTP_PORT: String(smtp.port),
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(root, "bench/gc-observer.mjs")).href}`,
      FUNWALK_GC_DIR: gcDir,
    };
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
      if (round === 1) {
        // The web server runs with its heap budget and its young generation's floor and ceiling
        // (decision 014; without the floor V8 shrank the young generation to 1 MB under a rush of pages
        // and every page cost three times the CPU), as the running process itself reports them.
        const webPid = Number(/pid=(\d+)/.exec(execFileSync("ss", ["-ltnpH", `sport = :${free.port}`], { encoding: "utf8" }))?.[1]);
        const heapFile = path.join(gcDir, `gc-${webPid}.json`);
        await waitFor(() => existsSync(heapFile), 10_000);
        const heap = JSON.parse(readFileSync(heapFile, "utf8")) as { spacesMB: Record<string, number>; limitMB: number; flags: string[] };
        expect(heap.flags).toEqual(expect.arrayContaining(["--max-old-space-size=256", "--min-semi-space-size=16", "--max-semi-space-size=32"]));
        expect(heap.spacesMB.new_space).toBeGreaterThanOrEqual(16);
        expect(heap.limitMB).toBeLessThan(512);
      }

      // Ctrl-C in a terminal signals every process of the group: the web server stops first, then
      // PostgreSQL, with nothing alarming said on the way.
      const stoppedAt = Date.now();
      const printedBefore = output.length;
      process.kill(-child.pid!, "SIGINT");
      await waitFor(() => exited, 30_000);
      expect(Date.now() - stoppedAt).toBeLessThan(30_000);
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
      const shutdown = output.slice(printedBefore);
      expect(shutdown.trim().split("\n")).toEqual(["• stopping", "• stopped"]);
      expect(postgresRunningUnder(dataDir)).toEqual([]);
    }

    // The production server checks its settings too, when started without npm start.
    const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(free.port)], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none", AUTH_SECRET: "x".repeat(32), RATE_LIMIT_SIGNUPS: "100000000" },
    });
    let serverOutput = "";
    server.stdout.on("data", (chunk) => (serverOutput += chunk));
    server.stderr.on("data", (chunk) => (serverOutput += chunk));
    const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
    expect(code).toBe(1);
    expect(serverOutput.match(/RATE_LIMIT_SIGNUPS must be at most 1000000, not "100000000"\./g)).toHaveLength(1);
    expect(serverOutput).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad port number with a sentence", async () => {
    const { code, output } = await runStart({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a port number between 1 and 65535, not "eighty".');
  });

  it("checks every setting first: a sentence per bad one, within seconds, and nothing started", async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), "funwalk-start-badenv-"));
    try {
      const startedAt = Date.now();
      const { code, output } = await runStart({ FUNWALK_DATA_DIR: path.join(fresh, "data"), RATE_LIMIT_SIGNUPS: "100000000", EMAIL_WORKER: "sometimes" });
      expect(code).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(15_000);
      expect(output.match(/RATE_LIMIT_SIGNUPS must be at most 1000000, not "100000000"\./g)).toHaveLength(1);
      expect(output.match(/EMAIL_WORKER must be "process", "inline" or "off", not "sometimes"\./g)).toHaveLength(1);
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toContain("PostgreSQL");
      expect(existsSync(path.join(fresh, "data"))).toBe(false);
      expect(postgresRunningUnder(fresh)).toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it("the email worker checks its settings first in the same way", async () => {
    const { code, output } = await runStart({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none", SMTP_URL: "smtp://127.0.0.1:1", EMAIL_MAX_ATTEMPTS: "0" }, "scripts/worker.ts");
    expect(code).toBe(1);
    expect(output).toContain('EMAIL_MAX_ATTEMPTS must be at least 1, not "0".');
    expect(output).not.toContain("email worker: running");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it.runIf(userInfo().uid === 0)("as root, says in one sentence what to do when PostgreSQL's user cannot reach a private folder", { timeout: 60_000 }, async () => {
    const home = mkdtempSync(path.join(tmpdir(), "funwalk-private-"));
    chmodSync(home, 0o700); // like /root
    const data = path.join(home, "clone", ".data");
    mkdirSync(data, { recursive: true });
    try {
      const web = await occupiedPort();
      web.close();
      const { code, output } = await runStart({ PORT: String(web.port), FUNWALK_DATA_DIR: data });
      expect(code).toBe(1);
      expect(output).toContain(`The embedded PostgreSQL runs as the system user "postgres" when started by root, and that user cannot enter ${home}.`);
      expect(output).toContain("set DATABASE_URL");
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toContain("EACCES");
      expect(postgresRunningUnder(home)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

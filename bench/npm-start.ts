// The app as `npm start` runs it, for the benches that measure what users run (bench:rush,
// bench:lighthouse): scripts/start.ts with its defaults (the embedded PostgreSQL, the email worker in a
// process of its own, the 256 MB heap, the dev mailbox) on ports of the bench's own and a data folder
// of its own, or with `database` on the tests' PostgreSQL instead of the embedded one.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitUntilServing } from "../test/support/next-server";
import { createMigratedDatabase, dropDatabase, findTestServer } from "../test/support/postgres";

const root = path.resolve(import.meta.dirname, "..");

export interface NpmStart {
  base: string;
  /** The web server's process (the one listening on the port). */
  webPid: number;
  databaseUrl: string;
  /** A folder of this run's own, removed by stop(). */
  dataDir: string;
  stop(): Promise<void>;
}

function listeningPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  return Number(/pid=(\d+)/.exec(out)?.[1]);
}

export async function npmStart(options: { port: number; testDatabase?: boolean; env?: (dataDir: string) => Record<string, string> }): Promise<NpmStart> {
  const { port } = options;
  const server = options.testDatabase ? await findTestServer() : undefined;
  const database = server ? await createMigratedDatabase(server, "npmstart") : undefined;
  const embeddedPort = port + 2000;
  const databaseUrl = database?.url ?? `postgresql://postgres:postgres@127.0.0.1:${embeddedPort}/funwalk`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "funwalk-bench-"));
  // Run as root, the embedded PostgreSQL runs as the postgres user, who must reach its data folder.
  chmodSync(dataDir, 0o755);
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const start: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/start.ts")], {
    cwd: root,
    env: {
      ...inherited,
      ...(database ? { DATABASE_URL: database.url } : { EMBEDDED_PG_PORT: String(embeddedPort) }),
      PORT: String(port),
      DEV_SMTP_PORT: String(port + 1000),
      FUNWALK_DATA_DIR: dataDir,
      ...options.env?.(dataDir),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (start.exitCode === null) {
      start.kill("SIGTERM");
      await new Promise((r) => start.once("exit", r));
    }
    if (server && database) {
      await dropDatabase(server, database.name).catch(() => undefined);
      await server.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(base, start, 600_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, webPid: listeningPid(port), databaseUrl, dataDir, stop };
}

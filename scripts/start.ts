// npm start / npm run dev: everything the app needs, one progress line per step.
//   no DATABASE_URL → an embedded PostgreSQL with its data in .data/postgres (kept between runs)
//   migrations, idempotent seed, a local dev mailbox when SMTP_URL is unset,
//   a production build when none exists, then `next start` (or `next dev` with --dev) on PORT, and
//   the email worker in a process of its own (EMAIL_WORKER=process, the default; decision 009).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from "node:fs";
import net from "node:net";
import path from "node:path";
import { heapFlags, parseOrExit, parseStartEnv } from "../lib/env-schema";

// Every setting is checked first, before anything starts (nothing else is even loaded yet).
const settings = parseOrExit(parseStartEnv);

const { migrate } = await import("../lib/db/migrate");
const { createPrismaClient } = await import("../lib/db/client");
const { seed } = await import("../lib/events/seed");
const { startDevMailbox } = await import("./lib/dev-mailbox");
const { startEmbeddedPostgresApart, ensureDatabase } = await import("./lib/embedded-postgres");
const { spawnEmailWorker } = await import("./lib/email-worker-process");
type EmbeddedServer = import("./lib/embedded-postgres").EmbeddedServer;

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, settings.FUNWALK_DATA_DIR ?? ".data");
const dev = process.argv.includes("--dev");
const step = (line: string) => console.log(`• ${line}`);

class StartError extends Error {}

// LOG_FILE: the web server's and the worker's every line, appended to a file (their warnings and
// errors still reach the console). Without it their progress lines are not kept anywhere.
let logFile: WriteStream | undefined;
if (settings.LOG_FILE) {
  mkdirSync(path.dirname(path.resolve(settings.LOG_FILE)), { recursive: true });
  logFile = createWriteStream(path.resolve(settings.LOG_FILE), { flags: "a" });
}
const childStdio = logFile ? (["ignore", "pipe", "pipe"] as const) : (["ignore", "ignore", "inherit"] as const);
function keepOutput(child: ChildProcess) {
  if (!logFile) return;
  child.stdout?.pipe(logFile, { end: false });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    logFile?.write(chunk);
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "0.0.0.0");
  });
}

/** AUTH_SECRET signs sessions and manage links; generated once and kept in .data when not given. */
function authSecret(): string {
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    step(`generated AUTH_SECRET in ${path.relative(root, file)} (set AUTH_SECRET in production)`);
  }
  return readFileSync(file, "utf8").trim();
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code ?? 0));
  });
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  const port = settings.PORT;
  if (!(await portIsFree(port))) {
    throw new StartError(`Port ${port} is already in use. Stop the program using it, or start on another port: PORT=3001 npm start`);
  }

  let embedded: EmbeddedServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    const pgPort = settings.EMBEDDED_PG_PORT;
    step(`starting the embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${path.relative(root, path.join(dataDir, "postgres")) || "."})`);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    // In a process group of its own, so that Ctrl-C stops the web server first and PostgreSQL last.
    embedded = await startEmbeddedPostgresApart({ dataDir: path.join(dataDir, "postgres"), port: pgPort, log: step });
    cleanups.push(() => embedded!.stop());
    await ensureDatabase(embedded.adminUrl, "funwalk");
    databaseUrl = embedded.urlFor("funwalk");
  } else {
    step("using the PostgreSQL server in DATABASE_URL");
  }

  let shuttingDown = false;
  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const stopChild = async (process: ChildProcess | undefined) => {
    if (!process || process.exitCode !== null) return;
    process.kill("SIGTERM");
    const killer = setTimeout(() => process.kill("SIGKILL"), 10_000);
    await waitForExit(process);
    clearTimeout(killer);
  };
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    step("stopping");
    // The web server first (no new sign-ups), then the worker (after the messages in flight).
    await stopChild(child);
    await stopChild(worker);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    step("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    step("applying database migrations");
    const applied = await migrate(databaseUrl);
    step(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");

    const db = createPrismaClient(databaseUrl, 2);
    try {
      const result = await seed(db, { organiserEmail: settings.SEED_ORGANISER_EMAIL });
      step(result.eventCreated ? `seeded the walk ${result.eventSlug}` : `walk ${result.eventSlug} is in the database`);
      if (result.organiser) {
        console.log("");
        console.log(`  Organiser sign-in: ${result.organiser.email}`);
        console.log(`  One-time password: ${result.organiser.oneTimePassword}`);
        console.log("  (shown only this once — sign in at /login and choose your own password)");
        console.log("");
      }
    } finally {
      await db.$disconnect();
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret(),
      PORT: String(port),
      APP_URL: settings.APP_URL ?? `http://localhost:${port}`,
      AUTH_URL: settings.AUTH_URL ?? settings.APP_URL ?? `http://localhost:${port}`,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (!settings.SMTP_URL) {
      const smtpPort = settings.DEV_SMTP_PORT;
      const mailboxDir = settings.DEV_MAILBOX_DIR ?? path.join(dataDir, "mailbox");
      const mailbox = await startDevMailbox({ port: smtpPort, dir: mailboxDir });
      cleanups.push(() => mailbox.stop());
      env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
      env.DEV_MAILBOX_DIR = mailboxDir;
      step(`dev mailbox: SMTP on 127.0.0.1:${smtpPort}, messages at /dev/mailbox`);
    }

    const nextBin = path.join(root, "node_modules/next/dist/bin/next");
    if (!dev && (!existsSync(path.join(root, ".next/BUILD_ID")) || settings.FORCE_BUILD === "1")) {
      step("building the production bundle (first start only)");
      const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
      child = build;
      // The build's own output is shown only when it fails.
      let output = "";
      build.stdout?.on("data", (chunk) => (output += chunk));
      build.stderr?.on("data", (chunk) => (output += chunk));
      if ((await waitForExit(build)) !== 0) {
        console.error(output);
        throw new StartError("The production build failed; the errors are above.");
      }
    }

    step(dev ? "starting the development server" : "starting the production server");
    // The production server runs with a heap budget (FUNWALK_HEAP_MB, default 256) and a larger
    // young generation (lib/env-schema.ts: heapFlags).
    const nodeFlags = dev ? [] : heapFlags(process.env);
    child = spawn(process.execPath, [...nodeFlags, nextBin, dev ? "dev" : "start", "-p", String(port)], {
      cwd: root,
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stdio: [...childStdio],
    });
    keepOutput(child);
    const server = child;
    server.once("exit", (code) => {
      if (!shuttingDown) {
        console.error(`The web server stopped unexpectedly (exit code ${code}).`);
        void shutdown(1);
      }
    });
    if (settings.EMAIL_WORKER === "process") {
      // The worker delivers from a process of its own, at a lower priority: QR codes and SMTP never
      // take the web server's one thread from walkers (decision 009). Restarted if it stops unexpectedly.
      const startWorker = () => {
        worker = spawnEmailWorker({ ...env, NODE_ENV: "production" }, [...childStdio]);
        keepOutput(worker);
        worker.once("exit", (code) => {
          if (shuttingDown) return;
          console.error(`The email worker stopped unexpectedly (exit code ${code}); starting it again. Queued email waits meanwhile.`);
          setTimeout(() => !shuttingDown && startWorker(), 2_000);
        });
      };
      startWorker();
      step("email worker: delivering queued email from a process of its own (EMAIL_WORKER=process)");
    }
    const url = `http://localhost:${port}`;
    if (await waitUntilServing(url, server)) step(`Fun Walk is running at ${url} — press Ctrl-C to stop`);
  } catch (error) {
    console.error(error instanceof StartError ? error.message : `Could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

// Playwright's web server: a fresh database of the run's own, then `npm start` exactly as a user
// runs it (migrations, seed, dev mailbox, a new production build, `next start`). The database is
// dropped when Playwright stops the server.
import { spawn } from "node:child_process";
import { createWriteStream, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, dropDatabase, findTestServer } from "../../test/support/postgres";
import { e2e } from "./env";

const root = path.resolve(import.meta.dirname, "../..");
const server = await findTestServer();
const database = await createDatabase(server, "e2e");
writeFileSync(e2e.databaseUrlFile, database.url);

const app = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
  cwd: root,
  // What it prints goes to Playwright as before and to a file: e2e/server-log.spec.ts reads both
  // logs for personal data at the end of the run.
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(e2e.port),
    APP_URL: e2e.baseURL,
    AUTH_URL: e2e.baseURL,
    SMTP_URL: "",
    DEV_SMTP_PORT: String(e2e.smtpPort),
    DEV_MAILBOX_DIR: e2e.mailboxDir,
    FORCE_BUILD: process.env.E2E_SKIP_BUILD === "1" ? "0" : "1",
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
    LOG_FILE: e2e.serverLogFile,
  },
});
const startLog = createWriteStream(e2e.startLogFile, { flags: "a" });
app.stdout?.on("data", (chunk: Buffer) => void (process.stdout.write(chunk), startLog.write(chunk)));
app.stderr?.on("data", (chunk: Buffer) => void (process.stderr.write(chunk), startLog.write(chunk)));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
  await dropDatabase(server, database.name).catch(() => undefined);
  await server.stop().catch(() => undefined);
  rmSync(e2e.databaseUrlFile, { force: true });
  rmSync(e2e.serverLogFile, { force: true });
  rmSync(e2e.startLogFile, { force: true });
  rmSync(e2e.personalValuesFile, { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
app.on("exit", () => void stop());

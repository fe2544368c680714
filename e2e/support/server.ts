// Playwright's web server: a fresh database of the run's own, then `npm start` exactly as a user
// runs it (migrations, seed, dev mailbox, a new production build, `next start`). The database is
// dropped when Playwright stops the server.
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, dropDatabase, findTestServer } from "../../test/support/postgres";
import { e2e } from "./env";

const root = path.resolve(import.meta.dirname, "../..");
const server = await findTestServer();
const database = await createDatabase(server, "e2e");
writeFileSync(e2e.databaseUrlFile, database.url);

const app = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
  cwd: root,
  stdio: "inherit",
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
  },
});

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
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
app.on("exit", () => void stop());

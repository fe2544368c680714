// Settings shared by playwright.config.ts, the e2e server and the tests. Values are fixed in the
// runner's process (the config is loaded there first) and inherited by every worker.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.E2E_PORT ??= "3100";
process.env.E2E_SMTP_PORT ??= "2600";
process.env.E2E_MAILBOX_DIR ??= mkdtempSync(path.join(tmpdir(), "funwalk-e2e-mailbox-"));
process.env.E2E_RUN_ID ??= `${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;

export const e2e = {
  port: Number(process.env.E2E_PORT),
  smtpPort: Number(process.env.E2E_SMTP_PORT),
  mailboxDir: process.env.E2E_MAILBOX_DIR,
  runId: process.env.E2E_RUN_ID,
  /** File in which the server writes the URL of the run's database. */
  databaseUrlFile: path.join(process.env.E2E_MAILBOX_DIR, "..", `funwalk-e2e-${process.env.E2E_RUN_ID}.dburl`),
  /** What the web server and the email worker wrote (LOG_FILE), and what `npm start` printed. */
  serverLogFile: path.join(process.env.E2E_MAILBOX_DIR, "..", `funwalk-e2e-${process.env.E2E_RUN_ID}.server.log`),
  /** Names and addresses specs typed, one a line, for the server-log spec (e2e/support/personal-values.ts). */
  personalValuesFile: path.join(process.env.E2E_MAILBOX_DIR, "..", `funwalk-e2e-${process.env.E2E_RUN_ID}.personal-values`),
  startLogFile: path.join(process.env.E2E_MAILBOX_DIR, "..", `funwalk-e2e-${process.env.E2E_RUN_ID}.start.log`),
  baseURL: `http://localhost:${process.env.E2E_PORT}`,
};

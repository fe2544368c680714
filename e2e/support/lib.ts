// Runs a function of lib/ against the e2e run's database, in a child Node process with the
// "react-server" condition (so lib's `import "server-only"` resolves as it does in Next).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { e2e } from "./env";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

export function e2eDatabaseUrl(): string {
  return readFileSync(e2e.databaseUrlFile, "utf8").trim();
}

/** Evaluates an ES module body with top-level await; what it prints to stdout is returned. */
export async function runWithLib(moduleBody: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    // The pg pool would keep the process alive until its idle timeout: exit when the body is done.
    ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", `${moduleBody}\nprocess.exit(0);`],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl(),
        DATABASE_POOL_SIZE: "2",
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
        APP_URL: e2e.baseURL,
        NODE_ENV: "test",
      },
      timeout: 60_000,
    },
  );
  return stdout.trim();
}

// The production build and `next start` as `npm start` runs it (the same heap budget), for the
// benchmark and the fault tests that load a real server.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { heapFlags } from "../../lib/env-schema";

const root = path.resolve(import.meta.dirname, "../..");
const next = path.join(root, "node_modules/next/dist/bin/next");

/** Builds the production bundle unless one exists (FORCE_BUILD=1 rebuilds). */
export function ensureProductionBuild(): void {
  if (existsSync(path.join(root, ".next/BUILD_ID")) && process.env.FORCE_BUILD !== "1") return;
  execFileSync(process.execPath, [next, "build"], { cwd: root, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

/** `next start` on 127.0.0.1:`port` with `env` over the production settings every caller needs. */
export function startNextServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...heapFlags(process.env), next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: `http://localhost:${port}`,
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: "true",
      ...env,
    },
  });
}

/**
 * Waits until the app at `base` answers /api/health while `child` (the server, or npm start) runs;
 * throws a sentence when it stops first or `timeoutMs` passes.
 */
export async function waitUntilServing(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(child.exitCode === null ? `${base} did not answer within ${Math.round(timeoutMs / 1000)} s` : `the server for ${base} stopped before it answered (its messages are above)`);
}

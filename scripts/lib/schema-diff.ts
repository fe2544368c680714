// Writes migration SQL offline. Prisma 7's CLI needs a schema-engine binary that cannot be
// downloaded here; Prisma 6.19 (installed as the dev dependency `prisma6`) carries a WebAssembly
// schema engine that diffs two schema files with no database. See docs/ARCHITECTURE.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Prisma 6 requires `url` in the datasource block; Prisma 7 forbids it. The generator becomes
 * Prisma 6's, keeping its preview features (`postgresqlExtensions` makes the diff create extensions).
 */
function asPrisma6Schema(schema: string): string {
  return schema
    .replace(/datasource\s+db\s*\{([^}]*)\}/, (_m, body: string) => `datasource db {${body}  url = env("DATABASE_URL")\n}`)
    .replace(/generator\s+client\s*\{([^}]*)\}/, (_m, body: string) => {
      const preview = /^\s*previewFeatures\s*=.*$/m.exec(body)?.[0].trim();
      return `generator client {\n  provider = "prisma-client-js"\n${preview ? `  ${preview}\n` : ""}}`;
    });
}

/** SQL that turns a database built from `fromSchema` (null: empty) into one built from `toSchema`. */
export function diffSchemas(
  fromSchema: string | null,
  toSchema: string,
  connectionString = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
): string {
  const dir = mkdtempSync(path.join(tmpdir(), "funwalk-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    writeFileSync(toFile, asPrisma6Schema(toSchema));
    const fromArgs: string[] = ["--from-empty"];
    if (fromSchema !== null) {
      const fromFile = path.join(dir, "from.prisma");
      writeFileSync(fromFile, asPrisma6Schema(fromSchema));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const config = path.join(dir, "prisma6.config.mjs");
    writeFileSync(
      config,
      `import { defineConfig } from ${JSON.stringify(path.join(root, "node_modules/prisma6/config.js"))};\n` +
        `import { PrismaPg } from ${JSON.stringify(path.join(root, "node_modules/@prisma/adapter-pg/dist/index.mjs"))};\n` +
        `export default defineConfig({ schema: ${JSON.stringify(toFile)}, experimental: { adapter: true }, engine: "js",\n` +
        `  // never connected: the diff is computed from the two files alone\n` +
        `  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }) });\n`,
    );
    const out = execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma6/build/index.js"),
        "migrate",
        "diff",
        "--config",
        config,
        ...fromArgs,
        "--to-schema-datamodel",
        toFile,
        "--script",
      ],
      {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          // The engine opens (and leaves untouched) a connection through the adapter.
          DATABASE_URL: connectionString,
          PRISMA_QUERY_ENGINE_LIBRARY: toFile,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readSchema(): string {
  return readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
}

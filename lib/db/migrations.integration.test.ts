// Proves the SQL migrations build exactly the schema prisma/schema.prisma describes, and that the
// runner is idempotent, safe to start twice at once, and refuses an edited migration.
import { cpSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemas, readSchema } from "../../scripts/lib/schema-diff";
import { createDatabase, dropDatabase, findTestServer, type TestServer } from "../../test/support/postgres";
import { defaultMigrationsDir, migrate, MigrationError, readMigrations } from "./migrate";

let server: TestServer;
const made: string[] = [];

async function freshDatabase(label: string) {
  const database = await createDatabase(server, label);
  made.push(database.name);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Everything about a database's public schema that a migration can change, as sorted text. */
async function catalog(url: string): Promise<string[]> {
  const rows = await query<{ line: string }>(
    url,
    `
    SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable ||
           ' default=' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL
    SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
      FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = rel.relnamespace
     WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    UNION ALL
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
     WHERE ns.nspname = 'public' GROUP BY t.typname
    UNION ALL
    SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'
    UNION ALL
    SELECT 'extension ' || e.extname || ' in ' || ns.nspname
      FROM pg_extension e JOIN pg_namespace ns ON ns.oid = e.extnamespace
    `,
  );
  return rows.map((r) => r.line).sort();
}

beforeAll(async () => {
  server = await findTestServer();
});

afterAll(async () => {
  for (const name of made) await dropDatabase(server, name);
  await server.stop();
});

describe("migrations", () => {
  it("build exactly the schema that schema.prisma describes", async () => {
    const fromMigrations = await freshDatabase("drift_a");
    await migrate(fromMigrations);
    const fromSchema = await freshDatabase("drift_b");
    const sql = diffSchemas(null, readSchema(), fromSchema);
    await query(fromSchema, sql);

    const expected = await catalog(fromSchema);
    const actual = await catalog(fromMigrations);
    expect(expected.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
    // The name search's trigram indexes need pg_trgm; both ways of building the schema install it.
    expect(actual).toContain("extension pg_trgm in public");
    expect(actual.filter((line) => line.includes("gin_trgm_ops"))).toHaveLength(2);
  });

  it("are recorded in _prisma_migrations as Prisma records them, and a second run does nothing", async () => {
    const url = await freshDatabase("record");
    const first = await migrate(url);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first);
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[i]!.checksum);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    }
    expect(await migrate(url)).toEqual([]);
  });

  it("are applied once when two app instances start together", async () => {
    const url = await freshDatabase("race");
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a, ...b].sort()).toEqual(readMigrations().map((m) => m.name));
    const [{ count }] = (await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`)) as [{ count: string }];
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("refuse a migration that was edited after it was applied", async () => {
    const url = await freshDatabase("edited");
    await migrate(url);
    const dir = mkdtempSync(path.join(tmpdir(), "funwalk-migrations-"));
    try {
      cpSync(defaultMigrationsDir, dir, { recursive: true });
      const last = readMigrations(dir).at(-1)!;
      appendFileSync(path.join(dir, last.name, "migration.sql"), "\n-- edited\n");
      await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
      await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("roll back a failing migration completely", async () => {
    const url = await freshDatabase("failing");
    await migrate(url);
    const dir = mkdtempSync(path.join(tmpdir(), "funwalk-migrations-"));
    try {
      cpSync(defaultMigrationsDir, dir, { recursive: true });
      const bad = path.join(dir, "99990101000000_broken");
      cpSync(path.join(dir, readMigrations(dir)[0]!.name), bad, { recursive: true });
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path.join(bad, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);
      await expect(migrate(url, { dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
      const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
      expect(tables).toHaveLength(0);
      const recorded = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`);
      expect(recorded).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

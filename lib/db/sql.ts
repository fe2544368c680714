// Plain SQL on the app's pool, for the hot paths where Prisma's per-query planning and mapping cost
// more than the database does (the public sign-up: docs/PERFORMANCE.md). Parameters are always
// positional ($1, $2 …): never build SQL text from input.
import type pg from "pg";

/** Something that runs one parameterised statement and returns its rows. */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R[]>;
}

export function sqlOn(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R extends object>(text: string, values: readonly unknown[] = []) {
      return (await client.query<R>(text, values as unknown[])).rows;
    },
  };
}

/**
 * Runs `work` in one transaction on a connection of its own (READ COMMITTED, as Prisma's). Rolls back
 * on any error and rethrows it; a connection whose ROLLBACK failed is closed, not reused.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A connection that dies while checked out (a database restart) emits "error" on the client; the
  // query in flight fails with it. Without a listener the process would end.
  const lost = () => (broken = true);
  client.on("error", lost);
  try {
    await client.query("BEGIN");
    const result = await work(sqlOn(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => (broken = true));
    throw error;
  } finally {
    client.off("error", lost);
    client.release(broken);
  }
}

/** PostgreSQL's unique_violation (23505), optionally on a constraint or index whose name contains `name`. */
export function isUniqueViolationOf(error: unknown, name?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown } | null;
  if (!e || e.code !== "23505") return false;
  return !name || String(e.constraint ?? "").includes(name) || String(e.detail ?? "").includes(name);
}

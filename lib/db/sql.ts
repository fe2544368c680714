// Plain SQL on the app's pool, for the hot paths where Prisma's per-query planning and mapping cost
// more than the database does (the public sign-up: docs/PERFORMANCE.md). Parameters are always
// positional ($1, $2 …): never build SQL text from input.
import type pg from "pg";

/**
 * Something that runs one parameterised statement and returns its rows. With `prepare`, the statement
 * is a named prepared statement: each connection parses and plans it once and then only executes it
 * (the sign-up's statements run thousands of times; REGISTER_SQL is long).
 */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[], prepare?: string): Promise<R[]>;
}

// A statement outside a transaction is its own transaction (autocommit): the sign-up is one
// statement (lib/registrations/sign-up-sql.ts), so it needs no BEGIN or COMMIT round trips.

export function sqlOn(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R extends object>(text: string, values: readonly unknown[] = [], prepare?: string) {
      return (await client.query<R>({ text, values: values as unknown[], ...(prepare ? { name: prepare } : {}) })).rows;
    },
  };
}

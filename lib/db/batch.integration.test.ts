// StatementBatcher on a real PostgreSQL: callers waiting for the one connection go in one
// transaction, written together, each with its own answer; a batch that fails keeps nothing and its callers
// are answered one at a time, the failing one with its own error.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StatementBatcher } from "./batch";
import { createPool } from "./pool";
import { sql, SqlPart, statement } from "./sql";

const table = `batch_test_${randomUUID().replace(/-/g, "")}`;
interface Answer {
  k: number;
  seen: number;
  pid: number;
  tx: string;
}

// Inserts key k, after sleeping `sleep` seconds (to keep the connection busy while callers queue);
// says which connection and transaction ran it and how many rows it saw before its own.
const tableName = new SqlPart([`"${table}"`]); // the test's own table, named by the test
const STATEMENT = (name: string) =>
  statement<{ k: number; sleep: number }, Answer>(
    name,
    (p) => sql`
  WITH slept AS (SELECT pg_sleep(${p.sleep}::float8)),
  seen AS (SELECT count(*)::int AS n FROM ${tableName}),
  added AS (INSERT INTO ${tableName} ("k") SELECT ${p.k}::int FROM slept RETURNING "k")
  SELECT added."k", seen.n AS "seen", pg_backend_pid() AS "pid", txid_current()::text AS "tx" FROM added, seen`,
  );

let admin: pg.Pool;
let pool: pg.Pool;
let acquired = 0;
const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(warning.message));

beforeAll(async () => {
  admin = createPool(process.env.DATABASE_URL!, 2);
  await admin.query(`CREATE TABLE "${table}" ("k" int PRIMARY KEY)`);
});

afterAll(async () => {
  await pool?.end();
  await admin.query(`DROP TABLE IF EXISTS "${table}"`);
  await admin.end();
});

beforeEach(async () => {
  await pool?.end();
  await admin.query(`TRUNCATE "${table}"`);
  pool = createPool(process.env.DATABASE_URL!, 1, { pipeline: true });
  acquired = 0;
  pool.on("acquire", () => acquired++);
});

const keys = async () => (await admin.query<{ k: number }>(`SELECT "k" FROM "${table}" ORDER BY "k"`)).rows.map((r) => r.k);

describe("StatementBatcher", () => {
  it("sends the callers that wait for the connection together in one transaction, in order, each seeing the ones before", async () => {
    const batcher = new StatementBatcher(() => pool, STATEMENT("batch_test_order"), 64);
    // The first caller finds the connection free and goes alone; the ten behind it wait, then go together.
    const first = batcher.run({ k: 100, sleep: 0.3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rest = Array.from({ length: 10 }, (_, i) => batcher.run({ k: i + 1, sleep: 0 }));
    const answers = (await Promise.all(rest)) as Answer[];

    expect((await first)!.k).toBe(100);
    expect(answers.map((a) => a.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // One transaction for the ten, and each statement saw the rows of the ones before it.
    expect(new Set(answers.map((a) => a.tx)).size).toBe(1);
    expect(answers[0]!.tx).not.toBe((await first)!.tx);
    expect(answers.map((a) => a.seen)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Two trips to the pool: the first caller, then the batch.
    expect(acquired).toBe(2);
    expect(await keys()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]);
    // Written through pg's own pipeline mode: never a query on a client still busy with another,
    // which pg warns of ("will be removed in pg@9.0").
    expect(warnings.filter((w) => /pg@9/.test(w))).toEqual([]);
  });

  it("sends at most maxBatch callers in one transaction; the rest wait for the next", async () => {
    const batcher = new StatementBatcher(() => pool, STATEMENT("batch_test_split"), 4);
    const first = batcher.run({ k: 100, sleep: 0.3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answers = (await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.run({ k: i + 1, sleep: 0 })))) as Answer[];
    await first;
    expect(answers.map((a) => a.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Three transactions: 4, 4 and 2 callers.
    const transactions = answers.map((a) => a.tx);
    expect(new Set(transactions.slice(0, 4)).size).toBe(1);
    expect(new Set(transactions.slice(4, 8)).size).toBe(1);
    expect(new Set(transactions.slice(8)).size).toBe(1);
    expect(new Set(transactions).size).toBe(3);
    expect(acquired).toBe(4);
  });

  it("a caller alone is a plain prepared statement, and the batch path reuses what it prepared", async () => {
    const batcher = new StatementBatcher(() => pool, STATEMENT("batch_test_shared"));
    expect((await batcher.run({ k: 1, sleep: 0 }))!.k).toBe(1);
    const first = batcher.run({ k: 2, sleep: 0.2 });
    const rest = [3, 4, 5].map((k) => batcher.run({ k, sleep: 0 }));
    expect((await Promise.all([first, ...rest])).map((a) => a!.k)).toEqual([2, 3, 4, 5]);
    const prepared = await pool.query<{ name: string }>(`SELECT name FROM pg_prepared_statements`);
    expect(prepared.rows.map((r) => r.name)).toEqual(["batch_test_shared"]);
  });

  it("a statement that fails undoes its whole batch; the others are then answered one at a time and the failing caller gets its own error", async () => {
    await admin.query(`INSERT INTO "${table}" ("k") VALUES (3)`);
    const batcher = new StatementBatcher(() => pool, STATEMENT("batch_test_conflict"));
    const first = batcher.run({ k: 100, sleep: 0.3 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => batcher.run({ k, sleep: 0 })));

    await first;
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(((settled[2] as PromiseRejectedResult).reason as { code?: string }).code).toBe("23505");
    const answered = settled.filter((s): s is PromiseFulfilledResult<Answer | undefined> => s.status === "fulfilled").map((s) => s.value!);
    // Answered one at a time after the batch was undone: four transactions, not one.
    expect(new Set(answered.map((a) => a.tx)).size).toBe(4);
    // Each key once: nothing of the undone batch was kept, nothing was written twice.
    expect(await keys()).toEqual([1, 2, 3, 4, 5, 100]);
  });

  it("when the connection is lost during a batch, its callers are sent again on a new connection and each is written once", async () => {
    const batcher = new StatementBatcher(() => pool, STATEMENT("batch_test_lost"));
    const first = await batcher.run({ k: 100, sleep: 0 });
    // The next caller holds the connection for a second; the batch behind it is killed while it sleeps.
    const opener = batcher.run({ k: 200, sleep: 0.2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const batch = [batcher.run({ k: 1, sleep: 1 }), batcher.run({ k: 2, sleep: 0 }), batcher.run({ k: 3, sleep: 0 })];
    await opener;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const killed = await admin.query<{ done: boolean }>(`SELECT pg_terminate_backend($1) AS done`, [first!.pid]);
    expect(killed.rows[0]!.done).toBe(true);

    const answers = (await Promise.all(batch)) as Answer[];
    expect(answers.map((a) => a.k)).toEqual([1, 2, 3]);
    expect(answers.every((a) => a.pid !== first!.pid)).toBe(true);
    expect(await keys()).toEqual([1, 2, 3, 100, 200]);
  });

  it("a caller that waits longer than the pool would wait for a connection is refused, and its statement is never sent", async () => {
    const impatient = createPool(process.env.DATABASE_URL!, 1, { pipeline: true });
    impatient.options.connectionTimeoutMillis = 200;
    try {
      const batcher = new StatementBatcher(() => impatient, STATEMENT("batch_test_patience"));
      const slow = batcher.run({ k: 1, sleep: 1 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await expect(batcher.run({ k: 2, sleep: 0 })).rejects.toThrow(/timeout exceeded when waiting for the database/);
      expect(Date.now() - started).toBeLessThan(900);
      expect((await slow)!.k).toBe(1);
      // Later callers still go through; the one refused was never written.
      expect((await batcher.run({ k: 3, sleep: 0 }))!.k).toBe(3);
      expect(await keys()).toEqual([1, 3]);
    } finally {
      await impatient.end();
    }
  });
});

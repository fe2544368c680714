// A request's context (what AsyncLocalStorage holds for it: in Next.js the render's state, the
// request and the response) must not outlive the request because the database layer kept it:
// connections opened during a request, the pool's idle timer armed when it gives one back and
// Prisma's record of closed transactions are made outside it (lib/db/process-scope.ts).
// Each case runs work inside a fake request, drops it, collects garbage and asks whether it is gone.
import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createPool } from "./pool";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const requestContext = new AsyncLocalStorage<{ response: Uint8Array }>();

/** Runs work as a request would and says whether the request's context is still alive afterwards. */
async function keptAfter(work: () => Promise<unknown>): Promise<boolean> {
  const kept = await (async () => {
    const context = { response: new Uint8Array(1024 * 1024) };
    const ref = new WeakRef(context);
    await requestContext.run(context, work);
    return ref;
  })();
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return kept.deref() !== undefined;
}

const pools: pg.Pool[] = [];
function newPool(): pg.Pool {
  const pool = createPool(process.env.DATABASE_URL!, 2);
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await db.$disconnect();
});

describe("the database layer keeps no request's context", () => {
  it("sees a context that something made during the request keeps (the check itself works)", async () => {
    let timer: NodeJS.Timeout | undefined;
    expect(await keptAfter(async () => void (timer = setInterval(() => undefined, 60_000))))
      .toBe(true);
    clearInterval(timer);
  });

  it("a query that opens the pool's first connection", async () => {
    const pool = newPool();
    expect(await keptAfter(() => pool.query("SELECT 1"))).toBe(false);
    // The connection stays open and idle in the pool, its idle timer armed.
    expect(pool.idleCount).toBe(1);
  });

  it("a connection checked out and given back, new or reused", async () => {
    const pool = newPool();
    const checkOut = async () => {
      const client = await pool.connect();
      await client.query("SELECT 1");
      client.release();
    };
    expect(await keptAfter(checkOut)).toBe(false);
    expect(await keptAfter(checkOut)).toBe(false);
  });

  it("a callback-style checkout", async () => {
    const pool = newPool();
    const checkOut = () =>
      new Promise<void>((resolve, reject) =>
        pool.connect((error, client, done) => {
          if (error || !client) return reject(error);
          client.query("SELECT 1").then(() => (done(), resolve()), reject);
        }),
      );
    expect(await keptAfter(checkOut)).toBe(false);
  });

  it("a Prisma transaction (Prisma keeps its last 100 closed transactions)", async () => {
    expect(await keptAfter(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`))).toBe(false);
    expect(await keptAfter(() => db.$transaction([db.$queryRaw`SELECT 1`]))).toBe(false);
  });
});

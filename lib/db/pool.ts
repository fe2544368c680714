// The application's pg pools: the main one, shared by Prisma (lib/db.ts) and the plain-SQL paths
// (lib/db/sql.ts), and the registrations' own (signUpPool).
// No "server-only" marker: the sign-up page is a Pages Router page (pages/register.tsx), where
// Turbopack refuses modules that carry it. pg cannot be bundled for a browser, so a client component
// importing this fails the build anyway.
import pg from "pg";
import { env } from "../env";
import { outsideRequest } from "./process-scope";

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/** Gives the client back outside the request that used it: the pool's idle timer is armed there. */
function releasedOutsideRequest(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  client.release = (error?: Error | boolean) => outsideRequest(() => release(error));
  return client;
}

/**
 * A pg pool whose connections, and the timers it keeps for them, belong to no request: connections
 * are opened and given back outside the request's context, and the waiter's callback is dropped once
 * called (pg keeps the function that asked for a new connection as long as that connection lives;
 * lib/db/process-scope.ts says why either would keep a request's memory).
 */
class ProcessPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) {
      return new Promise((resolve, reject) => this.connect((error, client) => (client ? resolve(client) : reject(error))));
    }
    let waiting: ConnectCallback | undefined = callback;
    outsideRequest(() =>
      super.connect((error, client, done) => {
        const answer = waiting;
        waiting = undefined;
        answer?.(error, client && releasedOutsideRequest(client), client ? client.release : done);
      }),
    );
  }
}

/**
 * A pool of `max` connections. With `pipeline`, a connection writes each query at once, without
 * waiting for the answer to the one before (pg's pipeline mode; lib/db/batch.ts sends a batch so).
 */
export function createPool(connectionString: string, max = 10, options: { pipeline?: boolean } = {}): pg.Pool {
  // connectionTimeoutMillis also bounds the wait for a free connection in the pool's queue: a burst
  // of sign-ups (500 at once on 10 connections) must queue, not fail, so it matches the
  // transactions' maxWait (30 s). Health has its own 3-second limit.
  const pool = new ProcessPool({ connectionString, max, connectionTimeoutMillis: 30_000, idleTimeoutMillis: 30_000, pipeline: options.pipeline ?? false });
  // A server restart kills idle connections; without a listener that error would end the process.
  // The pool drops the broken client and opens a new one on the next query.
  pool.on("error", (error) => {
    console.warn(`database connection lost (${error.message}); it will be reopened on the next query`);
  });
  return pool;
}

// One pool of each kind per process (kept on globalThis so dev-mode reloads do not open new pools).
const holder = globalThis as unknown as { funwalkPool?: pg.Pool; funwalkSignUpPool?: pg.Pool };

/** The application's connection pool (DATABASE_POOL_SIZE connections), created on first use. */
export function pool(): pg.Pool {
  if (!holder.funwalkPool) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    holder.funwalkPool = createPool(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return holder.funwalkPool;
}

/**
 * The registration statements' own connections (DATABASE_SIGN_UP_POOL_SIZE, default 1), created on
 * first use. Every registration updates its walk's row (the capacity counter), and PostgreSQL lets
 * one transaction at a time hold that row until its commit is on disk; on ten connections the others
 * wait for it inside PostgreSQL, where waking them costs more CPU than the registrations themselves
 * (docs/PERFORMANCE.md: the database did half the sign-ups a second at 16 clients that it did at 1).
 * Here they wait in this pool's queue instead, in the order they came, and the main pool stays free
 * for every other query.
 */
export function signUpPool(): pg.Pool {
  if (!holder.funwalkSignUpPool) {
    const { DATABASE_URL, DATABASE_SIGN_UP_POOL_SIZE } = env();
    holder.funwalkSignUpPool = createPool(DATABASE_URL, DATABASE_SIGN_UP_POOL_SIZE, { pipeline: true });
  }
  return holder.funwalkSignUpPool;
}

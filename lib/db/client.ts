// Builds a PrismaClient on a pg pool. Used by lib/db.ts (the app) and by scripts and tests,
// which cannot import "server-only" modules.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

export type { PrismaClient };

export function createPool(connectionString: string, max = 10): pg.Pool {
  // connectionTimeoutMillis also bounds the wait for a free connection in the pool's queue: a burst
  // of sign-ups (500 at once on 10 connections) must queue, not fail, so it matches the
  // transactions' maxWait (30 s). Health has its own 3-second limit.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 30_000, idleTimeoutMillis: 30_000 });
  // A server restart kills idle connections; without a listener that error would end the process.
  // The pool drops the broken client and opens a new one on the next query.
  pool.on("error", (error) => {
    console.warn(`database connection lost (${error.message}); it will be reopened on the next query`);
  });
  return pool;
}

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return prismaClientOn(createPool(connectionString, poolSize));
}

/** A PrismaClient on an existing pool (the app shares one pool between Prisma and plain SQL). */
export function prismaClientOn(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool);
  return new PrismaClient({
    adapter,
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
  });
}

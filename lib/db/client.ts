// Builds a PrismaClient on a pg pool. Used by lib/db.ts (the app) and by scripts and tests,
// which cannot import "server-only" modules.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { createPool } from "./pool";

export type { PrismaClient };

/** A PrismaClient on a pool of its own, which `$disconnect()` closes. */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return prismaClientOn(createPool(connectionString, poolSize), { ownsPool: true });
}

/**
 * A PrismaClient on an existing pool (the app shares one pool between Prisma and plain SQL).
 * `ownsPool`: `$disconnect()` closes the pool too (else idle connections stay open until their
 * timeout, and a database stopped meanwhile reports them lost).
 */
export function prismaClientOn(pool: pg.Pool, options: { ownsPool?: boolean } = {}): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: options.ownsPool ?? false });
  return new PrismaClient({
    adapter,
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
  });
}

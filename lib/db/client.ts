// Builds a PrismaClient on a pg pool. Used by lib/db.ts (the app) and by scripts and tests,
// which cannot import "server-only" modules.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { createPool } from "./pool";

export type { PrismaClient };

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

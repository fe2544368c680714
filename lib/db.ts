import "server-only";
import type pg from "pg";
import { createPool, prismaClientOn, type PrismaClient } from "./db/client";
import { env } from "./env";

// One pool and one client per process (kept on globalThis so dev-mode reloads do not open new
// pools). Prisma and the plain-SQL hot paths (lib/db/sql.ts) share the pool.
const holder = globalThis as unknown as { funwalkPrisma?: PrismaClient; funwalkPool?: pg.Pool };

/** The application's connection pool (DATABASE_POOL_SIZE connections), created on first use. */
export function pool(): pg.Pool {
  if (!holder.funwalkPool) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    holder.funwalkPool = createPool(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return holder.funwalkPool;
}

function client(): PrismaClient {
  holder.funwalkPrisma ??= prismaClientOn(pool());
  return holder.funwalkPrisma;
}
/** The application's PrismaClient, created on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

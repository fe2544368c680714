import "server-only";
import { prismaClientOn, type PrismaClient } from "./db/client";
import { pool } from "./db/pool";

export { pool };

// One client per process (kept on globalThis so dev-mode reloads do not open new clients), on the
// pool that the plain-SQL hot paths share (lib/db/pool.ts).
const holder = globalThis as unknown as { funwalkPrisma?: PrismaClient };

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

// No "server-only" marker: the public pages (pages/public/, Pages Router pages rendered once for
// everyone) read it, and the marker throws outside the App Router's server components. Prisma and pg
// cannot be bundled for a browser, so a client component importing this fails the build anyway.
import { prismaClientOn, type PrismaClient } from "./db/client";
import { pool } from "./db/pool";
import { outsideRequest } from "./db/process-scope";

export { pool };

// One client per process (kept on globalThis so dev-mode reloads do not open new clients), on the
// pool that the plain-SQL hot paths share (lib/db/pool.ts).
const holder = globalThis as unknown as { funwalkPrisma?: PrismaClient };

function client(): PrismaClient {
  holder.funwalkPrisma ??= prismaClientOn(pool());
  return holder.funwalkPrisma;
}

/**
 * The application's PrismaClient, created on first use. Its transactions run outside the request's
 * context: Prisma keeps its last 100 closed transactions, and with them the context they ran in
 * (lib/db/process-scope.ts). A transaction's callback therefore works with the database only (no
 * cookies(), headers() or revalidation inside it; lib/ never does that).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    if (property === "$transaction") {
      return (...args: Parameters<PrismaClient["$transaction"]>) => outsideRequest(() => real.$transaction(...args));
    }
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

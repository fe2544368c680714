import "server-only";
import { createPrismaClient, type PrismaClient } from "./db/client";
import { env } from "./env";

// One client per process (kept on globalThis so dev-mode reloads do not open new pools).
const holder = globalThis as unknown as { funwalkPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!holder.funwalkPrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    holder.funwalkPrisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
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

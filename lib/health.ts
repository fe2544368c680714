import "server-only";
import type { PrismaClient } from "./db/client";
import { db } from "./db";

export type Health = { ok: true; database: "ok" } | { ok: false; database: "unavailable"; reason: string };

/** Asks PostgreSQL a trivial question through `client`, giving up after `timeoutMs`. */
export async function probeDatabase(client: Pick<PrismaClient, "$queryRaw">, timeoutMs = 3_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, database: "ok" };
  } catch (error) {
    // The reason names the failure, never connection strings or credentials.
    const message = error instanceof Error ? error.message : "";
    const reason = /no answer within/.test(message)
      ? "The database did not answer in time."
      : "The database cannot be reached.";
    return { ok: false, database: "unavailable", reason };
  } finally {
    clearTimeout(timer);
  }
}

export function checkHealth(): Promise<Health> {
  return probeDatabase(db);
}

import { pool } from "../db/pool";
import type { HeaderReader } from "../http/request-guard";
import { sqlOn } from "../db/sql";
import { HIT_RATE_LIMIT_SQL, HIT_RATE_LIMIT_STATEMENT } from "./sql";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  resetAt: Date;
}

/**
 * Counts one hit on `key` in a fixed window of `windowSeconds`; one statement, so every app
 * instance shares the counter and concurrent hits are counted exactly.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  // Plain SQL: it runs for every sign-up (lib/db/sql.ts).
  const rows = await sqlOn(pool()).query<{ count: number; resetAt: Date }>(HIT_RATE_LIMIT_SQL, [key, windowSeconds], HIT_RATE_LIMIT_STATEMENT);
  const row = rows[0]!;
  return { allowed: row.count <= limit, count: row.count, resetAt: row.resetAt };
}

/**
 * The client's address for rate limits. Next sets X-Forwarded-For to the socket address when the
 * request has none; behind a trusted proxy (TRUST_PROXY) the proxy appends the client's address last.
 */
export function clientAddress(headers: HeaderReader, trustProxy: boolean): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const address = trustProxy ? forwarded.at(-1) : forwarded[0];
  return address ?? "unknown";
}

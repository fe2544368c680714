import { pool } from "../db/pool";
import type { HeaderReader } from "../http/request-guard";
import { run } from "../db/sql";
import { HIT_RATE_LIMIT } from "./sql";

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
  // Plain SQL: it runs for every sign-up form with errors (lib/db/sql.ts).
  const [row] = await run(pool(), HIT_RATE_LIMIT, { key, windowSeconds });
  if (!row) throw new Error("the rate limit's statement returned no row");
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

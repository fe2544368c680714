// One hit on a rate-limit key in a fixed window: insert or count up, starting a new window once the
// old one has passed. A part of the sign-up's statement too (lib/registrations/sign-up-sql.ts).
// No "server-only": the benchmark imports it.
import { sql, statement, type SqlPart } from "../db/sql";

/** The hit on `key` in a window of `seconds`; returns the key's "count" and "resetAt". */
export const rateLimitHit = (key: SqlPart, seconds: SqlPart) => sql`INSERT INTO "RateLimit" ("key", "count", "resetAt")
  VALUES (${key}, 1, now() + make_interval(secs => ${seconds}))
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
    "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
  RETURNING "count", "resetAt"`;

export const HIT_RATE_LIMIT = statement<{ key: string; windowSeconds: number }, { count: number; resetAt: Date }>("funwalk_hit_rate_limit", (p) =>
  rateLimitHit(p.key, p.windowSeconds),
);

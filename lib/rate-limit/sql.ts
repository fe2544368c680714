// One hit on a rate-limit key in a fixed window ($1 key, $2 window in seconds): insert or count up,
// starting a new window once the old one has passed. No "server-only": the benchmark imports it.
export const HIT_RATE_LIMIT_SQL = `INSERT INTO "RateLimit" ("key", "count", "resetAt")
  VALUES ($1, 1, now() + make_interval(secs => $2))
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
    "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
  RETURNING "count", "resetAt"`;

/** Its prepared statement's name (lib/db/sql.ts). */
export const HIT_RATE_LIMIT_STATEMENT = "funwalk_hit_rate_limit";

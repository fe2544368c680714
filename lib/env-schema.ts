// Every environment variable the product reads, parsed once with zod. Pure: no side effects,
// so it is shared by the app (lib/env.ts), the scripts and the tests.
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a PostgreSQL URL such as postgresql://user@host:5432/funwalk");

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/.+/.test(v), "must be an SMTP URL such as smtp://user:pass@mail.example.org:587");

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/]+/.test(v), "must be an http(s) URL such as https://funwalk.example.org")
  .transform((v) => v.replace(/\/+$/, ""));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** DATABASE_SIGN_UP_BATCH_SIZE's default, and StatementBatcher's (lib/db/batch.ts). */
export const DEFAULT_SIGN_UP_BATCH_SIZE = 8;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(10),
  // Connections of their own for the registration statements (lib/db/pool.ts: signUpPool). They all
  // update the walk's row, which lets one through at a time: more connections only wait in PostgreSQL.
  DATABASE_SIGN_UP_POOL_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(1),
  // Most sign-ups sent to PostgreSQL in one message and one commit (lib/db/batch.ts); 1 sends each alone.
  // Each updates the walk's row (about 770 bytes a version): 8 versions still fit on the row's 8 KB page,
  // where PostgreSQL reclaims them right after the commit; larger batches spill onto pages only vacuum frees.
  DATABASE_SIGN_UP_BATCH_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(DEFAULT_SIGN_UP_BATCH_SIZE),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optional(httpUrl),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: z.string().trim().min(3).default("Fun Walk <no-reply@funwalk.local>"),
  DEV_MAILBOX_DIR: optional(z.string()),
  EMAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1, "must be at least 1").max(30, "must be at most 30").default(8),
  // Sign-ups allowed per client address per 10 minutes. Raised only for load tests (npm run bench).
  RATE_LIMIT_SIGNUPS: z.coerce.number().int().min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").default(30),
  // The web server's JavaScript heap (V8 old space), in MB: `npm start` and the benchmark start
  // `next start` with it. A budget keeps the server's memory flat under steady load (docs/PERFORMANCE.md).
  FUNWALK_HEAP_MB: z.coerce.number().int().min(128, "must be at least 128").max(16_384, "must be at most 16384").default(256),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration problem: ${problems.join("; ")}.`);
    this.name = "EnvError";
  }
}

/** Parses the environment; throws an EnvError whose message names each bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const missing = source[name] === undefined || source[name] === "";
      return missing ? `${name} is missing` : `${name} ${issue.message}`;
    });
    throw new EnvError(problems);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new EnvError(["AUTH_SECRET is missing (required in production; try: openssl rand -base64 32)"]);
  }
  return { ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` };
}

/**
 * The young generation's semi-space, in MB, for the web server (V8's default here is 16). A sign-up
 * waits for the database, so under load many requests are in flight at once, and every scavenge
 * copies what they hold; a larger young generation scavenges less often. At 64 clients it saved
 * about 7 % of a sign-up's CPU and left the constant route as it was (docs/PERFORMANCE.md).
 */
const SEMI_SPACE_MB = 64;

/** Node's flags for the web server's memory: the heap budget (FUNWALK_HEAP_MB) and the young generation. */
export function heapFlags(source: Record<string, string | undefined>): string[] {
  const mb = envSchema.shape.FUNWALK_HEAP_MB.safeParse(source.FUNWALK_HEAP_MB);
  if (!mb.success) throw new EnvError([`FUNWALK_HEAP_MB ${mb.error.issues[0]?.message ?? "is not valid"}`]);
  return [`--max-old-space-size=${mb.data}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

// Every environment variable the product reads, parsed with zod. Checked first by each command
// (npm start, npm run worker) and by the server (instrumentation.ts): parseOrExit. Imports nothing
// of the app's, so it is shared by the app (lib/env.ts), the scripts and the tests.
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

// Empty values are removed before parsing (withoutEmpty), so `FOO=` means unset.
const optional = <T extends z.ZodType>(schema: T) => schema.optional();

/** A whole number from `min` to `max`. */
const count = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const port = z.coerce
  .number({ error: "must be a port number between 1 and 65535" })
  .int("must be a port number between 1 and 65535")
  .min(1, "must be a port number between 1 and 65535")
  .max(65535, "must be a port number between 1 and 65535");

/** DATABASE_SIGN_UP_BATCH_SIZE's default, and StatementBatcher's (lib/db/batch.ts). */
export const DEFAULT_SIGN_UP_BATCH_SIZE = 8;
/** Emails a second while sign-ups arrive: 5,000 confirmations in under 7 minutes even if they never stop. */
export const DEFAULT_EMAIL_BUSY_RATE = 12;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], "must be development, production or test").default("development"),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: count(1, 200).default(10),
  // Connections of their own for the registration statements (lib/db/pool.ts: signUpPool). They all
  // update the walk's row, which lets one through at a time: more connections only wait in PostgreSQL.
  DATABASE_SIGN_UP_POOL_SIZE: count(1, 50).default(1),
  // Most sign-ups sent to PostgreSQL in one message and one commit (lib/db/batch.ts); 1 sends each alone.
  // Each updates the walk's row (about 770 bytes a version): 8 versions still fit on the row's 8 KB page,
  // where PostgreSQL reclaims them right after the commit; larger batches spill onto pages only vacuum frees.
  DATABASE_SIGN_UP_BATCH_SIZE: count(1, 500).default(DEFAULT_SIGN_UP_BATCH_SIZE),
  PORT: port.default(3000),
  APP_URL: optional(httpUrl),
  AUTH_URL: optional(httpUrl),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  SMTP_URL: optional(smtpUrl),
  MAIL_FROM: z.string().trim().min(3, "must be a sender such as Fun Walk <no-reply@example.org>").default("Fun Walk <no-reply@funwalk.local>"),
  DEV_MAILBOX_DIR: optional(z.string()),
  // process: `npm start` runs the worker in a process of its own beside the web server (decision 009);
  // inline: the web server delivers itself; off: run `npm run worker` yourself.
  EMAIL_WORKER: z.enum(["process", "inline", "off"], 'must be "process", "inline" or "off"').default("process"),
  EMAIL_MAX_ATTEMPTS: count(1, 30).default(8),
  // Most emails a second the worker sends while sign-ups are arriving (0: no limit); full speed otherwise.
  EMAIL_BUSY_RATE: count(0, 1_000).default(DEFAULT_EMAIL_BUSY_RATE),
  // Sign-ups allowed per client address per 10 minutes. Raised only for load tests (npm run bench).
  RATE_LIMIT_SIGNUPS: count(1, 1_000_000).default(30),
  // The web server's JavaScript heap (V8 old space), in MB: `npm start` and the benchmark start
  // `next start` with it. A budget keeps the server's memory flat under steady load (docs/PERFORMANCE.md).
  FUNWALK_HEAP_MB: count(128, 16_384).default(256),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"], "must be true or false")
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

/**
 * What `npm start` reads besides the server's settings. It makes DATABASE_URL (an embedded
 * PostgreSQL) and AUTH_SECRET (.data/auth-secret) itself when they are not given.
 */
export const startEnvSchema = envSchema.extend({
  DATABASE_URL: optional(postgresUrl),
  EMBEDDED_PG_PORT: port.default(54329),
  DEV_SMTP_PORT: port.default(2525),
  FUNWALK_DATA_DIR: optional(z.string()),
  FORCE_BUILD: optional(z.enum(["0", "1"], "must be 1 or 0")),
  SEED_ORGANISER_EMAIL: optional(z.email("must be an email address").max(254, "must be an email address")),
  // Every line the web server and the email worker write (progress lines too), appended to this file.
  LOG_FILE: optional(z.string().trim().min(1, "must be a file path")),
});

export type StartEnv = z.infer<typeof startEnvSchema>;

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

/** Settings whose values are secrets or may hold a password: a problem never repeats their value. */
const SECRET_VALUES = new Set(["DATABASE_URL", "SMTP_URL", "AUTH_SECRET"]);

/** Bad or missing settings, one sentence each (`problems`); the message has a line per problem. */
export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvError";
  }
}

/** Empty values count as unset, so `FOO= npm start` means the default. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""));
}

function check<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const given = withoutEmpty(source);
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    if (problems.has(name)) continue;
    const value = given[name];
    if (value === undefined) problems.set(name, `${name} is missing.`);
    else if (SECRET_VALUES.has(name)) problems.set(name, `${name} ${issue.message}.`);
    else problems.set(name, `${name} ${issue.message}, not ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}.`);
  }
  throw new EnvError([...problems.values()]);
}

/** Parses the server's environment; throws an EnvError that names each bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const env = check(envSchema, source);
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new EnvError(["AUTH_SECRET is missing (required in production; try: openssl rand -base64 32)."]);
  }
  return { ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` };
}

/** Parses what `npm start` reads (its own settings and the server's); throws an EnvError like parseEnv. */
export function parseStartEnv(source: Record<string, string | undefined>): StartEnv {
  return check(startEnvSchema, source);
}

/**
 * For the first line of a command (npm start, npm run worker) and of the server: parses the
 * settings, and on a bad one prints one sentence per bad variable (no stack trace) and ends the
 * process with exit code 1, before anything has started.
 */
export function parseOrExit<T>(parse: (source: Record<string, string | undefined>) => T, source = process.env): T {
  try {
    return parse(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${error.message}\nNothing was started: fix the setting${error.problems.length > 1 ? "s" : ""} above and start again (the README lists every setting).`);
    process.exit(1);
  }
}

/**
 * The young generation's semi-space, in MB, for the web server: at least 16 and at most 32 (decision
 * 014). A sign-up or a page waits for the database, so under load many requests are in flight at once,
 * and every scavenge copies what they hold. Left to itself, V8 shrank the young generation to 1 MB
 * under a rush of manage pages and kept it there: everything a render made went to the old space,
 * 68–78 full collections in 20 s, and a manage page cost 70–75 ms of CPU instead of 25 (bench: the
 * rush). The floor keeps it from collapsing; the ceiling of 32 (64 before) keeps the server's resident
 * memory under 450 MB at the same speed.
 */
const SEMI_SPACE_MB = { min: 16, max: 32 };

export function heapFlags(source: Record<string, string | undefined>): string[] {
  const { FUNWALK_HEAP_MB } = check(envSchema.pick({ FUNWALK_HEAP_MB: true }), { FUNWALK_HEAP_MB: source.FUNWALK_HEAP_MB });
  return [`--max-old-space-size=${FUNWALK_HEAP_MB}`, `--min-semi-space-size=${SEMI_SPACE_MB.min}`, `--max-semi-space-size=${SEMI_SPACE_MB.max}`];
}

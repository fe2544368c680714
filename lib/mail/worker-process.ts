// Builds and runs a delivery worker from the environment: used by instrumentation.ts (inside the
// web server) and by scripts/worker.ts (`npm run worker`). Free of "server-only" on purpose.
import { createPrismaClient } from "../db/client";
import type { Env } from "../env-schema";
import { startPrivacySchedule } from "../privacy/schedule";
import { EmailWorker } from "./worker";

export interface RunningWorker {
  /** Null without SMTP_URL: the process then runs the daily privacy jobs alone. */
  worker: EmailWorker | null;
  stop(): Promise<void>;
}

/** How the daily privacy jobs start (tests start their first run at once). */
export interface PrivacyJobOptions {
  privacyFirstRunMs?: number;
}

export function startWorkerFromEnv(env: Env, log: (line: string) => void = console.log, options: PrivacyJobOptions = {}): RunningWorker {
  // A small pool of its own: deliveries never wait behind web requests for a connection.
  const db = createPrismaClient(env.DATABASE_URL, 2);
  // The daily privacy jobs (the retention purge) run whether or not this process can deliver
  // email: a deployment without SMTP still erases personal data on time (decision 010).
  const privacy = startPrivacySchedule(db, log, { firstRunMs: options.privacyFirstRunMs });
  if (!env.SMTP_URL) {
    log("email worker: SMTP_URL is not set, so emails stay queued until a worker with SMTP_URL runs; the daily privacy jobs run here");
    return {
      worker: null,
      async stop() {
        await privacy.stop();
        await db.$disconnect();
      },
    };
  }
  const worker = new EmailWorker({
    db,
    databaseUrl: env.DATABASE_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    appUrl: env.APP_URL,
    maxAttempts: env.EMAIL_MAX_ATTEMPTS,
    busyRatePerSecond: env.EMAIL_BUSY_RATE,
    log,
  });
  worker.start();
  return {
    worker,
    async stop() {
      await privacy.stop();
      await worker.stop();
      await db.$disconnect();
    },
  };
}

/**
 * The daily privacy jobs alone, for a web server that runs no worker (EMAIL_WORKER=off): wherever
 * the app runs, personal data is erased on time. Idempotent and guarded in SQL, so workers
 * elsewhere running the same jobs change nothing more.
 */
export function startPrivacyJobsFromEnv(env: Env, log: (line: string) => void = console.log, options: PrivacyJobOptions = {}): { stop(): Promise<void> } {
  const db = createPrismaClient(env.DATABASE_URL, 1);
  const privacy = startPrivacySchedule(db, log, { firstRunMs: options.privacyFirstRunMs });
  return {
    async stop() {
      await privacy.stop();
      await db.$disconnect();
    },
  };
}

// Builds and runs a delivery worker from the environment: used by instrumentation.ts (inside the
// web server) and by scripts/worker.ts (`npm run worker`). Free of "server-only" on purpose.
import { createPrismaClient } from "../db/client";
import type { Env } from "../env-schema";
import { startPrivacySchedule } from "../privacy/schedule";
import { EmailWorker } from "./worker";

export interface RunningWorker {
  worker: EmailWorker;
  stop(): Promise<void>;
}

export function startWorkerFromEnv(env: Env, log: (line: string) => void = console.log): RunningWorker | null {
  if (!env.SMTP_URL) {
    log("email worker: SMTP_URL is not set, so emails stay queued until a worker with SMTP_URL runs");
    return null;
  }
  // A small pool of its own: deliveries never wait behind web requests for a connection.
  const db = createPrismaClient(env.DATABASE_URL, 2);
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
  // The daily privacy jobs run where email is delivered: one process of the deployment at least.
  const privacy = startPrivacySchedule(db, log);
  return {
    worker,
    async stop() {
      await privacy.stop();
      await worker.stop();
      await db.$disconnect();
    },
  };
}

// The privacy jobs' schedule, in every worker process, with or without SMTP, and in the web server
// when it runs no worker (EMAIL_WORKER=off; lib/mail/worker-process.ts): the retention
// purge (./purge.ts) and, two weeks before a walk's purge, an email to every admin with a link to
// export the walk's data first. Both run a minute after the worker starts and then once a day at
// 03:00 in Port of Spain (07:00 UTC); both are idempotent (the notice's outbox key is one per walk
// and admin), so several workers or restarts change nothing more (decision 010).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { enqueueEmails } from "../mail/outbox";
import { purgeDate, purgeExpiredPersonalData } from "./purge";

const DAY_MS = 86_400_000;
export const NOTICE_DAYS = 14;
const FIRST_RUN_MS = 60_000;
const RUN_AT_UTC_HOUR = 7;

/** Queues the purge notice to every admin for walks whose purge is at most NOTICE_DAYS away. */
export async function sendPurgeNotices(db: PrismaClient, now = new Date()): Promise<number> {
  const walks = await db.event.findMany({
    where: { personalDataErasedAt: null, endsAt: { lte: now } },
    select: { id: true, nameEn: true, endsAt: true, retentionDays: true },
  });
  const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true, email: true } });
  let queued = 0;
  for (const walk of walks) {
    const on = purgeDate(walk);
    if (on.getTime() - now.getTime() > NOTICE_DAYS * DAY_MS || on <= now) continue;
    queued += await db.$transaction((tx) =>
      enqueueEmails(
        tx,
        admins.map((admin) => ({
          template: "privacy-purge-notice" as const,
          to: admin.email,
          language: "EN" as const,
          idempotencyKey: `privacy-purge-notice:${walk.id}:${admin.id}`,
          payload: { walkName: walk.nameEn, purgeOn: on.toISOString(), exportPath: `/dashboard/walkers/export?walk=${walk.id}` },
        })),
      ),
    );
  }
  return queued;
}

/** The next 07:00 UTC after `now`. */
export function nextRunAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_AT_UTC_HOUR));
  return next > now ? next : new Date(next.getTime() + DAY_MS);
}

/** Starts the daily privacy jobs; the returned stop() waits for a run in progress to stop between two walkers. */
export function startPrivacySchedule(
  db: PrismaClient,
  log: (line: string) => void,
  /** When the first run starts (tests start it at once). */
  { firstRunMs = FIRST_RUN_MS }: { firstRunMs?: number } = {},
): { stop(): Promise<void> } {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    const id = randomUUID().slice(0, 8);
    try {
      const notices = await sendPurgeNotices(db);
      if (notices > 0) log(`privacy: ${notices} purge notice(s) queued to admins`);
      const report = await purgeExpiredPersonalData(db, { signal: abort.signal });
      for (const walk of report.walks) {
        log(`privacy: ${walk.slug}: ${walk.walkers} walker(s), ${walk.groups} group(s), ${walk.emails} email(s), ${walk.organisations} booth contact(s) erased${walk.finished ? "" : " (to be continued)"}`);
      }
    } catch (error) {
      log(`privacy: run ${id} failed (${(error as Error).message.split("\n")[0]}); it is tried again at the next run`);
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = run().finally(() => {
        if (!abort.signal.aborted) schedule(nextRunAt(new Date()).getTime() - Date.now());
      });
    }, ms);
    timer.unref();
  };
  schedule(firstRunMs);
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}

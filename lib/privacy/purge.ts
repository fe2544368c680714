// The retention purge: once a walk's retention period (Event.retentionDays after it ends) has
// passed, its personal data is erased (./erase.ts), keeping the edition summary (./summary.ts).
// Each walker is erased in a transaction of its own, so a run stopped half-way leaves no walker
// half-erased and the next run finishes the rest; a second run finds nothing to do. One audit entry
// per run, with counts and never a name, also when nothing was due. Runs daily in the worker process (./schedule.ts) and by
// hand (`npm run privacy:purge [-- --dry-run]`). No "server-only": both are plain Node processes.
import { writeAudit } from "../audit/log";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { BOOTH_TEMPLATES, eraseBookingContacts, eraseGroupIfDone, eraseLastEmails, eraseSignInTokens, eraseWalkers, reminderOfWalk } from "./erase";
import { storeEditionSummary } from "./summary";

export interface WalkPurge {
  eventId: string;
  slug: string;
  /** When its retention period ended. */
  dueSince: string;
  walkers: number;
  groups: number;
  emails: number;
  organisations: number;
  /** Every personal field of the walk is erased (false when the run was stopped or, in a dry run, always). */
  finished: boolean;
}

export interface PurgeReport {
  dryRun: boolean;
  walks: WalkPurge[];
  /** Expired sign-in tokens deleted and the old sign-in emails erased. */
  signInTokens: number;
}

export interface PurgeOptions {
  now?: Date;
  /** Count what would be erased, change nothing. */
  dryRun?: boolean;
  /** Stops between two walkers (the worker's shutdown); the next run goes on from there. */
  signal?: AbortSignal;
  /** Called after each walker's transaction (tests stop a run half-way with it). */
  onWalkerErased?: () => void;
}

export { purgeDate } from "./retention";

/** Walks whose retention period has passed and whose personal data is not all erased yet. */
async function dueWalks(db: PrismaClient, now: Date) {
  return db.$queryRaw<{ id: string; slug: string; dueSince: Date }[]>`
    SELECT "id", "slug", "endsAt" + "retentionDays" * interval '1 day' AS "dueSince" FROM "Event"
    WHERE "personalDataErasedAt" IS NULL AND "endsAt" + "retentionDays" * interval '1 day' <= ${now}
    ORDER BY "endsAt"`;
}

/** What a run would erase for the walk now: the same rows, counted the same way, as purgeWalk erases. */
async function countPending(db: PrismaClient, eventId: string): Promise<Omit<WalkPurge, "eventId" | "slug" | "dueSince" | "finished">> {
  const [row] = await db.$queryRaw<{ walkers: number; groups: number; emails: number; organisations: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Walker" WHERE "eventId" = ${eventId}::uuid AND "erasedAt" IS NULL) AS walkers,
      (SELECT count(*)::int FROM "RegistrationGroup" WHERE "eventId" = ${eventId}::uuid AND "erasedAt" IS NULL) AS groups,
      (SELECT count(*)::int FROM "EmailOutbox" o WHERE o."idempotencyKey" NOT LIKE 'erased:%' AND (
          -- Every email about one of the walk's groups, the last one after a deletion included.
          split_part(o."idempotencyKey", ':', 2) IN (SELECT "id"::text FROM "RegistrationGroup" WHERE "eventId" = ${eventId}::uuid)
          OR (o."template" LIKE ${BOOTH_TEMPLATES} AND split_part(o."idempotencyKey", ':', 2) IN (
            SELECT b."id"::text FROM "BoothBooking" b JOIN "Booth" bo ON bo."id" = b."boothId" WHERE bo."eventId" = ${eventId}::uuid))
          OR EXISTS (SELECT 1 FROM "Walker" w JOIN "Event" e ON e."id" = w."eventId"
                     WHERE w."eventId" = ${eventId}::uuid AND w."erasedAt" IS NULL AND w."email" <> ''
                       AND ${reminderOfWalk("o", Prisma.sql`w."email"`, Prisma.sql`e."endsAt"`)}))) AS emails,
      (SELECT count(DISTINCT o."id")::int FROM "Organisation" o JOIN "BoothBooking" b ON b."organisationId" = o."id"
         JOIN "Booth" bo ON bo."id" = b."boothId"
       WHERE bo."eventId" = ${eventId}::uuid AND (o."contactName" <> '' OR o."phone" IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM "BoothBooking" b2 JOIN "Booth" bo2 ON bo2."id" = b2."boothId" JOIN "Event" e2 ON e2."id" = bo2."eventId"
                         WHERE b2."organisationId" = o."id" AND e2."id" <> ${eventId}::uuid AND e2."personalDataErasedAt" IS NULL)) AS organisations`;
  return row!;
}

/** Erases the personal data of every walk past its retention period; see the file's comment. */
export async function purgeExpiredPersonalData(db: PrismaClient, options: PurgeOptions = {}): Promise<PurgeReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const report: PurgeReport = { dryRun, walks: [], signInTokens: 0 };
  for (const walk of await dueWalks(db, now)) {
    const base = { eventId: walk.id, slug: walk.slug, dueSince: walk.dueSince.toISOString() };
    if (dryRun) {
      report.walks.push({ ...base, ...(await countPending(db, walk.id)), finished: false });
      continue;
    }
    report.walks.push(await purgeWalk(db, walk.id, base, now, options));
    if (options.signal?.aborted) break;
  }
  if (dryRun) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "VerificationToken" WHERE "expires" < ${now}`;
    report.signInTokens = row!.n;
    return report;
  }
  if (!options.signal?.aborted) report.signInTokens = await db.$transaction((tx) => eraseSignInTokens(tx, now));
  // Every run leaves its entry, also one that found nothing due: organisers see that the job runs.
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: null,
      action: "privacy.purge",
      entityType: "Event",
      entityId: report.walks.length === 1 ? report.walks[0]!.eventId : null,
      after: { walks: report.walks.map(({ slug, walkers, groups, emails, organisations, finished }) => ({ slug, walkers, groups, emails, organisations, finished })), signInTokens: report.signInTokens },
    }),
  );
  return report;
}

async function purgeWalk(db: PrismaClient, eventId: string, base: Pick<WalkPurge, "eventId" | "slug" | "dueSince">, now: Date, options: PurgeOptions): Promise<WalkPurge> {
  const result: WalkPurge = { ...base, walkers: 0, groups: 0, emails: 0, organisations: 0, finished: false };
  // The counts first, while every walker is still there to be counted (kept if a run resumes).
  await db.$transaction((tx) => storeEditionSummary(tx, eventId));
  const walkers = await db.walker.findMany({ where: { eventId, erasedAt: null }, select: { id: true, groupId: true }, orderBy: { seq: "asc" } });
  const groups = new Set<string>();
  for (const walker of walkers) {
    if (options.signal?.aborted) return result;
    const erased = await db.$transaction((tx) => eraseWalkers(tx, [walker.id], now));
    result.walkers += erased.walkers;
    result.emails += erased.emails;
    groups.add(walker.groupId);
    options.onWalkerErased?.();
  }
  // Groups whose walkers were all erased before (a resumed run, or groups that deleted their own data).
  const left = await db.registrationGroup.findMany({ where: { eventId, erasedAt: null }, select: { id: true } });
  for (const { id } of left) groups.add(id);
  for (const groupId of groups) {
    if (options.signal?.aborted) return result;
    const erased = await db.$transaction((tx) => eraseGroupIfDone(tx, groupId, now));
    result.groups += erased.group ? 1 : 0;
    result.emails += erased.emails;
  }
  return db.$transaction(async (tx) => {
    const contacts = await eraseBookingContacts(tx, eventId, now);
    result.organisations = contacts.organisations;
    result.emails += contacts.emails + (await eraseLastEmails(tx, eventId, now));
    const finished = await tx.$executeRaw`
      UPDATE "Event" SET "personalDataErasedAt" = ${now}
      WHERE "id" = ${eventId}::uuid AND "personalDataErasedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Walker" WHERE "eventId" = ${eventId}::uuid AND "erasedAt" IS NULL)
        AND NOT EXISTS (SELECT 1 FROM "RegistrationGroup" WHERE "eventId" = ${eventId}::uuid AND "erasedAt" IS NULL)`;
    result.finished = finished > 0;
    return result;
  });
}

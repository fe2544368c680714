import "server-only";
import { db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { Prisma } from "../generated/prisma/client";
import { enqueueEmails } from "../mail/outbox";
import { writeAudit } from "../audit/log";
import { eraseGroupEmails, eraseGroupIfDone, eraseWalkers } from "../privacy/erase";
import { purgeDate } from "../privacy/retention";
import { assertOrganiser } from "../auth/organiser";
import type { Actor } from "../auth/roles";
import { isUuid } from "../ids";
import { AlreadyRegisteredError, InvalidManageLinkError, WalkerNotFound } from "./errors";
import { verifyManageToken } from "./manage-token";
import { personKey, type WalkerInput } from "./schema";
import { manageSecret } from "./secret";
import { emailEvent, managePath, manageTokenFor, ticketEmails, walkerColumns, type Language } from "./sign-up";
import type { SignUpEventRow } from "./sign-up-sql";

// The public sign-up's registration (one statement, plain SQL) is in ./sign-up.ts; these are the
// changes after it, through Prisma.
type Tx = Prisma.TransactionClient;

// Many sign-ups at once queue for a pooled connection; give them time rather than failing.
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

interface EventRow extends SignUpEventRow {
  capacity: number;
  confirmedCount: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
}

/**
 * Who changes a registration: the group itself, through its manage link (`byManageLink`), or an
 * organiser, on one of the walk's walkers (`byOrganiser`; checked against the database in the
 * change's own transaction). Each change writes its audit entry with the one who acted: the
 * organiser's account, or none for the walker's own link. No organiser path uses a manage token.
 */
export type RegistrationActor =
  | { kind: "walker"; token: string }
  | { kind: "organiser"; actor: Actor; eventId: string; walkerId: string };

export const byManageLink = (token: string): RegistrationActor => ({ kind: "walker", token });
export const byOrganiser = (actor: Actor, eventId: string, walkerId: string): RegistrationActor => ({ kind: "organiser", actor, eventId, walkerId });

/** The audit entry's actor: the organiser's account, or null for a walker's own manage link. */
function auditActor(who: RegistrationActor): { actorId: string | null; via?: "manage-link" } {
  return who.kind === "organiser" ? { actorId: who.actor.userId } : { actorId: null, via: "manage-link" };
}

/** For an organiser: the group of one of the walk's walkers, after checking the role in this transaction. */
async function organisersGroup(tx: Tx, who: Extract<RegistrationActor, { kind: "organiser" }>): Promise<string> {
  await assertOrganiser(tx, who.actor.userId);
  if (!isUuid(who.walkerId)) throw new WalkerNotFound();
  const walker = await tx.walker.findFirst({ where: { id: who.walkerId, eventId: who.eventId }, select: { groupId: true } });
  if (!walker) throw new WalkerNotFound();
  return walker.groupId;
}

/**
 * The group the actor may change, with its walk: the group a genuine, current manage token names,
 * or the group of the organiser's walker. With `lock`, the walk's row is locked (serialising
 * cancellations and promotions). A walk that has ended refuses a change with `lock`, and any
 * change through a manage link (the link works until the purge, to see, download and delete the
 * data), unless `afterTheWalk` allows it (deleting one's data).
 */
async function groupFor(tx: Tx, who: RegistrationActor, now: Date, { lock, afterTheWalk = false }: { lock: boolean; afterTheWalk?: boolean }) {
  let groupId: string;
  let version: number | null = null;
  if (who.kind === "walker") {
    const claims = verifyManageToken(manageSecret(), who.token, now);
    if (!claims) throw new InvalidManageLinkError();
    groupId = claims.groupId;
    version = claims.version;
  } else {
    groupId = await organisersGroup(tx, who);
  }
  const [event] = await tx.$queryRaw<(EventRow & { language: Language; contactEmail: string; manageTokenVersion: number })[]>`
    SELECT e."id", e."nameEn", e."nameEs", e."venueAddress", e."venueAddressEs", e."mapUrl", e."timezone", e."startsAt", e."endsAt",
           e."capacity", e."confirmedCount", e."registrationOpensAt", e."registrationClosesAt", e."waiverVersion", e."retentionDays",
           g."language", g."contactEmail", g."manageTokenVersion"
    FROM "RegistrationGroup" g JOIN "Event" e ON e."id" = g."eventId"
    WHERE g."id" = ${groupId}::uuid AND (${version}::int IS NULL OR g."manageTokenVersion" = ${version}::int)
    ${lock ? Prisma.sql`FOR UPDATE OF e` : Prisma.empty}`;
  const refused = who.kind === "walker" ? new InvalidManageLinkError() : new WalkerNotFound();
  if (!event) throw refused;
  if (now >= event.endsAt && !afterTheWalk && (lock || who.kind === "walker")) throw refused;
  return { groupId, version: event.manageTokenVersion, event };
}

/** Checks a manage token against the database; the group's id, or null. */
export async function groupIdForToken(token: string, now = new Date()): Promise<string | null> {
  const claims = verifyManageToken(manageSecret(), token, now);
  if (!claims) return null;
  const group = await db.registrationGroup.findFirst({
    where: { id: claims.groupId, manageTokenVersion: claims.version },
    select: { id: true },
  });
  return group?.id ?? null;
}

/**
 * Cancels some (or all) of a group's walkers. Freed places go to the waiting list at once, in
 * sign-up order, a whole waiting group at a time; each promoted group is emailed.
 */
export async function cancelWalkers(
  who: RegistrationActor,
  walkerIds: string[] | "all",
  now = new Date(),
): Promise<{ cancelled: number; promoted: number }> {
  return db.$transaction(async (tx) => {
    const { groupId, event } = await groupFor(tx, who, now, { lock: true });
    const cancelled = await cancelInGroup(tx, who, groupId, event, walkerIds, now);
    if (cancelled.length === 0) return { cancelled: 0, promoted: 0 };
    const language = event.language;
    await enqueueEmails(tx, [
      {
        template: "registration-cancelled",
        to: event.contactEmail,
        language,
        idempotencyKey: `registration-cancelled:${groupId}:${now.getTime()}`,
        payload: { event: emailEvent(event, language), names: cancelled.map((c) => `${c.firstName} ${c.lastName}`) },
      },
    ]);
    const promoted = cancelled.some((c) => c.was === "CONFIRMED") ? await promoteWaiting(tx, event, now) : 0;
    return { cancelled: cancelled.length, promoted };
  }, TX_OPTIONS);
}

/**
 * Cancels the group's live walkers among `walkerIds` (each with its audit entry) and gives their
 * places back to the walk. The walk's row must be locked (groupFor with lock); promoting the
 * waiting list is the caller's.
 */
async function cancelInGroup(tx: Tx, who: RegistrationActor, groupId: string, event: EventRow, walkerIds: string[] | "all", now: Date) {
  const ids = walkerIds === "all" ? null : walkerIds.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const cancelled = await tx.$queryRaw<{ id: string; was: string; firstName: string; lastName: string }[]>`
    WITH target AS (
      SELECT "id", "status" FROM "Walker"
      WHERE "groupId" = ${groupId}::uuid AND "status" <> 'CANCELLED'
        AND (${ids}::uuid[] IS NULL OR "id" = ANY(${ids}::uuid[]))
      FOR UPDATE
    )
    UPDATE "Walker" w SET "status" = 'CANCELLED', "activePersonKey" = NULL, "cancelledAt" = ${now}, "updatedAt" = ${now}
    FROM target WHERE w."id" = target."id"
    RETURNING w."id", target."status"::text AS "was", w."firstName", w."lastName"`;
  for (const walker of cancelled) {
    const { actorId, via } = auditActor(who);
    await writeAudit(tx, {
      actorId,
      action: "walker.cancel",
      entityType: "Walker",
      entityId: walker.id,
      before: { status: walker.was },
      after: { status: "CANCELLED", ...(via ? { via } : {}) },
    });
  }
  const freed = cancelled.filter((c) => c.was === "CONFIRMED").length;
  if (freed > 0) {
    await tx.$executeRaw`UPDATE "Event" SET "confirmedCount" = "confirmedCount" - ${freed} WHERE "id" = ${event.id}::uuid`;
  }
  return cancelled;
}

/**
 * "Delete our data now", through the group's manage link: cancels the chosen walkers (or all),
 * their places going to the waiting list as a cancellation's do, queues one last email to the
 * group contact saying the data is deleted, and erases their personal data at once
 * (lib/privacy/erase.ts), with every email about the group. Once no walker of the group is left,
 * the group itself is erased and every manage link answers that nothing is stored.
 */
export async function deleteOwnData(
  token: string,
  walkerIds: string[] | "all",
  now = new Date(),
): Promise<{ deleted: number; promoted: number; groupErased: boolean }> {
  const who = byManageLink(token);
  return db.$transaction(async (tx) => {
    const { groupId, event } = await groupFor(tx, who, now, { lock: true, afterTheWalk: true });
    // After the walk nobody is waiting for a place: the walkers keep the status they walked with
    // (the edition's counts stay true) and only their data goes.
    const walkOver = now >= event.endsAt;
    const ids = walkerIds === "all" ? null : walkerIds.filter(isUuid);
    const kept = await tx.walker.findMany({ where: { groupId, erasedAt: null }, select: { id: true, isGroupLeader: true } });
    let targets = ids ? kept.filter((w) => ids.includes(w.id)) : kept;
    // The contact's own data is the group's address: deleting it deletes the whole group's.
    if (targets.some((w) => w.isGroupLeader)) targets = kept;
    if (targets.length === 0) return { deleted: 0, promoted: 0, groupErased: false };
    const targetIds = targets.map((t) => t.id);
    const cancelled = walkOver ? [] : await cancelInGroup(tx, who, groupId, event, targetIds, now);
    const language = event.language;
    await enqueueEmails(tx, [
      {
        template: "data-deleted",
        to: event.contactEmail,
        language,
        idempotencyKey: `data-deleted:${groupId}:${now.getTime()}`,
        payload: { walkName: emailEvent(event, language).name, count: targetIds.length },
      },
    ]);
    const promoted = cancelled.some((c) => c.was === "CONFIRMED") ? await promoteWaiting(tx, event, now) : 0;
    for (const id of targetIds) {
      await writeAudit(tx, { actorId: null, action: "walker.delete-data", entityType: "Walker", entityId: id, after: { via: "manage-link" } });
    }
    await eraseWalkers(tx, targetIds, now);
    // The group's emails name the walkers just erased; they go too.
    await eraseGroupEmails(tx, groupId, now);
    const { group } = await eraseGroupIfDone(tx, groupId, now);
    return { deleted: targetIds.length, promoted, groupErased: group };
  }, TX_OPTIONS);
}

/** Promotes waiting groups in sign-up order while the first one fits. The event row must be locked. */
async function promoteWaiting(tx: Tx, event: EventRow, now: Date): Promise<number> {
  let promoted = 0;
  for (;;) {
    const [next] = await tx.$queryRaw<{ groupId: string; waiting: number }[]>`
      SELECT "groupId", count(*)::int AS "waiting" FROM "Walker"
      WHERE "eventId" = ${event.id}::uuid AND "status" = 'WAITING'
      GROUP BY "groupId" ORDER BY min("seq") LIMIT 1`;
    if (!next) return promoted;
    const took = await tx.$executeRaw`
      UPDATE "Event" SET "confirmedCount" = "confirmedCount" + ${next.waiting}
      WHERE "id" = ${event.id}::uuid AND "confirmedCount" + ${next.waiting} <= "capacity"`;
    if (took === 0) return promoted;
    const walkers = await tx.$queryRaw<
      { email: string; firstName: string; lastName: string; ticketCode: string; language: Language; contactEmail: string; manageTokenVersion: number }[]
    >`
      UPDATE "Walker" w SET "status" = 'CONFIRMED', "confirmedAt" = ${now}, "updatedAt" = ${now}
      FROM "RegistrationGroup" g
      WHERE w."groupId" = ${next.groupId}::uuid AND w."status" = 'WAITING' AND g."id" = w."groupId"
      RETURNING w."email", w."firstName", w."lastName", w."ticketCode", g."language", g."contactEmail", g."manageTokenVersion"`;
    const first = walkers[0]!;
    const token = manageTokenFor(next.groupId, first.manageTokenVersion, event);
    await enqueueEmails(
      tx,
      ticketEmails("walker-promoted", `walker-promoted:${next.groupId}`, first.contactEmail, first.language, walkers, {
        event: emailEvent(event, first.language),
        status: "CONFIRMED",
        managePath: managePath(token),
        waitingPosition: null,
      }),
    );
    promoted += walkers.length;
  }
}

/** Changes one walker's details. The same person cannot end up registered twice. */
export async function updateWalker(who: RegistrationActor, walkerId: string, input: WalkerInput & { email: string }, now = new Date()): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const { groupId } = await groupFor(tx, who, now, { lock: false });
      const refused = who.kind === "walker" ? new InvalidManageLinkError() : new WalkerNotFound();
      if (!isUuid(walkerId)) throw refused;
      const walker = await tx.walker.findFirst({
        where: { id: walkerId, groupId },
        select: {
          id: true, eventId: true, status: true, firstName: true, lastName: true, email: true, phone: true, ageBand: true, tshirtSize: true,
          emergencyContactName: true, emergencyContactPhone: true, accessibilityNeeds: true, photoConsent: true, guardianName: true, guardianConsent: true,
        },
      });
      if (!walker) throw refused;
      const { actorId, via } = auditActor(who);
      // Every entry names the fields that changed; an organiser's also the names and address before
      // and after (erased with the walker), a walker's own change nothing more.
      const next = { ...walkerColumns(input), email: input.email };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => walker[field] !== next[field]);
      await writeAudit(tx, {
        actorId,
        action: "walker.edit",
        entityType: "Walker",
        entityId: walker.id,
        ...(via
          ? { after: { changed, via } }
          : {
              before: { firstName: walker.firstName, lastName: walker.lastName, email: walker.email },
              after: { changed, firstName: input.firstName, lastName: input.lastName, email: input.email },
            }),
      });
      await tx.walker.update({
        where: { id: walker.id },
        data: {
          ...walkerColumns(input),
          email: input.email,
          activePersonKey:
            walker.status === "CANCELLED" ? null : personKey(walker.eventId, input.email, input.firstName, input.lastName),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "activePersonKey")) throw new AlreadyRegisteredError();
    throw error;
  }
}

/** Queues the tickets again for the group contact; at most one resend a minute. */
export async function resendTickets(who: RegistrationActor, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { groupId, version, event } = await groupFor(tx, who, now, { lock: false });
    const { actorId, via } = auditActor(who);
    await writeAudit(tx, {
      actorId,
      action: "walker.resend-ticket",
      entityType: who.kind === "organiser" ? "Walker" : "RegistrationGroup",
      entityId: who.kind === "organiser" ? who.walkerId : groupId,
      ...(via ? { after: { via } } : {}),
    });
    const walkers = await tx.walker.findMany({
      where: { groupId, status: { not: "CANCELLED" } },
      orderBy: { seq: "asc" },
      select: { email: true, firstName: true, lastName: true, ticketCode: true, status: true },
    });
    if (walkers.length === 0) return;
    const language = event.language;
    const minute = Math.floor(now.getTime() / 60_000);
    await enqueueEmails(tx, [
      {
        template: "registration-confirmed",
        to: event.contactEmail,
        language,
        idempotencyKey: `ticket-resent:${groupId}:${minute}`,
        payload: {
          event: emailEvent(event, language),
          tickets: walkers.map((w) => ({ ...w, status: w.status === "WAITING" ? "WAITING" : "CONFIRMED" })),
          managePath: managePath(manageTokenFor(groupId, version, event)),
          waitingPosition: null,
          resent: true,
        },
      },
    ]);
  });
}

/**
 * "Lost your link?": emails the manage link of every live registration made with this address.
 * Returns nothing, so the caller answers the same way whether or not the address is known.
 */
export async function sendManageLinks(eventId: string, email: string, now = new Date()): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.$transaction(async (tx) => {
    const groups = await tx.registrationGroup.findMany({
      where: {
        eventId,
        // Until the walk's data is erased (the link works until then; see manageTokenFor).
        event: { personalDataErasedAt: null },
        erasedAt: null,
        contactEmail: address,
        walkers: { some: { status: { not: "CANCELLED" } } },
      },
      select: {
        id: true,
        language: true,
        manageTokenVersion: true,
        event: {
          select: { id: true, nameEn: true, nameEs: true, venueAddress: true, venueAddressEs: true, mapUrl: true, timezone: true, startsAt: true, endsAt: true, retentionDays: true },
        },
      },
      take: 20,
    }).then((found) => found.filter((group) => purgeDate(group.event) > now));
    // One message per group per 10 minutes, however often the form is sent.
    const bucket = Math.floor(now.getTime() / 600_000);
    await enqueueEmails(
      tx,
      groups.map((group) => ({
        template: "manage-link" as const,
        to: address,
        language: group.language,
        idempotencyKey: `manage-link:${group.id}:${address}:${bucket}`,
        payload: {
          event: emailEvent(group.event as EventRow, group.language),
          managePath: managePath(manageTokenFor(group.id, group.manageTokenVersion, group.event)),
        },
      })),
    );
  });
}

/**
 * Locks the event row and promotes waiting groups into any free places (after an organiser raises
 * the capacity). Returns how many walkers were promoted; each promoted group is emailed.
 */
export async function promoteIntoFreePlaces(tx: Tx, eventId: string, now = new Date()): Promise<number> {
  const [event] = await tx.$queryRaw<EventRow[]>`
    SELECT "id", "nameEn", "nameEs", "venueAddress", "venueAddressEs", "mapUrl", "timezone", "startsAt", "endsAt", "capacity",
           "confirmedCount", "registrationOpensAt", "registrationClosesAt", "waiverVersion", "retentionDays"
    FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
  if (!event) return 0;
  return promoteWaiting(tx, event, now);
}

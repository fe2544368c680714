import "server-only";
import { randomUUID } from "node:crypto";
import type { EmailEventInfo, EmailTicket } from "../../emails/types";
import { db, pool, signUpPool } from "../db";
import { isUniqueViolationOf, sqlOn } from "../db/sql";
import { Prisma } from "../generated/prisma/client";
import { enqueueEmails, OUTBOX_CHANNEL, type QueuedEmail } from "../mail/outbox";
import {
  AlreadyRegisteredError,
  GroupDoesNotFitError,
  InvalidManageLinkError,
  RegistrationClosedError,
  WaiverChangedError,
} from "./errors";
import { signManageToken, verifyManageToken } from "./manage-token";
import { personKey, type RegistrationInput, type WalkerInput } from "./schema";
import { manageSecret } from "./secret";
import { newTicketCode } from "./ticket-code";
import { hitRateLimit } from "../rate-limit";
import {
  EVENT_BY_ID_SQL,
  eventFromJson,
  REGISTER_SQL,
  REGISTER_STATEMENT,
  registerParams,
  SIGN_UP_SQL,
  SIGN_UP_STATEMENT,
  type RegisterRow,
  type SignUpEventRow,
  type SignUpRow,
} from "./sign-up-sql";

type Tx = Prisma.TransactionClient;
type Language = "EN" | "ES";
type Status = "CONFIRMED" | "WAITING";

// Many sign-ups at once queue for a pooled connection; give them time rather than failing.
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

interface EventRow extends SignUpEventRow {
  capacity: number;
  confirmedCount: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
}

function emailEvent(
  event: Pick<EventRow, "nameEn" | "nameEs" | "startsAt" | "endsAt" | "timezone" | "venueAddress" | "mapUrl">,
  language: Language,
): EmailEventInfo {
  return {
    name: language === "ES" ? event.nameEs : event.nameEn,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    venue: event.venueAddress,
    mapUrl: event.mapUrl,
  };
}

export function manageTokenFor(groupId: string, version: number, eventEndsAt: Date): string {
  return signManageToken(manageSecret(), { groupId, version, expiresAt: eventEndsAt });
}

const managePath = (token: string) => `/manage/${token}`;

function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  // P2002 from Prisma's own queries; a raw query reports PostgreSQL's 23505 as P2010.
  const unique = error.code === "P2002" || (error.code === "P2010" && /23505|unique constraint/i.test(text));
  return unique && (!column || text.includes(column));
}

export interface RegisterResult {
  groupId: string;
  manageToken: string;
  status: Status;
  /** True when this form had already been submitted: nothing new was created. */
  repeated: boolean;
}

/** A registration ready to send: REGISTER_SQL's parameters, and what the answer needs. */
interface PreparedRegistration {
  eventId: string;
  groupId: string;
  token: string;
  params: unknown[];
}

function prepareRegistration(event: SignUpEventRow, input: RegistrationInput, now: Date): PreparedRegistration {
  const eventId = event.id;
  const language = input.language;
  const groupId = randomUUID();
  const walkers = input.walkers.map((walker, index) => {
    const email = walker.email ?? input.contactEmail;
    return {
      ...walkerColumns(walker),
      isGroupLeader: index === 0,
      email,
      activePersonKey: personKey(eventId, email, walker.firstName, walker.lastName),
      ticketCode: newTicketCode(),
    };
  });
  const token = manageTokenFor(groupId, 1, event.endsAt);
  // Both versions of the emails; the statement keeps the one that applies (and fills in the
  // waiting-list position).
  const emails = (status: Status) =>
    ticketEmails("registration-confirmed", `registration-confirmed:${groupId}`, input.contactEmail, language, walkers, {
      event: emailEvent(event, language),
      status,
      managePath: managePath(token),
      waitingPosition: null,
    });
  const waiting = emails("WAITING");
  const params = registerParams({
    eventId,
    groupId,
    contactEmail: input.contactEmail,
    language,
    submissionKey: input.submissionKey,
    waiverVersion: input.waiverVersion,
    now,
    joinWaitingList: input.joinWaitingList,
    walkers,
    emails: emails("CONFIRMED").map((e, i) => ({ ...e, confirmed: e.payload, waiting: waiting[i]!.payload })),
    channel: OUTBOX_CHANNEL,
  });
  return { eventId, groupId, token, params };
}

/** What the registration statement's answer means for the visitor. */
function registrationOutcome(row: RegisterRow | undefined, input: RegistrationInput, prepared: PreparedRegistration): Promise<RegisterResult> | RegisterResult {
  if (!row?.found) throw new RegistrationClosedError();
  if (row.earlierGroupId) return repeatedSubmission(prepared.eventId, input.submissionKey);
  if (!row.open) throw new RegistrationClosedError();
  if (row.waiverVersion !== input.waiverVersion) throw new WaiverChangedError();
  if (row.took) return { groupId: prepared.groupId, manageToken: prepared.token, status: "CONFIRMED", repeated: false };
  // A group that does not fit is offered the waiting list, all together; never split.
  if (!input.joinWaitingList || row.walkers === 0)
    throw new GroupDoesNotFitError(Math.max(0, (row.capacity ?? 0) - (row.confirmedCount ?? 0)), input.walkers.length);
  return { groupId: prepared.groupId, manageToken: prepared.token, status: "WAITING", repeated: false };
}

/** A unique violation from the registration statement: the same person, or the same form sent twice at once. */
function registrationConflict(error: unknown, eventId: string, submissionKey: string): Promise<RegisterResult> {
  if (isUniqueViolationOf(error, "activePersonKey")) throw new AlreadyRegisteredError();
  // The same form sent twice at once: the other one committed first.
  if (isUniqueViolationOf(error, "submissionKey")) return repeatedSubmission(eventId, submissionKey);
  throw error;
}

/**
 * Registers every walker in the form, in one statement (REGISTER_SQL): the places (a conditional
 * UPDATE of the event's counter, so PostgreSQL refuses to oversell), the group, the walkers and
 * their emails.
 */
export async function registerWalkers(
  eventId: string,
  input: RegistrationInput,
  now = new Date(),
  /** The walk's row when the caller has just read it (the sign-up route does); read here otherwise. */
  known?: SignUpEventRow,
): Promise<RegisterResult> {
  // Plain SQL, one statement (lib/registrations/sign-up-sql.ts), on the registrations' own pool
  // (lib/db/pool.ts: signUpPool): this is the hot path, and round trips and Prisma's per-statement
  // cost were most of a sign-up's time (docs/PERFORMANCE.md).
  const event =
    known?.id === eventId
      ? known
      : (await sqlOn(pool()).query<SignUpEventRow>(EVENT_BY_ID_SQL, [eventId]))[0];
  if (!event) throw new RegistrationClosedError();

  const prepared = prepareRegistration(event, input, now);
  let row: RegisterRow | undefined;
  try {
    [row] = await sqlOn(signUpPool()).query<RegisterRow>(REGISTER_SQL, prepared.params, REGISTER_STATEMENT);
  } catch (error) {
    return registrationConflict(error, eventId, input.submissionKey);
  }
  return registrationOutcome(row, input, prepared);
}

/** A hit on a rate limit: its key, its limit, its window. */
export interface LimitHit {
  key: string;
  limit: number;
  windowSeconds: number;
}

export type SignUpOutcome =
  | { kind: "registered"; result: RegisterResult }
  /** Over the limit: nothing was registered. */
  | { kind: "limited"; count: number; resetAt: Date }
  /** The copy of the walk was not the walk sign-ups go to now (or is out of date): only the hit was counted. */
  | { kind: "stale"; current: SignUpEventRow | null };

/**
 * The sign-up route's common path, one statement (SIGN_UP_SQL): the hit on the sign-up's rate limit
 * and the registration, built from the copy of the walk's row the app holds (`known`). The database
 * registers only when the hit is within the limit and `known` is still the walk sign-ups go to,
 * unchanged; "stale" hands back the current row.
 */
export async function signUpWithLimit(known: SignUpEventRow, input: RegistrationInput, hit: LimitHit, now = new Date()): Promise<SignUpOutcome> {
  const sql = sqlOn(signUpPool());
  const prepared = prepareRegistration(known, input, now);
  let row: SignUpRow | undefined;
  try {
    [row] = await sql.query<SignUpRow>(SIGN_UP_SQL, [...prepared.params, hit.key, hit.windowSeconds, hit.limit, known.fingerprint], SIGN_UP_STATEMENT);
  } catch (error) {
    if (!isUniqueViolationOf(error)) throw error;
    // The statement was undone, its hit on the limit with it: count that hit on its own.
    const counted = await hitRateLimit(hit.key, hit.limit, hit.windowSeconds);
    if (!counted.allowed) return { kind: "limited", count: counted.count, resetAt: counted.resetAt };
    return { kind: "registered", result: await registrationConflict(error, known.id, input.submissionKey) };
  }
  if (!row) throw new Error("the sign-up statement returned no row");
  if (row.hits > hit.limit) return { kind: "limited", count: row.hits, resetAt: row.resetAt };
  if (!row.ran) return { kind: "stale", current: row.current ? eventFromJson(row.current) : null };
  return { kind: "registered", result: await registrationOutcome(row, input, prepared) };
}

function walkerColumns(walker: WalkerInput) {
  return {
    firstName: walker.firstName,
    lastName: walker.lastName,
    phone: walker.phone ?? null,
    ageBand: walker.ageBand,
    tshirtSize: walker.tshirtSize ?? null,
    emergencyContactName: walker.emergencyContactName,
    emergencyContactPhone: walker.emergencyContactPhone,
    accessibilityNeeds: walker.accessibilityNeeds ?? null,
    photoConsent: walker.photoConsent,
    guardianName: walker.guardianName ?? null,
    guardianConsent: walker.guardianConsent,
  };
}

/**
 * One message per address: the group contact's lists every walker and carries the manage link;
 * a walker with an address of their own gets their own ticket.
 */
function ticketEmails(
  template: "registration-confirmed" | "walker-promoted",
  keyPrefix: string,
  contactEmail: string,
  language: Language,
  walkers: { email: string; firstName: string; lastName: string; ticketCode: string }[],
  details: { event: EmailEventInfo; status: Status; managePath: string; waitingPosition: number | null; resent?: boolean },
): QueuedEmail[] {
  const ticket = (w: (typeof walkers)[number]): EmailTicket => ({
    firstName: w.firstName,
    lastName: w.lastName,
    ticketCode: w.ticketCode,
    status: details.status,
  });
  const emails: QueuedEmail[] = [
    {
      template,
      to: contactEmail,
      language,
      idempotencyKey: `${keyPrefix}:contact`,
      payload: {
        event: details.event,
        tickets: walkers.map(ticket),
        managePath: details.managePath,
        waitingPosition: details.waitingPosition,
        resent: details.resent,
      },
    },
  ];
  const others = [...new Set(walkers.map((w) => w.email))].filter((address) => address !== contactEmail);
  for (const address of others) {
    emails.push({
      template,
      to: address,
      language,
      idempotencyKey: `${keyPrefix}:${walkers.find((w) => w.email === address)!.ticketCode}`,
      payload: {
        event: details.event,
        tickets: walkers.filter((w) => w.email === address).map(ticket),
        managePath: null,
        waitingPosition: details.waitingPosition,
        resent: details.resent,
      },
    });
  }
  return emails;
}

async function repeatedSubmission(eventId: string, submissionKey: string): Promise<RegisterResult> {
  const group = await db.registrationGroup.findUniqueOrThrow({
    where: { eventId_submissionKey: { eventId, submissionKey } },
    select: {
      id: true,
      manageTokenVersion: true,
      event: { select: { endsAt: true } },
      walkers: { select: { status: true }, orderBy: { seq: "asc" }, take: 1 },
    },
  });
  const status: Status = group.walkers[0]?.status === "WAITING" ? "WAITING" : "CONFIRMED";
  return {
    groupId: group.id,
    manageToken: manageTokenFor(group.id, group.manageTokenVersion, group.event.endsAt),
    status,
    repeated: true,
  };
}

/**
 * The group a genuine, current manage token names, with its walk. With `lock`, the walk's row is
 * locked (serialising cancellations and promotions) and a walk that has ended refuses the change.
 */
async function groupForToken(tx: Tx, token: string, now: Date, { lock }: { lock: boolean }) {
  const claims = verifyManageToken(manageSecret(), token, now);
  if (!claims) throw new InvalidManageLinkError();
  const [event] = await tx.$queryRaw<(EventRow & { language: Language; contactEmail: string })[]>`
    SELECT e."id", e."nameEn", e."nameEs", e."venueAddress", e."mapUrl", e."timezone", e."startsAt", e."endsAt",
           e."capacity", e."confirmedCount", e."registrationOpensAt", e."registrationClosesAt", e."waiverVersion",
           g."language", g."contactEmail"
    FROM "RegistrationGroup" g JOIN "Event" e ON e."id" = g."eventId"
    WHERE g."id" = ${claims.groupId}::uuid AND g."manageTokenVersion" = ${claims.version}
    ${lock ? Prisma.sql`FOR UPDATE OF e` : Prisma.empty}`;
  if (!event || (lock && now >= event.endsAt)) throw new InvalidManageLinkError();
  return { groupId: claims.groupId, version: claims.version, event };
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
  token: string,
  walkerIds: string[] | "all",
  now = new Date(),
  /** Runs in the same transaction first (an organiser's authorisation and audit entry). */
  inTransaction?: (tx: Tx) => Promise<void>,
): Promise<{ cancelled: number; promoted: number }> {
  return db.$transaction(async (tx) => {
    const { groupId, event } = await groupForToken(tx, token, now, { lock: true });
    await inTransaction?.(tx);
    const ids = walkerIds === "all" ? null : walkerIds.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (ids && ids.length === 0) return { cancelled: 0, promoted: 0 };
    const cancelled = await tx.$queryRaw<{ was: string; firstName: string; lastName: string }[]>`
      WITH target AS (
        SELECT "id", "status" FROM "Walker"
        WHERE "groupId" = ${groupId}::uuid AND "status" <> 'CANCELLED'
          AND (${ids}::uuid[] IS NULL OR "id" = ANY(${ids}::uuid[]))
        FOR UPDATE
      )
      UPDATE "Walker" w SET "status" = 'CANCELLED', "activePersonKey" = NULL, "cancelledAt" = ${now}, "updatedAt" = ${now}
      FROM target WHERE w."id" = target."id"
      RETURNING target."status"::text AS "was", w."firstName", w."lastName"`;
    if (cancelled.length === 0) return { cancelled: 0, promoted: 0 };
    const freed = cancelled.filter((c) => c.was === "CONFIRMED").length;
    if (freed > 0) {
      await tx.$executeRaw`UPDATE "Event" SET "confirmedCount" = "confirmedCount" - ${freed} WHERE "id" = ${event.id}::uuid`;
    }
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
    const promoted = freed > 0 ? await promoteWaiting(tx, event, now) : 0;
    return { cancelled: cancelled.length, promoted };
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
    const token = manageTokenFor(next.groupId, first.manageTokenVersion, event.endsAt);
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
export async function updateWalker(
  token: string,
  walkerId: string,
  input: WalkerInput & { email: string },
  now = new Date(),
  /** Runs in the same transaction first (an organiser's authorisation and audit entry). */
  inTransaction?: (tx: Tx) => Promise<void>,
): Promise<void> {
  const claims = verifyManageToken(manageSecret(), token, now);
  if (!claims) throw new InvalidManageLinkError();
  try {
    await db.$transaction(async (tx) => {
      const walker = await tx.walker.findFirst({
        where: { id: walkerId, group: { id: claims.groupId, manageTokenVersion: claims.version } },
        select: { id: true, eventId: true, status: true },
      });
      if (!walker) throw new InvalidManageLinkError();
      await inTransaction?.(tx);
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
export async function resendTickets(token: string, now = new Date(), inTransaction?: (tx: Tx) => Promise<void>): Promise<void> {
  await db.$transaction(async (tx) => {
    const { groupId, version, event } = await groupForToken(tx, token, now, { lock: false });
    await inTransaction?.(tx);
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
          managePath: managePath(manageTokenFor(groupId, version, event.endsAt)),
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
        event: { endsAt: { gt: now } },
        contactEmail: address,
        walkers: { some: { status: { not: "CANCELLED" } } },
      },
      select: {
        id: true,
        language: true,
        manageTokenVersion: true,
        event: {
          select: { id: true, nameEn: true, nameEs: true, venueAddress: true, mapUrl: true, timezone: true, startsAt: true, endsAt: true },
        },
      },
      take: 20,
    });
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
          managePath: managePath(manageTokenFor(group.id, group.manageTokenVersion, group.event.endsAt)),
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
    SELECT "id", "nameEn", "nameEs", "venueAddress", "mapUrl", "timezone", "startsAt", "endsAt", "capacity",
           "confirmedCount", "registrationOpensAt", "registrationClosesAt", "waiverVersion"
    FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
  if (!event) return 0;
  return promoteWaiting(tx, event, now);
}

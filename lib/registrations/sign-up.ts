// The public sign-up's registration: one statement per sign-up (lib/registrations/sign-up-sql.ts) on
// the registrations' own pool, plain SQL, no Prisma. Kept apart from mutations.ts (Prisma) because
// the sign-up route is a Pages Router API route (pages/api/register/submit.ts: it costs a request
// about half the CPU of an App Router route handler, docs/PERFORMANCE.md) and Turbopack refuses
// "server-only" there; nothing here could run in a browser (pg, node:crypto, the environment).
import { venueIn } from "../events/content-rules";
import { privacyVersionOf } from "../privacy/notice";
import { purgeDate } from "../privacy/retention";
import { randomUUID } from "node:crypto";
import type { EmailEventInfo, EmailTicket } from "../../emails/types";
import { StatementBatcher } from "../db/batch";
import { isUniqueViolation } from "../db/errors";
import { pool, signUpPool } from "../db/pool";
import { run, sql, statement } from "../db/sql";
import { env } from "../env";
import { OUTBOX_CHANNEL, type QueuedEmail } from "../mail/outbox";
import { hitRateLimit } from "../rate-limit";
import { AlreadyRegisteredError, GroupDoesNotFitError, PrivacyNoticeChangedError, RegistrationClosedError, WaiverChangedError } from "./errors";
import { signManageToken } from "./manage-token";
import { personKey, type RegistrationInput, type WalkerInput } from "./schema";
import { manageSecret } from "./secret";
import {
  CURRENT_WALK,
  eventFromJson,
  REGISTER,
  registerParams,
  SIGN_UP,
  WALK_BY_ID,
  type RegisterParams,
  type RegisterRow,
  type SignUpEventRow,
  type SignUpParams,
  type SignUpRow,
} from "./sign-up-sql";
import { newTicketCode } from "./ticket-code";

export type Language = "EN" | "ES";
export type Status = "CONFIRMED" | "WAITING";

export function emailEvent(
  event: Pick<SignUpEventRow, "nameEn" | "nameEs" | "startsAt" | "endsAt" | "timezone" | "venueAddress" | "venueAddressEs" | "mapUrl">,
  language: Language,
): EmailEventInfo {
  return {
    name: language === "ES" ? event.nameEs : event.nameEn,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    venue: venueIn(event, language),
    mapUrl: event.mapUrl,
  };
}

/**
 * A group's manage link, valid until its walk's personal data is erased (the walk's end plus its
 * retention period): after the walk, walkers can still see, download and delete their data.
 */
export function manageTokenFor(groupId: string, version: number, walk: { endsAt: Date; retentionDays: number }): string {
  return signManageToken(manageSecret(), { groupId, version, expiresAt: purgeDate(walk) });
}

export const managePath = (token: string) => `/manage/${token}`;

export interface RegisterResult {
  groupId: string;
  manageToken: string;
  status: Status;
  /** True when this form had already been submitted: nothing new was created. */
  repeated: boolean;
}

/** A registration ready to send: its statement's parameters, and what the answer needs. */
interface PreparedRegistration {
  eventId: string;
  groupId: string;
  token: string;
  params: RegisterParams;
}

/** Whether the form showed the walk's privacy notice in force: a walker accepts the notice they read. */
const showedCurrentNotice = (event: SignUpEventRow, input: RegistrationInput) => input.privacyVersion === privacyVersionOf(event);

function checkPrivacyVersion(event: SignUpEventRow, input: RegistrationInput): void {
  if (!showedCurrentNotice(event, input)) throw new PrivacyNoticeChangedError(privacyVersionOf(event));
}

function prepareRegistration(event: SignUpEventRow, input: RegistrationInput, now: Date): PreparedRegistration {
  checkPrivacyVersion(event, input);
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
  const token = manageTokenFor(groupId, 1, event);
  // The emails as they are for a confirmed group; when the group waits instead, the statement
  // marks their tickets waiting and fills in the waiting-list position.
  const emails = ticketEmails("registration-confirmed", `registration-confirmed:${groupId}`, input.contactEmail, language, walkers, {
    event: emailEvent(event, language),
    status: "CONFIRMED",
    managePath: managePath(token),
    waitingPosition: null,
  });
  const params = registerParams({
    eventId,
    groupId,
    contactEmail: input.contactEmail,
    language,
    submissionKey: input.submissionKey,
    waiverVersion: input.waiverVersion,
    privacyVersion: input.privacyVersion,
    now,
    joinWaitingList: input.joinWaitingList,
    walkers,
    emails,
    channel: OUTBOX_CHANNEL,
  });
  return { eventId, groupId, token, params };
}

/** What the registration statement's answer means for the visitor. */
function registrationOutcome(row: RegisterRow | undefined, input: RegistrationInput, prepared: PreparedRegistration): Promise<RegisterResult> | RegisterResult {
  if (!row?.found) throw new RegistrationClosedError();
  if (row.earlierGroupId) return repeatedSubmission(prepared.eventId, input.submissionKey);
  if (!row.open) throw new RegistrationClosedError();
  if (row.waiverVersion !== input.waiverVersion) throw new WaiverChangedError(row.waiverVersion ?? "");
  if (row.took) return { groupId: prepared.groupId, manageToken: prepared.token, status: "CONFIRMED", repeated: false };
  // A group that does not fit is offered the waiting list, all together; never split.
  if (!input.joinWaitingList || row.walkers === 0)
    throw new GroupDoesNotFitError(Math.max(0, (row.capacity ?? 0) - (row.confirmedCount ?? 0)), input.walkers.length);
  return { groupId: prepared.groupId, manageToken: prepared.token, status: "WAITING", repeated: false };
}

/** A unique violation from the registration statement: the same person, or the same form sent twice at once. */
function registrationConflict(error: unknown, eventId: string, submissionKey: string): Promise<RegisterResult> {
  if (isUniqueViolation(error, "activePersonKey")) throw new AlreadyRegisteredError();
  // The same form sent twice at once: the other one committed first.
  if (isUniqueViolation(error, "submissionKey")) return repeatedSubmission(eventId, submissionKey);
  throw error;
}

/**
 * Registers every walker in the form, in one statement (REGISTER): the places (a conditional
 * UPDATE of the event's counter, so PostgreSQL refuses to oversell), the group, the walkers and
 * their emails.
 */
export async function registerWalkers(
  eventId: string,
  input: RegistrationInput,
  now = new Date(),
  /** The walk's row when the caller has just read it (the sign-up does); read here otherwise. */
  known?: SignUpEventRow,
): Promise<RegisterResult> {
  // On the registrations' own pool (lib/db/pool.ts: signUpPool): this is the hot path, and round
  // trips and Prisma's per-statement cost were most of a sign-up's time (docs/PERFORMANCE.md).
  const event = known?.id === eventId ? known : (await run(pool(), WALK_BY_ID, { id: eventId }))[0];
  if (!event) throw new RegistrationClosedError();

  const prepared = prepareRegistration(event, input, now);
  let row: RegisterRow | undefined;
  try {
    [row] = await run(signUpPool(), REGISTER, prepared.params);
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
  | { kind: "limited"; count: number; resetAt: Date };

// This process's copy of the walk sign-ups go to, with its digest. With it, a sign-up's emails and
// manage link are built before the one statement that registers it (SIGN_UP); the statement checks
// the digest, so an edited walk, a walk that has ended or another walk that now comes first is
// never used: the statement then hands back the current row, which replaces this copy. No expiry
// is needed, and every app instance keeps its own.
//
// Sign-ups that wait for the registrations' connection go to PostgreSQL together: one transaction,
// one commit, each its own statement and answer (lib/db/batch.ts). A batch that fails is sent again
// one sign-up at a time; SIGN_UP is safe to send twice (the submission key finds the first).
// Both are kept on globalThis, so dev-mode reloads keep them.
const holder = globalThis as unknown as {
  funwalkSignUpWalk?: SignUpEventRow | null;
  funwalkSignUpBatcher?: StatementBatcher<SignUpParams, SignUpRow>;
};
const signUpBatcher = () => (holder.funwalkSignUpBatcher ??= new StatementBatcher(signUpPool, SIGN_UP, env().DATABASE_SIGN_UP_BATCH_SIZE));

/**
 * A valid sign-up form, registered: usually one statement (SIGN_UP: the hit on the sign-up's rate
 * limit and the registration), built from this process's copy of the walk. Two statements when
 * the process has no copy yet (the walk is read first) or its copy is out of date (SIGN_UP counts
 * the hit and hands back the current walk, then REGISTER registers for it).
 */
export async function signUp(input: RegistrationInput, hit: LimitHit, now = new Date()): Promise<SignUpOutcome> {
  const currentWalk = async () => (holder.funwalkSignUpWalk = (await run(pool(), CURRENT_WALK, { now }))[0] ?? null);
  let known = holder.funwalkSignUpWalk ?? (await currentWalk());
  // A form showing another privacy notice than the copy's: the copy may be older than the form (an
  // organiser saved a new notice), so the walk is read again before the form is refused.
  if (known && !showedCurrentNotice(known, input)) known = await currentWalk();
  if (!known || !showedCurrentNotice(known, input)) {
    // No walk at all, or a form that showed another notice: refused before any registration; the
    // hit still counts, and the limit is heard first.
    const counted = await hitRateLimit(hit.key, hit.limit, hit.windowSeconds);
    if (!counted.allowed) return { kind: "limited", count: counted.count, resetAt: counted.resetAt };
    if (known) checkPrivacyVersion(known, input);
    holder.funwalkSignUpWalk = undefined;
    throw new RegistrationClosedError();
  }
  const prepared = prepareRegistration(known, input, now);
  let row;
  try {
    row = await signUpBatcher().run({
      ...prepared.params,
      limitKey: hit.key,
      limitWindowSeconds: hit.windowSeconds,
      limit: hit.limit,
      fingerprint: known.fingerprint,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The statement was undone, its hit on the limit with it: count that hit on its own.
    const counted = await hitRateLimit(hit.key, hit.limit, hit.windowSeconds);
    if (!counted.allowed) return { kind: "limited", count: counted.count, resetAt: counted.resetAt };
    return { kind: "registered", result: await registrationConflict(error, known.id, input.submissionKey) };
  }
  if (!row) throw new Error("the sign-up statement returned no row");
  if (row.hits > hit.limit) return { kind: "limited", count: row.hits, resetAt: row.resetAt };
  if (row.ran) return { kind: "registered", result: await registrationOutcome(row, input, prepared) };
  // The copy was out of date (only the hit was counted): register for the walk sign-ups go to now.
  const current = row.current ? eventFromJson(row.current) : null;
  holder.funwalkSignUpWalk = current;
  if (!current) throw new RegistrationClosedError();
  return { kind: "registered", result: await registerWalkers(current.id, input, now, current) };
}

export function walkerColumns(walker: WalkerInput) {
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
export function ticketEmails(
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

/** The group an earlier sending of the same form made. */
const EARLIER_GROUP = statement<
  { eventId: string; submissionKey: string },
  { id: string; manageTokenVersion: number; endsAt: Date; retentionDays: number; status: Status | null }
>(
  "funwalk_sign_up_earlier_group",
  (p) => sql`SELECT g."id", g."manageTokenVersion", e."endsAt", e."retentionDays",
            (SELECT w."status" FROM "Walker" w WHERE w."groupId" = g."id" ORDER BY w."seq" LIMIT 1) AS "status"
     FROM "RegistrationGroup" g JOIN "Event" e ON e."id" = g."eventId"
     WHERE g."eventId" = ${p.eventId}::uuid AND g."submissionKey" = ${p.submissionKey}`,
);

async function repeatedSubmission(eventId: string, submissionKey: string): Promise<RegisterResult> {
  const [group] = await run(pool(), EARLIER_GROUP, { eventId, submissionKey });
  if (!group) throw new Error("the earlier submission of this form was not found");
  return {
    groupId: group.id,
    manageToken: manageTokenFor(group.id, group.manageTokenVersion, group),
    status: group.status === "WAITING" ? "WAITING" : "CONFIRMED",
    repeated: true,
  };
}

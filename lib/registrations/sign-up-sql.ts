// The SQL of a sign-up, in named parts (lib/db/sql.ts), shared by the app (lib/registrations/sign-up.ts)
// and the benchmark's database ceiling (bench/sign-up-sql.ts), so the two always send the same
// statements. No "server-only" here: the benchmark imports it.
//
//   SIGN_UP       the common path, one statement: the hit on the sign-up's rate limit, a check that
//                 the app's copy of the walk is still the current walk, and the registration.
//   REGISTER      the registration alone, for a walk read just before (the first sign-up of a
//                 process, or one whose copy of the walk was out of date).
//   CURRENT_WALK  the walk a sign-up goes to, with what its emails and manage link need (WALK_BY_ID:
//                 the same for one walk).
import { sql, statement, type Params, type SqlPart } from "../db/sql";
import { currentWalkClause } from "../events/current";
import { emailRows, emailsJson, outboxWrite } from "../mail/outbox";
import { rateLimitHit } from "../rate-limit/sql";
import type { StoredWalkerDetails } from "./schema";

export interface SignUpEventRow {
  id: string;
  nameEn: string;
  nameEs: string;
  venueAddress: string;
  mapUrl: string;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  /** The venue's address in Spanish ("" when organisers have not written one: the English one is used). */
  venueAddressEs: string;
  waiverVersion: string;
  /** The walk's saved privacy notice's version, or null for the built-in notice (privacyVersionOf). */
  privacyVersion: string | null;
  /** Days after the walk its personal data is kept: its manage links work until then. */
  retentionDays: number;
  /** A digest of the columns above: SIGN_UP uses the app's copy of the row only while it is unchanged. */
  fingerprint: string;
}

const walkColumns = sql`"id", "nameEn", "nameEs", "venueAddress", "venueAddressEs", "mapUrl", "timezone", "startsAt", "endsAt", "waiverVersion", "privacyVersion", "retentionDays"`;

/** The current walk (lib/events/current.ts), with its digest. */
const walkRow = sql`${walkColumns}, md5(ROW(${walkColumns})::text) AS "fingerprint"`;
const currentWalk = sql`SELECT ${walkRow} FROM "Event" ${currentWalkClause} LIMIT 1`;

export const CURRENT_WALK = statement<{ now: Date }, SignUpEventRow>("funwalk_sign_up_walk", () => currentWalk);

/** The same row for one walk. */
export const WALK_BY_ID = statement<{ id: string }, SignUpEventRow>(
  "funwalk_sign_up_walk_by_id",
  (p) => sql`SELECT ${walkRow} FROM "Event" WHERE "id" = ${p.id}::uuid`,
);

/** What a registration sends: the walk, the group, its walkers and its emails. */
export interface RegisterParams {
  eventId: string;
  groupId: string;
  contactEmail: string;
  language: string;
  submissionKey: string;
  /** The waiver version the walker accepted. */
  waiverVersion: string;
  /** The privacy notice's version the form showed, the walk's (privacyVersionOf, lib/privacy/notice.ts). */
  privacyVersion: string;
  now: Date;
  walkerCount: number;
  /** Whether the group waits, all together, when its places are not free. */
  joinWaitingList: boolean;
  /** The walkers' columns (SignUpWalkerColumns), as one JSON array in form order. */
  walkers: string;
  /** The emails (key, template, address, language and the confirmed version of the payload), as one JSON array. */
  emails: string;
  /** The channel the email workers listen on. */
  channel: string;
}

/**
 * The registration, as common table expressions after WITH: checks the walk is open and the waiver
 * current, takes the places if they are free and nobody is waiting (a conditional UPDATE: the
 * capacity guard), and only then writes the group, its walkers (confirmed, or waiting when the
 * places were not taken and the group agreed to wait) and their emails (the confirmed or the
 * waiting-list version, with the position filled in). The walk's row is locked from the UPDATE to
 * the end of the transaction. `also` is a further condition on the walk (SIGN_UP's gate).
 */
const registration = (p: Params<RegisterParams>, also: SqlPart) => sql`e AS (
    SELECT "capacity", "confirmedCount", "waiverVersion", ("registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now}) AS "open"
    FROM "Event" WHERE "id" = ${p.eventId}::uuid${also}
  ), earlier AS (
    SELECT "id" FROM "RegistrationGroup" WHERE "eventId" = ${p.eventId}::uuid AND "submissionKey" = ${p.submissionKey}
  ), ok AS (
    SELECT 1 FROM e WHERE e."open" AND e."waiverVersion" = ${p.waiverVersion} AND NOT EXISTS (SELECT 1 FROM earlier)
  ), taken AS (
    UPDATE "Event" SET "confirmedCount" = "confirmedCount" + ${p.walkerCount}
    WHERE "id" = ${p.eventId}::uuid AND EXISTS (SELECT 1 FROM ok)
      AND "confirmedCount" + ${p.walkerCount} <= "capacity"
      AND "registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now}
      AND NOT EXISTS (SELECT 1 FROM "Walker" w WHERE w."eventId" = ${p.eventId}::uuid AND w."status" = 'WAITING')
    RETURNING 1
  ), d AS (
    SELECT EXISTS (SELECT 1 FROM taken) AS "took", EXISTS (SELECT 1 FROM ok) AS "ok",
           (SELECT count(*)::int FROM "Walker" w WHERE w."eventId" = ${p.eventId}::uuid AND w."status" = 'WAITING') + 1 AS "position"
  ), g AS (
    INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
    SELECT ${p.groupId}::uuid, ${p.eventId}::uuid, ${p.contactEmail}, ${p.language}::"Language", ${p.submissionKey}, now()
    FROM d WHERE d."ok" AND (d."took" OR ${p.joinWaitingList}::boolean)
    RETURNING "id"
  ), walkers AS (
    INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "phone", "ageBand",
      "tshirtSize", "emergencyContactName", "emergencyContactPhone", "accessibilityNeeds", "language", "photoConsent",
      "waiverVersion", "waiverAcceptedAt", "privacyVersion", "guardianName", "guardianConsent", "status", "activePersonKey", "ticketCode",
      "confirmedAt", "updatedAt")
    SELECT gen_random_uuid(), ${p.eventId}::uuid, g."id", x."isGroupLeader", x."firstName", x."lastName", x."email", x."phone",
      x."ageBand"::"AgeBand", x."tshirtSize"::"TshirtSize", x."emergencyContactName", x."emergencyContactPhone",
      x."accessibilityNeeds", ${p.language}::"Language", x."photoConsent", ${p.waiverVersion}, ${p.now}, ${p.privacyVersion}, x."guardianName",
      x."guardianConsent", (CASE WHEN d."took" THEN 'CONFIRMED' ELSE 'WAITING' END)::"WalkerStatus",
      x."activePersonKey", x."ticketCode", CASE WHEN d."took" THEN ${p.now}::timestamptz END, ${p.now}
    FROM g CROSS JOIN d CROSS JOIN ROWS FROM (jsonb_to_recordset(${p.walkers}::jsonb) AS (
      "isGroupLeader" boolean, "firstName" text, "lastName" text, "email" text, "phone" text, "ageBand" text, "tshirtSize" text,
      "emergencyContactName" text, "emergencyContactPhone" text, "accessibilityNeeds" text, "photoConsent" boolean,
      "guardianName" text, "guardianConsent" boolean, "activePersonKey" text, "ticketCode" text
    )) WITH ORDINALITY AS x
    ORDER BY x."ordinality"
    RETURNING 1
  ), ${outboxWrite(
    sql`SELECT m."key", m."template", m."address", m."language",
      CASE WHEN d."took" THEN m."payload"
      -- The waiting-list version: every ticket waiting, and the group's place in the line.
      ELSE jsonb_set(m."payload", '{tickets}', (
             SELECT jsonb_agg(t.ticket || '{"status": "WAITING"}'::jsonb ORDER BY t.n)
             FROM jsonb_array_elements(m."payload" -> 'tickets') WITH ORDINALITY AS t(ticket, n)))
           || jsonb_build_object('waitingPosition', d."position") END
    FROM g CROSS JOIN d CROSS JOIN (${emailRows(p.emails)}) m`,
    p.channel,
  )}`;

/** What a registration answers (RegisterRow); reading "outbox" notifies the email workers (outboxWrite). */
const registrationAnswer = () => sql`
  EXISTS (SELECT 1 FROM e) AS "found", (SELECT "open" FROM e) AS "open", (SELECT "waiverVersion" FROM e) AS "waiverVersion",
  (SELECT "capacity" FROM e) AS "capacity", (SELECT "confirmedCount" FROM e) AS "confirmedCount",
  (SELECT "id" FROM earlier) AS "earlierGroupId", d."took", d."ok", d."position",
  (SELECT count(*)::int FROM walkers) AS "walkers", (SELECT "notified" FROM outbox) AS "notified"`;

export interface RegisterRow {
  found: boolean;
  open: boolean | null;
  waiverVersion: string | null;
  capacity: number | null;
  confirmedCount: number | null;
  earlierGroupId: string | null;
  took: boolean;
  ok: boolean;
  position: number;
  walkers: number;
  notified: number;
}

/**
 * The registration alone, one statement (autocommit: no BEGIN or COMMIT). A statement is atomic: a
 * unique violation (the same person registered, the same form sent twice at once) undoes the places taken.
 */
export const REGISTER = statement<RegisterParams, RegisterRow>(
  "funwalk_register",
  (p) => sql`WITH ${registration(p, sql``)}
  SELECT ${registrationAnswer()} FROM d`,
);

export interface SignUpParams extends RegisterParams {
  limitKey: string;
  limitWindowSeconds: number;
  limit: number;
  /** The digest of the app's copy of the walk (SignUpEventRow.fingerprint). */
  fingerprint: string;
}

export interface SignUpRow extends RegisterRow {
  hits: number;
  resetAt: Date;
  /** Whether the registration ran (the hit was within the limit and the copy of the walk current). */
  ran: boolean;
  /** The walk sign-ups go to now (row_to_json: its timestamps are strings), or null. */
  current: Record<string, unknown> | null;
}

/**
 * A whole sign-up in one statement, for when the app holds a copy of the walk's row (its emails and
 * manage link are built from it): one hit on the rate limit, then the registration, which runs only
 * when the hit is within the limit and the walk sign-ups go to now is still the copy's, unchanged.
 * Otherwise only the hit is counted, and the row says why (`hits`, `current`).
 */
export const SIGN_UP = statement<SignUpParams, SignUpRow>(
  "funwalk_sign_up",
  (p) => sql`WITH hit AS (${rateLimitHit(p.limitKey, p.limitWindowSeconds)}),
  cur AS (${currentWalk}),
  gate AS (
    SELECT 1 FROM hit CROSS JOIN cur
    WHERE hit."count" <= ${p.limit} AND cur."id" = ${p.eventId}::uuid AND cur."fingerprint" = ${p.fingerprint}
  ), ${registration(p, sql` AND EXISTS (SELECT 1 FROM gate)`)}
  SELECT ${registrationAnswer()},
    (SELECT "count" FROM hit) AS "hits", (SELECT "resetAt" FROM hit) AS "resetAt", EXISTS (SELECT 1 FROM gate) AS "ran",
    (SELECT row_to_json(cur) FROM cur) AS "current"
  FROM d`,
);

/** The walk's row from SignUpRow.current. */
export function eventFromJson(json: Record<string, unknown>): SignUpEventRow {
  return { ...(json as unknown as SignUpEventRow), startsAt: new Date(String(json.startsAt)), endsAt: new Date(String(json.endsAt)) };
}

export interface SignUpWalkerColumns extends StoredWalkerDetails {
  isGroupLeader: boolean;
  activePersonKey: string;
  ticketCode: string;
}

/** REGISTER's parameters from a group's walkers and emails. */
export function registerParams(p: Omit<RegisterParams, "walkerCount" | "walkers" | "emails"> & { walkers: SignUpWalkerColumns[]; emails: Parameters<typeof emailsJson>[0] }): RegisterParams {
  // One JSON text each: pg sends a string as it is, where arrays of text (the payloads are JSON,
  // full of quotes) had to be escaped element by element, and parsed again by PostgreSQL.
  const walkers = p.walkers.map((w) => ({
    isGroupLeader: w.isGroupLeader,
    firstName: w.firstName,
    lastName: w.lastName,
    email: w.email,
    phone: w.phone,
    ageBand: w.ageBand,
    tshirtSize: w.tshirtSize,
    emergencyContactName: w.emergencyContactName,
    emergencyContactPhone: w.emergencyContactPhone,
    accessibilityNeeds: w.accessibilityNeeds,
    photoConsent: w.photoConsent,
    guardianName: w.guardianName,
    guardianConsent: w.guardianConsent,
    activePersonKey: w.activePersonKey,
    ticketCode: w.ticketCode,
  }));
  return { ...p, walkerCount: p.walkers.length, walkers: JSON.stringify(walkers), emails: emailsJson(p.emails) };
}

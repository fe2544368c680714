// The SQL of one sign-up, shared by the app (lib/registrations/mutations.ts, queries.ts) and the
// benchmark's database ceiling (bench/sign-up-sql.ts), so the two always send the same statements.
// No "server-only" here: the benchmark imports it.
import { currentWalkOrderSql } from "../events/current";
import { HIT_RATE_LIMIT_SQL } from "../rate-limit/sql";
import type { StoredWalkerDetails } from "./schema";

const EVENT_COLUMNS = `"id", "nameEn", "nameEs", "venueAddress", "mapUrl", "timezone", "startsAt", "endsAt", "waiverVersion"`;
/**
 * A digest of those columns: a copy of the row kept in the app (lib/registrations/sign-up-event.ts)
 * is used only while the database still computes the same digest for the walk (SIGN_UP_SQL).
 */
const EVENT_FINGERPRINT = `md5(ROW(${EVENT_COLUMNS})::text) AS "fingerprint"`;

/** The walk a sign-up goes to: the current walk ($1: now; lib/events/current.ts), with what its emails and link need. */
export const SIGN_UP_EVENT_SQL = `SELECT ${EVENT_COLUMNS}, ${EVENT_FINGERPRINT} FROM "Event" ORDER BY ${currentWalkOrderSql("$1")} LIMIT 1`;

/** Puts other parameter numbers in a statement written with $1, $2 …: `renumber(sql, { 1: 7 })`. */
function renumber(sql: string, numbers: Record<number, number>): string {
  return sql.replace(/\$(\d+)\b/g, (whole, n: string) => (numbers[Number(n)] ? `$${numbers[Number(n)]}` : whole));
}

/**
 * A sign-up's first round trip: one hit on its rate limit ($1 key, $2 window in seconds; see
 * lib/rate-limit/sql.ts) and the walk it goes to ($3 now), in one statement. The walk's columns are
 * null when no walk is open for sign-ups.
 */
export const SIGN_UP_START_SQL = `
  WITH hit AS (${HIT_RATE_LIMIT_SQL})
  SELECT hit."count" AS "hits", hit."resetAt", e.*
  FROM hit LEFT JOIN LATERAL (${renumber(SIGN_UP_EVENT_SQL, { 1: 3 })}) e ON true`;

export type SignUpStartRow = { hits: number; resetAt: Date } & ({ [K in keyof SignUpEventRow]: SignUpEventRow[K] } | { [K in keyof SignUpEventRow]: null });

/** Prepared statement names (lib/db/sql.ts): each connection plans these once. */
export const SIGN_UP_START_STATEMENT = "funwalk_sign_up_start";
export const REGISTER_STATEMENT = "funwalk_register";
export const SIGN_UP_STATEMENT = "funwalk_sign_up";

/** The same columns for one walk ($1: its id). */
export const EVENT_BY_ID_SQL = `SELECT ${EVENT_COLUMNS}, ${EVENT_FINGERPRINT} FROM "Event" WHERE "id" = $1::uuid`;

export interface SignUpEventRow {
  id: string;
  nameEn: string;
  nameEs: string;
  venueAddress: string;
  mapUrl: string;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  waiverVersion: string;
  fingerprint: string;
}

/**
 * The whole registration in one statement (autocommit: one round trip, no BEGIN or COMMIT):
 * checks the walk is open and the waiver current, takes the places if they are free and nobody
 * is waiting (a conditional UPDATE: the capacity guard), and only then writes the group, its
 * walkers (confirmed, or waiting when the places were not taken and the group agreed to wait) and
 * their emails (the confirmed or the waiting-list version, with the position filled in), and
 * notifies the email workers. The event row is locked from the UPDATE to the end of this one
 * statement, never across a round trip. A statement is atomic: a unique violation (the same person
 * registered, the same form sent twice at once) undoes the places taken.
 *
 * $1 event, $2 new group id, $3 contact email, $4 language, $5 submission key, $6 waiver version
 * accepted, $7 now, $8 walkers, $9 joins the waiting list if needed; $10–$24 the walkers' columns
 * (arrays in form order); $25 the emails, as one JSON array (key, template, address, language and
 * the confirmed version of the payload; the statement makes the waiting-list version from it when
 * the group waits); $26 the outbox channel.
 */
function registerStatement(withStart: boolean): string {
  const start = withStart
    ? `hit AS (${renumber(HIT_RATE_LIMIT_SQL, { 1: 27, 2: 28 })}),
  cur AS (${renumber(SIGN_UP_EVENT_SQL, { 1: 7 })}),
  gate AS (SELECT 1 FROM hit CROSS JOIN cur WHERE hit."count" <= $29 AND cur."id" = $1::uuid AND cur."fingerprint" = $30),
  `
    : "";
  return `
  WITH ${start}e AS (
    SELECT "capacity", "confirmedCount", "waiverVersion", ("registrationOpensAt" <= $7 AND "registrationClosesAt" > $7) AS "open"
    FROM "Event" WHERE "id" = $1::uuid${withStart ? ` AND EXISTS (SELECT 1 FROM gate)` : ""}
  ), earlier AS (
    SELECT "id" FROM "RegistrationGroup" WHERE "eventId" = $1::uuid AND "submissionKey" = $5
  ), ok AS (
    SELECT 1 FROM e WHERE e."open" AND e."waiverVersion" = $6 AND NOT EXISTS (SELECT 1 FROM earlier)
  ), taken AS (
    UPDATE "Event" SET "confirmedCount" = "confirmedCount" + $8
    WHERE "id" = $1::uuid AND EXISTS (SELECT 1 FROM ok)
      AND "confirmedCount" + $8 <= "capacity"
      AND "registrationOpensAt" <= $7 AND "registrationClosesAt" > $7
      AND NOT EXISTS (SELECT 1 FROM "Walker" w WHERE w."eventId" = $1::uuid AND w."status" = 'WAITING')
    RETURNING 1
  ), d AS (
    SELECT EXISTS (SELECT 1 FROM taken) AS "took", EXISTS (SELECT 1 FROM ok) AS "ok",
           (SELECT count(*)::int FROM "Walker" w WHERE w."eventId" = $1::uuid AND w."status" = 'WAITING') + 1 AS "position"
  ), g AS (
    INSERT INTO "RegistrationGroup" ("id", "eventId", "contactEmail", "language", "submissionKey", "updatedAt")
    SELECT $2::uuid, $1::uuid, $3, $4::"Language", $5, now() FROM d WHERE d."ok" AND (d."took" OR $9::boolean)
    RETURNING "id"
  ), walkers AS (
    INSERT INTO "Walker" ("id", "eventId", "groupId", "isGroupLeader", "firstName", "lastName", "email", "phone", "ageBand",
      "tshirtSize", "emergencyContactName", "emergencyContactPhone", "accessibilityNeeds", "language", "photoConsent",
      "waiverVersion", "waiverAcceptedAt", "guardianName", "guardianConsent", "status", "activePersonKey", "ticketCode",
      "confirmedAt", "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, g."id", x."leader", x."firstName", x."lastName", x."email", x."phone",
      x."ageBand"::"AgeBand", x."tshirtSize"::"TshirtSize", x."ecName", x."ecPhone", x."accessibility", $4::"Language",
      x."photo", $6, $7, x."guardianName", x."guardianConsent",
      (CASE WHEN d."took" THEN 'CONFIRMED' ELSE 'WAITING' END)::"WalkerStatus",
      x."personKey", x."ticketCode", CASE WHEN d."took" THEN $7::timestamptz END, $7
    FROM g CROSS JOIN d CROSS JOIN unnest(
      $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
      $19::text[], $20::boolean[], $21::text[], $22::boolean[], $23::text[], $24::text[]
    ) WITH ORDINALITY AS x("leader", "firstName", "lastName", "email", "phone", "ageBand", "tshirtSize", "ecName", "ecPhone",
      "accessibility", "photo", "guardianName", "guardianConsent", "personKey", "ticketCode", "n")
    ORDER BY x."n"
    RETURNING 1
  ), emails AS (
    INSERT INTO "EmailOutbox" ("id", "idempotencyKey", "template", "toAddress", "language", "payload", "updatedAt")
    SELECT gen_random_uuid(), m."key", m."template", m."address", m."language"::"Language",
      CASE WHEN d."took" THEN m."payload"
      -- The waiting-list version: every ticket waiting, and the group's place in the line.
      ELSE jsonb_set(m."payload", '{tickets}', (
             SELECT jsonb_agg(t.ticket || '{"status": "WAITING"}'::jsonb ORDER BY t.n)
             FROM jsonb_array_elements(m."payload" -> 'tickets') WITH ORDINALITY AS t(ticket, n)))
           || jsonb_build_object('waitingPosition', d."position") END,
      now()
    FROM g CROSS JOIN d CROSS JOIN jsonb_to_recordset($25::jsonb)
      AS m("key" text, "template" text, "address" text, "language" text, "payload" jsonb)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING 1
  )
  SELECT EXISTS (SELECT 1 FROM e) AS "found", (SELECT "open" FROM e) AS "open", (SELECT "waiverVersion" FROM e) AS "waiverVersion",
         (SELECT "capacity" FROM e) AS "capacity", (SELECT "confirmedCount" FROM e) AS "confirmedCount",
         (SELECT "id" FROM earlier) AS "earlierGroupId", d."took", d."ok", d."position",
         (SELECT count(*)::int FROM walkers) AS "walkers",
         (SELECT count(*)::int FROM (SELECT pg_notify($26, '') FROM (SELECT count(*) AS c FROM emails) q WHERE q.c > 0) n) AS "notified"${
           withStart
             ? `,
         (SELECT "count" FROM hit) AS "hits", (SELECT "resetAt" FROM hit) AS "resetAt", EXISTS (SELECT 1 FROM gate) AS "ran",
         (SELECT row_to_json(cur) FROM cur) AS "current"`
             : ""
         }
  FROM d`;
}

export const REGISTER_SQL = registerStatement(false);

/**
 * A whole sign-up in one statement, for when the app already holds a copy of the walk's row (its
 * emails and manage link are built from it): REGISTER_SQL ($1–$26), plus one hit on the sign-up's
 * rate limit ($27 key, $28 window in seconds, $29 the limit) and the walk sign-ups go to now. The
 * registration runs only when the hit is within the limit and that walk is still $1 with the same
 * digest ($30); otherwise only the hit is counted, and the row says why (`hits`, `current`).
 */
export const SIGN_UP_SQL = registerStatement(true);

export interface SignUpRow extends RegisterRow {
  hits: number;
  resetAt: Date;
  /** Whether the registration ran (the hit was within the limit and the copy of the walk current). */
  ran: boolean;
  /** The walk sign-ups go to now (row_to_json: its timestamps are strings), or null. */
  current: Record<string, unknown> | null;
}

/** The walk's row from SignUpRow.current. */
export function eventFromJson(json: Record<string, unknown>): SignUpEventRow {
  return { ...(json as unknown as SignUpEventRow), startsAt: new Date(String(json.startsAt)), endsAt: new Date(String(json.endsAt)) };
}

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

export interface SignUpWalkerColumns extends StoredWalkerDetails {
  isGroupLeader: boolean;
  activePersonKey: string;
  ticketCode: string;
}

export interface SignUpEmail {
  idempotencyKey: string;
  template: string;
  to: string;
  language: string;
  /** The confirmed version; the statement makes the waiting-list version from it. */
  payload: unknown;
}

/** REGISTER_SQL's parameters, in order. */
export function registerParams(p: {
  eventId: string;
  groupId: string;
  contactEmail: string;
  language: string;
  submissionKey: string;
  waiverVersion: string;
  now: Date;
  joinWaitingList: boolean;
  walkers: SignUpWalkerColumns[];
  emails: SignUpEmail[];
  channel: string;
}): unknown[] {
  const col = <K extends keyof SignUpWalkerColumns>(key: K) => p.walkers.map((w) => w[key]);
  // One JSON text for all the emails: pg sends a string as it is, while each element of a text[]
  // (the payloads are JSON, full of quotes) had to be escaped, and parsed again by PostgreSQL.
  const emails = JSON.stringify(p.emails.map((e) => ({ key: e.idempotencyKey, template: e.template, address: e.to, language: e.language, payload: e.payload })));
  return [
    p.eventId, p.groupId, p.contactEmail, p.language, p.submissionKey, p.waiverVersion, p.now, p.walkers.length, p.joinWaitingList,
    col("isGroupLeader"), col("firstName"), col("lastName"), col("email"), col("phone"), col("ageBand"), col("tshirtSize"),
    col("emergencyContactName"), col("emergencyContactPhone"), col("accessibilityNeeds"), col("photoConsent"), col("guardianName"),
    col("guardianConsent"), col("activePersonKey"), col("ticketCode"),
    emails,
    p.channel,
  ];
}

// The database's ceiling for a sign-up: the very statement the app sends for one (imported from
// lib/registrations/sign-up-sql.ts, so they cannot drift apart), sent with plain `pg` and no Node
// framework in the way. A sign-up whose walk the app already knows (every one but the first in a
// process: lib/registrations/sign-up.ts) is one statement, SIGN_UP: the rate limit's hit and the
// registration of one walker with one email (its payloads are of the app's size), prepared by name
// as the app prepares it, through the same batching (lib/db/batch.ts: StatementBatcher, with the
// app's batch size, or 1 for one statement at a time). The walk's row is read once, before the run,
// as the app reads it (CURRENT_WALK).
import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import type { StatementBatcher } from "../lib/db/batch";
import { run } from "../lib/db/sql";
import { CURRENT_WALK, registerParams, type SignUpEventRow, type SignUpParams, type SignUpRow } from "../lib/registrations/sign-up-sql";

export interface SignUpSqlContext {
  event: SignUpEventRow;
}

/** The walk sign-ups go to, with its digest, as the app reads it. */
export async function signUpSqlContext(pool: pg.Pool): Promise<SignUpSqlContext> {
  const [event] = await run(pool, CURRENT_WALK, { now: new Date() });
  if (!event) throw new Error("no walk is open for sign-ups");
  return { event };
}

let n = 0;

/** One sign-up's statement, sent through `batcher` (SIGN_UP, prepared as the app prepares it). */
export async function signUpSql(batcher: StatementBatcher<SignUpParams, SignUpRow>, context: SignUpSqlContext): Promise<void> {
  const id = `${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
  const email = `db-${id}@example.org`;
  const now = new Date();
  const { event } = context;
  const groupId = randomUUID();
  const ticketCode = randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
  // The confirmed version, as the app sends it (the statement makes the waiting-list one).
  const payload = {
    event: { name: event.nameEn, startsAt: event.startsAt, endsAt: event.endsAt, timezone: event.timezone, venue: event.venueAddress, mapUrl: event.mapUrl },
    tickets: [{ firstName: "Bench", lastName: `Walker ${id}`, ticketCode, status: "CONFIRMED" }],
    managePath: `/manage/${groupId}.1.${event.endsAt.getTime()}.${randomBytes(32).toString("base64url")}`,
    waitingPosition: null,
  };
  const register = registerParams({
    eventId: event.id,
    groupId,
    contactEmail: email,
    language: "EN",
    submissionKey: `dbceiling${id}`,
    waiverVersion: event.waiverVersion,
    privacyVersion: "bench",
    now,
    joinWaitingList: false,
    walkers: [
      {
        isGroupLeader: true, firstName: "Bench", lastName: `Walker ${id}`, email, phone: null, ageBand: "AGE_35_54", tshirtSize: "M",
        emergencyContactName: "Someone Else", emergencyContactPhone: "+18686201234", accessibilityNeeds: null, photoConsent: false,
        guardianName: null, guardianConsent: false, activePersonKey: `${event.id}|${email}|bench walker ${id}`, ticketCode,
      },
    ],
    emails: [
      { idempotencyKey: `registration-confirmed:${groupId}:contact`, template: "registration-confirmed", to: email, language: "EN", payload },
    ],
    channel: "email_outbox",
  });
  // The rate limit's hit (a limit no run reaches) and the walk's digest.
  const row = await batcher.run({ ...register, limitKey: "register:db-ceiling", limitWindowSeconds: 600, limit: 1_000_000_000, fingerprint: event.fingerprint });
  if (!row?.ran || !row.took) throw new Error("the database ceiling's sign-up did not take a place");
}

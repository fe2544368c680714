// The database's ceiling for a sign-up: the very statements the app sends for one (imported from
// lib/registrations/sign-up-sql.ts, so they cannot drift apart), sent with plain `pg` and no Node
// framework in the way: the rate-limit hit with the walk's lookup, then the registration statement (one walker, one email; its payloads are of the app's size), prepared by
// name as the app prepares them.
import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import {
  REGISTER_SQL,
  REGISTER_STATEMENT,
  registerParams,
  SIGN_UP_START_SQL,
  SIGN_UP_START_STATEMENT,
  type RegisterRow,
  type SignUpEventRow,
  type SignUpStartRow,
} from "../lib/registrations/sign-up-sql";

export interface SignUpSqlContext {
  eventId: string;
  waiverVersion: string;
}

let n = 0;

export async function signUpSql(pool: pg.Pool, context: SignUpSqlContext): Promise<void> {
  const id = `${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
  const email = `db-${id}@example.org`;
  const now = new Date();
  const event = (await pool.query<SignUpStartRow>({ name: SIGN_UP_START_STATEMENT, text: SIGN_UP_START_SQL, values: ["register:db-ceiling", 600, now] }))
    .rows[0] as SignUpEventRow & SignUpStartRow;
  const groupId = randomUUID();
  const ticketCode = randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
  const payload = (status: string) => ({
    event: { name: event.nameEn, startsAt: event.startsAt, endsAt: event.endsAt, timezone: event.timezone, venue: event.venueAddress, mapUrl: event.mapUrl },
    tickets: [{ firstName: "Bench", lastName: `Walker ${id}`, ticketCode, status }],
    managePath: `/manage/${groupId}.1.${event.endsAt.getTime()}.${randomBytes(32).toString("base64url")}`,
    waitingPosition: null,
  });
  const { rows } = await pool.query<RegisterRow>({
    name: REGISTER_STATEMENT,
    text: REGISTER_SQL,
    values: registerParams({
      eventId: context.eventId,
      groupId,
      contactEmail: email,
      language: "EN",
      submissionKey: `dbceiling${id}`,
      waiverVersion: context.waiverVersion,
      now,
      joinWaitingList: false,
      walkers: [
        {
          isGroupLeader: true, firstName: "Bench", lastName: `Walker ${id}`, email, phone: null, ageBand: "AGE_35_54", tshirtSize: "M",
          emergencyContactName: "Someone Else", emergencyContactPhone: "+18686201234", accessibilityNeeds: null, photoConsent: false,
          guardianName: null, guardianConsent: false, activePersonKey: `${context.eventId}|${email}|bench walker ${id}`, ticketCode,
        },
      ],
      emails: [
        { idempotencyKey: `registration-confirmed:${groupId}:contact`, template: "registration-confirmed", to: email, language: "EN", confirmed: payload("CONFIRMED"), waiting: payload("WAITING") },
      ],
      channel: "email_outbox",
    }),
  });
  if (!rows[0]?.took) throw new Error("the database ceiling's sign-up did not take a place");
}

// The walk people sign up for now, in plain SQL on the app's pool. No "server-only" marker: the
// sign-up page (pages/register.tsx, a Pages Router page) reads it, and Turbopack refuses modules
// with that marker there. It imports nothing a browser bundle could hold (lib/db/pool.ts).
import { pool } from "../db/pool";
import { run, sql, statement } from "../db/sql";
import { currentWalkClause } from "../events/current";
import { registrationState, type RegistrationState } from "../events/state";
import { privacyVersionOf } from "../privacy/notice";

export interface RegistrationEvent {
  id: string;
  name: string;
  waiverVersion: string;
  /** The saved waiver's text in the page's language, or null while the walk has the built-in one (Register.waiverText). */
  waiverText: string | null;
  /** The privacy notice's version walkers accept now (privacyVersionOf). */
  privacyVersion: string;
  state: RegistrationState;
  placesLeft: number;
  waiting: number;
  endsAt: Date;
  registrationOpensAt: Date;
  timezone: string;
  /** Days after the walk before personal data is erased (the form's privacy text states it). */
  retentionDays: number;
}

interface RegistrationEventRow {
  id: string;
  nameEn: string;
  nameEs: string;
  waiverVersion: string;
  /** The saved waiver of that version (LegalText), when there is one. */
  waiverEn: string | null;
  waiverEs: string | null;
  privacyVersion: string | null;
  capacity: number;
  confirmedCount: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  endsAt: Date;
  timezone: string;
  retentionDays: number;
  waiting: number;
}

const REGISTRATION_EVENT = statement<{ now: Date }, RegistrationEventRow>(
  "funwalk_registration_event",
  () => sql`SELECT e."id", e."nameEn", e."nameEs", e."waiverVersion", e."capacity", e."confirmedCount", e."registrationOpensAt",
            e."registrationClosesAt", e."endsAt", e."timezone", e."retentionDays", e."privacyVersion",
            l."bodyEn" AS "waiverEn", l."bodyEs" AS "waiverEs",
            (SELECT count(*)::int FROM "Walker" w WHERE w."eventId" = e."id" AND w."status" = 'WAITING') AS "waiting"
     FROM "Event" e
     LEFT JOIN "LegalText" l ON l."eventId" = e."id" AND l."kind" = 'WAIVER' AND l."version" = e."waiverVersion"
     ${currentWalkClause} LIMIT 1`,
);

/** The current walk (lib/events/current.ts), as the sign-up page needs it, with its registration state. */
export async function getRegistrationEvent(locale: "en" | "es", now = new Date()): Promise<RegistrationEvent | null> {
  const [event] = await run(pool(), REGISTRATION_EVENT, { now });
  if (!event) return null;
  // While anyone is waiting, new walkers queue behind them.
  const placesLeft = event.waiting > 0 ? 0 : Math.max(0, event.capacity - event.confirmedCount);
  return {
    id: event.id,
    name: locale === "es" ? event.nameEs : event.nameEn,
    waiverVersion: event.waiverVersion,
    waiverText: locale === "es" ? event.waiverEs : event.waiverEn,
    privacyVersion: privacyVersionOf(event),
    state: registrationState({ ...event, placesLeft }, now),
    placesLeft,
    waiting: event.waiting,
    endsAt: event.endsAt,
    registrationOpensAt: event.registrationOpensAt,
    timezone: event.timezone,
    retentionDays: event.retentionDays,
  };
}

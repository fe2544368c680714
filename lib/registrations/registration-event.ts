// The walk people sign up for now, in plain SQL on the app's pool. No "server-only" marker: the
// sign-up page (pages/register.tsx, a Pages Router page) reads it, and Turbopack refuses modules
// with that marker there. It imports nothing a browser bundle could hold (lib/db/pool.ts).
import { pool } from "../db/pool";
import { sqlOn } from "../db/sql";
import { registrationState, type RegistrationState } from "../events/state";
import { SIGN_UP_EVENT_SQL, SIGN_UP_EVENT_STATEMENT, type SignUpEventRow } from "./sign-up-sql";

export interface RegistrationEvent {
  id: string;
  name: string;
  waiverVersion: string;
  state: RegistrationState;
  placesLeft: number;
  waiting: number;
  endsAt: Date;
  registrationOpensAt: Date;
  timezone: string;
}

/**
 * The walk a sign-up goes to (the same one getRegistrationEvent picks: the first walk not yet over),
 * with what the sign-up needs. This runs for every sign-up.
 */
export async function signUpEvent(now = new Date()): Promise<SignUpEventRow | null> {
  const [event] = await sqlOn(pool()).query<SignUpEventRow>(SIGN_UP_EVENT_SQL, [now], SIGN_UP_EVENT_STATEMENT);
  return event ?? null;
}

/** The walk people sign up for now (the next one still to end), with its registration state. */
export async function getRegistrationEvent(locale: "en" | "es", now = new Date()): Promise<RegistrationEvent | null> {
  const [event] = await sqlOn(pool()).query<{
    id: string;
    nameEn: string;
    nameEs: string;
    waiverVersion: string;
    capacity: number;
    confirmedCount: number;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
    endsAt: Date;
    timezone: string;
    waiting: number;
  }>(
    `SELECT e."id", e."nameEn", e."nameEs", e."waiverVersion", e."capacity", e."confirmedCount", e."registrationOpensAt",
            e."registrationClosesAt", e."endsAt", e."timezone",
            (SELECT count(*)::int FROM "Walker" w WHERE w."eventId" = e."id" AND w."status" = 'WAITING') AS "waiting"
     FROM "Event" e WHERE e."endsAt" > $1 ORDER BY e."startsAt" ASC LIMIT 1`,
    [now],
  );
  if (!event) return null;
  // While anyone is waiting, new walkers queue behind them.
  const placesLeft = event.waiting > 0 ? 0 : Math.max(0, event.capacity - event.confirmedCount);
  return {
    id: event.id,
    name: locale === "es" ? event.nameEs : event.nameEn,
    waiverVersion: event.waiverVersion,
    state: registrationState({ ...event, placesLeft }, now),
    placesLeft,
    waiting: event.waiting,
    endsAt: event.endsAt,
    registrationOpensAt: event.registrationOpensAt,
    timezone: event.timezone,
  };
}

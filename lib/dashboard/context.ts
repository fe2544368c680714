import "server-only";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { findCurrentWalk } from "../events/current";
import { db } from "../db";

export interface DashboardEvent {
  id: string;
  name: string;
  timezone: string;
  startsAt: Date;
}

/** The walk the dashboard is about, for an organiser (checked against the database). */
export async function getDashboardEvent(actor: Actor, locale: "en" | "es"): Promise<DashboardEvent | null> {
  await assertOrganiser(db, actor.userId);
  const event = await findCurrentWalk(db, { id: true, nameEn: true, nameEs: true, timezone: true, startsAt: true });
  if (!event) return null;
  return { id: event.id, name: locale === "es" ? event.nameEs : event.nameEn, timezone: event.timezone, startsAt: event.startsAt };
}

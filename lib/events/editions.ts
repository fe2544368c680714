import "server-only";
// Editions: each year's walk. The published one is the walk the public pages show (one at a time:
// Event.publishedSlot is unique); "Start next year's walk" copies it into a draft; publishing a draft
// makes the edition before it past.
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { editionHeader } from "./edition";

/** Every edition, newest first, for an organiser. */
export async function listEditions(actor: Actor) {
  await assertOrganiser(db, actor.userId);
  return db.event.findMany({ select: editionHeader, orderBy: { startsAt: "desc" } });
}

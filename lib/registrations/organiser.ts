import "server-only";
import { isUuid } from "../ids";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/roles";
import { assertOrganiser } from "../auth/organiser";
import { db } from "../db";
import { InvalidManageLinkError } from "./errors";
import { cancelWalkers, resendTickets, updateWalker } from "./mutations";
import { manageTokenFor } from "./sign-up";
import type { WalkerInput } from "./schema";

export class WalkerNotFound extends Error {
  override name = "WalkerNotFound";
}


/**
 * The organiser acts through the same rules as the walker's own manage link (a token the server
 * makes for the walker's group), plus an authorisation check and an audit entry in the same
 * transaction.
 */
async function groupToken(actor: Actor, eventId: string, walkerId: string) {
  await assertOrganiser(db, actor.userId);
  if (!isUuid(walkerId)) throw new WalkerNotFound();
  const walker = await db.walker.findFirst({
    where: { id: walkerId, eventId },
    select: {
      status: true,
      firstName: true,
      lastName: true,
      email: true,
      group: { select: { id: true, manageTokenVersion: true, event: { select: { endsAt: true } } } },
    },
  });
  if (!walker) throw new WalkerNotFound();
  return { walker, token: manageTokenFor(walker.group.id, walker.group.manageTokenVersion, walker.group.event.endsAt) };
}

function translate(error: unknown): never {
  if (error instanceof InvalidManageLinkError) throw new WalkerNotFound();
  throw error;
}

/** Cancels one walker; the freed place goes to the waiting list at once (with emails). */
export async function cancelWalkerAsOrganiser(actor: Actor, eventId: string, walkerId: string, now = new Date()) {
  const { walker, token } = await groupToken(actor, eventId, walkerId);
  return cancelWalkers(token, [walkerId], now, async (tx) => {
    await assertOrganiser(tx, actor.userId);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "walker.cancel",
      entityType: "Walker",
      entityId: walkerId,
      before: { status: walker.status },
      after: { status: "CANCELLED" },
    });
  }).catch(translate);
}

/** Changes a walker's details; the same person still cannot be registered twice. */
export async function updateWalkerAsOrganiser(actor: Actor, eventId: string, walkerId: string, input: WalkerInput & { email: string }, now = new Date()) {
  const { walker, token } = await groupToken(actor, eventId, walkerId);
  await updateWalker(token, walkerId, input, now, async (tx) => {
    await assertOrganiser(tx, actor.userId);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "walker.edit",
      entityType: "Walker",
      entityId: walkerId,
      before: { firstName: walker.firstName, lastName: walker.lastName, email: walker.email },
      after: { firstName: input.firstName, lastName: input.lastName, email: input.email },
    });
  }).catch(translate);
}

/** Queues the group's tickets again to the group contact. */
export async function resendTicketsAsOrganiser(actor: Actor, eventId: string, walkerId: string, now = new Date()) {
  const { token } = await groupToken(actor, eventId, walkerId);
  await resendTickets(token, now, async (tx) => {
    await assertOrganiser(tx, actor.userId);
    await writeAudit(tx, { actorId: actor.userId, action: "walker.resend-ticket", entityType: "Walker", entityId: walkerId });
  }).catch(translate);
}

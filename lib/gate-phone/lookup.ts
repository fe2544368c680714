// What the gate says about a ticket, from the phone's own list. Pure.
import type { QueueItem, StoredWalker } from "./types";

export type Verdict =
  /** Confirmed and not yet in: admit, mark checked in, queue the check-in. */
  | { kind: "admit"; walker: StoredWalker }
  /** Checked in by this phone (at = when). */
  | { kind: "alreadyHere"; walker: StoredWalker; at: string; checkinId: string }
  /** Checked in elsewhere (another phone or the dashboard), as the last list said. */
  | { kind: "already"; walker: StoredWalker }
  | { kind: "cancelled"; walker: StoredWalker }
  | { kind: "waiting"; walker: StoredWalker }
  | { kind: "unknown"; ticketCode: string };

/** This phone's latest check-in of a ticket that is still standing (not undone, not refused). */
export function ownCheckIn(queue: readonly QueueItem[], ticketCode: string): QueueItem | undefined {
  const undone = new Set(queue.filter((i) => i.kind === "undo" && i.state !== "rejected" && i.payload?.kind === "undo").map((i) => (i.payload as { checkinId: string }).checkinId));
  return queue
    .filter((i) => i.kind === "checkin" && i.ticketCode === ticketCode && i.state !== "rejected" && !undone.has(i.id))
    .sort((a, b) => b.at.localeCompare(a.at))[0];
}

export function judge(walker: StoredWalker | undefined, ticketCode: string, own: QueueItem | undefined): Verdict {
  if (!walker) return { kind: "unknown", ticketCode };
  if (walker.status === "CANCELLED") return { kind: "cancelled", walker };
  if (walker.status === "WAITING") return { kind: "waiting", walker };
  if (own) return { kind: "alreadyHere", walker, at: own.at, checkinId: own.id };
  if (walker.checkedIn) return { kind: "already", walker };
  return { kind: "admit", walker };
}

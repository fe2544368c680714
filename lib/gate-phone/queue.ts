// The phone's queue of check-ins, undos and walk-ups: what to send, what the answers change, and
// what an undo does. Pure: lib/gate-phone/store.ts applies these to IndexedDB.
import type { QueueItem, SyncPayload, SyncResult } from "./types";

/** Most items per upload (the server answers 413 above it). */
export const MAX_UPLOAD_ITEMS = 200;
/** The pass may undo its own check-in this long afterwards. */
export const UNDO_WINDOW_MS = 2 * 60_000;

/** Items still to send (oldest first): waiting ones, and any left "sending" by a page that closed mid-upload. */
export function toSend(queue: readonly QueueItem[]): QueueItem[] {
  return queue.filter((i) => (i.state === "pending" || i.state === "sending") && i.payload).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** How many items wait to be sent. */
export function waitingCount(queue: readonly QueueItem[]): number {
  return queue.filter((i) => i.state === "pending" || i.state === "sending").length;
}

/** Uploads of at most MAX_UPLOAD_ITEMS payloads each, in order. */
export function uploads(items: readonly QueueItem[], size = MAX_UPLOAD_ITEMS): SyncPayload[][] {
  const payloads = items.map((i) => i.payload).filter((p): p is SyncPayload => p !== null);
  const batches: SyncPayload[][] = [];
  for (let i = 0; i < payloads.length; i += size) batches.push(payloads.slice(i, i + size));
  return batches;
}

/**
 * The items as the server's answers leave them: accepted or refused (with its sentence). A walk-up's
 * details (emergency contact…) are dropped once answered: the phone keeps only its name to show it.
 * An item with no answer (the upload was cut) stays waiting.
 */
export function answered(items: readonly QueueItem[], results: readonly SyncResult[]): QueueItem[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return items.flatMap((item): QueueItem[] => {
    const result = byId.get(item.id);
    if (!result) return [];
    const payload = item.kind === "walkup" ? null : item.payload;
    if (result.ok) return [{ ...item, payload, state: "done", outcome: result.outcome, ticketCode: result.ticketCode ?? item.ticketCode }];
    return [{ ...item, payload, state: "rejected", reason: result.reason, message: result.message }];
  });
}

export type UndoPlan =
  /** The check-in was never sent: delete it, nobody else knew. */
  | { kind: "drop"; checkinId: string }
  /** The check-in went (or is going) to the server: queue an undo of it. */
  | { kind: "queue"; checkinId: string }
  | { kind: "tooLate" }
  | { kind: "nothing" };

/** What undoing this phone's check-in (the item `checkin`) means now. */
export function planUndo(checkin: QueueItem | undefined, now: Date): UndoPlan {
  if (!checkin || checkin.kind !== "checkin" || checkin.state === "rejected") return { kind: "nothing" };
  if (now.getTime() - new Date(checkin.at).getTime() > UNDO_WINDOW_MS) return { kind: "tooLate" };
  if (checkin.state === "pending") return { kind: "drop", checkinId: checkin.id };
  return { kind: "queue", checkinId: checkin.id };
}

/** Whether the undo button still has a use for this check-in (time left, in ms, else 0). */
export function undoTimeLeft(at: string, now: Date): number {
  return Math.max(0, UNDO_WINDOW_MS - (now.getTime() - new Date(at).getTime()));
}

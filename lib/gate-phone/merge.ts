// A list answer applied to the phone's copy. Pure: what to clear, put and delete.
import { toStored } from "./names";
import type { GateListResponse, QueueItem, StoredWalker } from "./types";

export interface ListUpdate {
  /** The answer is the full list: everything held before goes. */
  clear: boolean;
  put: StoredWalker[];
  remove: string[];
}

/**
 * What this phone has done and not yet had answered wins over the list, which does not know it yet:
 * a check-in waiting to be sent keeps its walker checked in, an undo waiting keeps them out.
 */
export function localOverrides(queue: readonly QueueItem[]): Map<string, boolean> {
  const overrides = new Map<string, boolean>();
  const checkins = new Map(queue.filter((i) => i.kind === "checkin").map((i) => [i.id, i]));
  for (const item of [...queue].sort((a, b) => a.at.localeCompare(b.at))) {
    if (item.state !== "pending" && item.state !== "sending") continue;
    if (item.kind === "checkin" && item.ticketCode) overrides.set(item.ticketCode, true);
    if (item.kind === "undo" && item.payload?.kind === "undo") {
      const ticket = checkins.get(item.payload.checkinId)?.ticketCode ?? item.ticketCode;
      if (ticket) overrides.set(ticket, false);
    }
  }
  return overrides;
}

export function planListUpdate(response: Pick<GateListResponse, "full" | "walkers" | "removed">, queue: readonly QueueItem[]): ListUpdate {
  const overrides = localOverrides(queue);
  const put = response.walkers.map((walker) => {
    const stored = toStored(walker);
    const local = overrides.get(walker.ticketCode);
    return local === undefined || walker.status !== "CONFIRMED" ? stored : { ...stored, checkedIn: local };
  });
  const kept = new Set(put.map((w) => w.ticketCode));
  return { clear: response.full, put, remove: response.full ? [] : response.removed.filter((code) => !kept.has(code)) };
}

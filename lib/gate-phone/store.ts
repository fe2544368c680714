// The phone's IndexedDB (Dexie): the walk's gate list, the queue of what to send, and a few facts
// (cursor, last refresh, the pass and the walk). Runs in the browser only.
// It keeps per walker ONLY: ticket code, first and last name (and their folded copies, for the
// search), age band, T-shirt size, a minor's guardian's name, status and checked in. A walk-up's
// details stay in the queue until the server has answered, then go.
import Dexie, { type Table } from "dexie";
import { normaliseTicketCode } from "./names";
import { judge, ownCheckIn, type Verdict } from "./lookup";
import { planListUpdate } from "./merge";
import { answered, planUndo, type UndoPlan } from "./queue";
import type { GateListResponse, GateMeta, QueueItem, StoredWalker, SyncResult, WalkUpDetails } from "./types";

interface MetaRow {
  key: keyof GateMeta;
  value: unknown;
}

class GateDatabase extends Dexie {
  walkers!: Table<StoredWalker, string>;
  queue!: Table<QueueItem, string>;
  meta!: Table<MetaRow, string>;

  constructor() {
    super("funwalk-gate");
    this.version(1).stores({
      walkers: "ticketCode, firstFolded, lastFolded",
      queue: "id, state, at, ticketCode",
      meta: "key",
    });
  }
}

let instance: GateDatabase | null = null;
export function gateDb(): GateDatabase {
  instance ??= new GateDatabase();
  return instance;
}

export async function readMeta(): Promise<GateMeta> {
  const rows = await gateDb().meta.toArray();
  const meta: GateMeta = { cursor: null, lastRefreshAt: null, pass: null, walk: null };
  for (const row of rows) (meta as unknown as Record<string, unknown>)[row.key] = row.value;
  return meta;
}

/** Deletes everything the gate stored on this phone: the list, the queue and the facts. */
export async function forgetEverything(): Promise<void> {
  const db = gateDb();
  await db.transaction("rw", db.walkers, db.queue, db.meta, async () => {
    await Promise.all([db.walkers.clear(), db.queue.clear(), db.meta.clear()]);
  });
}

/** A list answer, merged into the phone's copy with what the phone has not yet sent. */
export async function applyList(response: GateListResponse, now = new Date()): Promise<void> {
  const db = gateDb();
  await db.transaction("rw", db.walkers, db.queue, db.meta, async () => {
    const update = planListUpdate(response, await db.queue.toArray());
    if (update.clear) await db.walkers.clear();
    if (update.remove.length) await db.walkers.bulkDelete(update.remove);
    if (update.put.length) await db.walkers.bulkPut(update.put);
    await db.meta.bulkPut([
      { key: "cursor", value: response.cursor },
      { key: "lastRefreshAt", value: now.toISOString() },
      { key: "pass", value: response.pass },
      { key: "walk", value: response.walk },
    ]);
  });
}

export interface CheckInAnswer {
  verdict: Verdict;
  /** The check-in queued for an admission. */
  checkinId?: string;
}

/** A ticket at the gate: the answer from the phone's list, and for an admission the check-in, marked and queued at once. */
export async function checkInTicket(typed: string, now = new Date()): Promise<CheckInAnswer> {
  const ticketCode = normaliseTicketCode(typed);
  const db = gateDb();
  return db.transaction("rw", db.walkers, db.queue, async () => {
    const walker = ticketCode ? await db.walkers.get(ticketCode) : undefined;
    const own = ownCheckIn(await db.queue.where("ticketCode").equals(ticketCode).toArray().catch(() => []), ticketCode);
    const verdict = judge(walker, ticketCode, own);
    if (verdict.kind !== "admit") return { verdict };
    const id = crypto.randomUUID();
    const at = now.toISOString();
    await db.walkers.update(ticketCode, { checkedIn: true });
    await db.queue.add({ id, kind: "checkin", payload: { id, kind: "checkin", ticketCode, at }, at, state: "pending", ticketCode });
    return { verdict: { ...verdict, walker: { ...verdict.walker, checkedIn: true } }, checkinId: id };
  });
}

/** Undoes this phone's check-in `checkinId`: drops it if unsent, else queues an undo (within 2 minutes). */
export async function undoCheckIn(checkinId: string, now = new Date()): Promise<UndoPlan> {
  const db = gateDb();
  return db.transaction("rw", db.walkers, db.queue, async () => {
    const checkin = await db.queue.get(checkinId);
    const plan = planUndo(checkin, now);
    if (!checkin?.ticketCode || (plan.kind !== "drop" && plan.kind !== "queue")) return plan;
    if (plan.kind === "drop") await db.queue.delete(checkinId);
    else {
      const id = crypto.randomUUID();
      const at = now.toISOString();
      await db.queue.add({ id, kind: "undo", payload: { id, kind: "undo", checkinId, at }, at, state: "pending", ticketCode: checkin.ticketCode });
    }
    await db.walkers.update(checkin.ticketCode, { checkedIn: false });
    return plan;
  });
}

/** A walk-up, queued with its own id; shown as admitted. */
export async function queueWalkUp(walker: WalkUpDetails, now = new Date()): Promise<string> {
  const id = crypto.randomUUID();
  const at = now.toISOString();
  await gateDb().queue.add({ id, kind: "walkup", payload: { id, kind: "walkup", at, walker }, at, state: "pending", name: `${walker.firstName} ${walker.lastName}` });
  return id;
}

/** Marks items as in an upload now; returns them. */
export async function markSending(items: QueueItem[]): Promise<void> {
  await gateDb().queue.bulkUpdate(items.map((item) => ({ key: item.id, changes: { state: "sending" as const } })));
}

/** An upload that did not arrive: its items wait again. */
export async function markPending(ids: string[]): Promise<void> {
  const db = gateDb();
  await db.transaction("rw", db.queue, async () => {
    const items = (await db.queue.bulkGet(ids)).filter((i): i is QueueItem => !!i && i.state === "sending");
    await db.queue.bulkUpdate(items.map((item) => ({ key: item.id, changes: { state: "pending" as const } })));
  });
}

/** The server's answers: items accepted or refused; a refused check-in's walker is no longer shown as in. */
export async function applyResults(results: SyncResult[]): Promise<void> {
  const db = gateDb();
  await db.transaction("rw", db.walkers, db.queue, async () => {
    const items = (await db.queue.bulkGet(results.map((r) => r.id))).filter((i): i is QueueItem => !!i);
    const updated = answered(items, results);
    await db.queue.bulkPut(updated);
    for (const item of updated) {
      if (item.kind === "checkin" && item.state === "rejected" && item.ticketCode) await db.walkers.update(item.ticketCode, { checkedIn: false });
    }
  });
}

/** Walkers whose first or last name (or a word in either) starts with the search's words; at most `limit`. */
export async function searchWalkers(words: string[], limit: number, matches: (w: StoredWalker) => boolean): Promise<StoredWalker[]> {
  const first = words[0];
  if (!first) return [];
  const db = gateDb();
  // The indexes find names that start with the first word; compound names ("Ortiz-Lima") are found
  // by the filter over the whole list, which is quick enough for a walk's few thousand walkers.
  const byIndex = await db.walkers.where("firstFolded").startsWith(first).or("lastFolded").startsWith(first).filter(matches).limit(limit).toArray();
  if (byIndex.length >= limit) return byIndex;
  const seen = new Set(byIndex.map((w) => w.ticketCode));
  const rest = await db.walkers.filter((w) => !seen.has(w.ticketCode) && matches(w)).limit(limit - byIndex.length).toArray();
  return [...byIndex, ...rest];
}

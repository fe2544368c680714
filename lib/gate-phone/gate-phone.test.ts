import { describe, expect, it } from "vitest";
import { judge, ownCheckIn } from "./lookup";
import { localOverrides, planListUpdate } from "./merge";
import { foldName, matchesSearch, normaliseTicketCode, searchWords, toStored } from "./names";
import { answered, planUndo, toSend, uploads, waitingCount } from "./queue";
import type { GateWalker, QueueItem } from "./types";

const walker = (over: Partial<GateWalker> = {}): GateWalker => ({
  ticketCode: "AB12CD34EF",
  firstName: "Ana",
  lastName: "Pérez",
  ageBand: "AGE_18_34",
  tshirtSize: "M",
  guardianName: null,
  status: "CONFIRMED",
  checkedIn: false,
  ...over,
});

const checkin = (over: Partial<QueueItem> = {}): QueueItem => {
  const id = over.id ?? "00000000-0000-4000-8000-000000000001";
  const at = over.at ?? "2026-07-30T10:00:00.000Z";
  const ticketCode = over.ticketCode ?? "AB12CD34EF";
  return { id, kind: "checkin", payload: { id, kind: "checkin", ticketCode, at }, at, state: "pending", ticketCode, ...over };
};

const undoOf = (checkinId: string, over: Partial<QueueItem> = {}): QueueItem => {
  const id = over.id ?? "00000000-0000-4000-8000-0000000000aa";
  const at = over.at ?? "2026-07-30T10:01:00.000Z";
  return { id, kind: "undo", payload: { id, kind: "undo", checkinId, at }, at, state: "pending", ticketCode: "AB12CD34EF", ...over };
};

describe("names", () => {
  it("reads a ticket code whatever its case, spaces and dashes", () => {
    expect(normaliseTicketCode(" ab12-cd34 ef ")).toBe("AB12CD34EF");
  });

  it("folds accents and case for the search", () => {
    expect(foldName("  Pérez ")).toBe("perez");
    expect(toStored(walker()).lastFolded).toBe("perez");
  });

  it("searches with three characters or more, every word starting a name or a word in it", () => {
    expect(searchWords("pé")).toEqual([]);
    expect(searchWords("Ana PER")).toEqual(["ana", "per"]);
    const ana = toStored(walker({ lastName: "Ortiz-Lima" }));
    expect(matchesSearch(ana, ["lim"])).toBe(true);
    expect(matchesSearch(ana, ["ana", "ort"])).toBe(true);
    expect(matchesSearch(ana, ["rtiz"])).toBe(false);
  });
});

describe("lookup", () => {
  const stored = toStored(walker());

  it("admits a confirmed walker not yet in", () => {
    expect(judge(stored, stored.ticketCode, undefined).kind).toBe("admit");
  });

  it("says unknown, cancelled, waiting and already checked in elsewhere", () => {
    expect(judge(undefined, "NOPE", undefined)).toEqual({ kind: "unknown", ticketCode: "NOPE" });
    expect(judge(toStored(walker({ status: "CANCELLED" })), "x", undefined).kind).toBe("cancelled");
    expect(judge(toStored(walker({ status: "WAITING" })), "x", undefined).kind).toBe("waiting");
    expect(judge(toStored(walker({ checkedIn: true })), "x", undefined).kind).toBe("already");
  });

  it("tells this phone's own check-in, with its time, until it is undone", () => {
    const own = checkin();
    expect(ownCheckIn([own], own.ticketCode!)).toBe(own);
    const verdict = judge({ ...stored, checkedIn: true }, stored.ticketCode, own);
    expect(verdict).toMatchObject({ kind: "alreadyHere", at: own.at, checkinId: own.id });
    expect(ownCheckIn([own, undoOf(own.id)], own.ticketCode!)).toBeUndefined();
    expect(ownCheckIn([{ ...own, state: "rejected" }], own.ticketCode!)).toBeUndefined();
  });
});

describe("queue", () => {
  it("sends waiting items oldest first, in uploads of at most 200", () => {
    const items = Array.from({ length: 450 }, (_, i) =>
      checkin({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, at: new Date(Date.UTC(2026, 6, 30, 10, 0, i)).toISOString() }),
    );
    const done = { ...items[0]!, state: "done" as const };
    const queue = [done, ...items.slice(1).reverse()];
    const sending = toSend(queue);
    expect(sending).toHaveLength(449);
    expect(sending[0]!.at < sending[1]!.at).toBe(true);
    expect(uploads(sending).map((b) => b.length)).toEqual([200, 200, 49]);
    expect(waitingCount(queue)).toBe(449);
  });

  it("marks answers accepted or refused and drops a walk-up's details once answered", () => {
    const walkUp: QueueItem = {
      id: "00000000-0000-4000-8000-0000000000bb",
      kind: "walkup",
      at: "2026-07-30T10:00:00.000Z",
      state: "sending",
      name: "Ana Pérez",
      payload: {
        id: "00000000-0000-4000-8000-0000000000bb",
        kind: "walkup",
        at: "2026-07-30T10:00:00.000Z",
        walker: { firstName: "Ana", lastName: "Pérez", ageBand: "AGE_18_34", tshirtSize: null, emergencyContactName: "Rosa", emergencyContactPhone: "+18686201234", guardianName: null, guardianConsent: false, waiverAccepted: true, privacyAccepted: true },
      },
    };
    const refused = checkin({ state: "sending" });
    const unanswered = checkin({ id: "00000000-0000-4000-8000-0000000000cc", state: "sending" });
    const result = answered([walkUp, refused, unanswered], [
      { id: walkUp.id, ok: true, outcome: "walkup_created", ticketCode: "ZZ12ZZ34ZZ" },
      { id: refused.id, ok: false, reason: "cancelled", message: { en: "Cancelled.", es: "Cancelado." } },
    ]);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ state: "done", outcome: "walkup_created", ticketCode: "ZZ12ZZ34ZZ", payload: null, name: "Ana Pérez" });
    expect(JSON.stringify(result[0])).not.toContain("+1868");
    expect(result[1]).toMatchObject({ state: "rejected", reason: "cancelled", message: { en: "Cancelled." } });
  });

  it("undoes an unsent check-in by dropping it, a sent one by an undo item, and not after 2 minutes", () => {
    const at = new Date("2026-07-30T10:00:00.000Z");
    const soon = new Date(at.getTime() + 119_000);
    const late = new Date(at.getTime() + 121_000);
    expect(planUndo(checkin(), soon)).toEqual({ kind: "drop", checkinId: checkin().id });
    expect(planUndo(checkin({ state: "sending" }), soon)).toEqual({ kind: "queue", checkinId: checkin().id });
    expect(planUndo(checkin({ state: "done" }), soon)).toEqual({ kind: "queue", checkinId: checkin().id });
    expect(planUndo(checkin({ state: "done" }), late)).toEqual({ kind: "tooLate" });
    expect(planUndo(checkin({ state: "rejected" }), soon)).toEqual({ kind: "nothing" });
    expect(planUndo(undefined, soon)).toEqual({ kind: "nothing" });
  });
});

describe("list merge", () => {
  it("replaces everything with a full list", () => {
    const update = planListUpdate({ full: true, walkers: [walker()], removed: [] }, []);
    expect(update).toMatchObject({ clear: true, remove: [] });
    expect(update.put.map((w) => w.ticketCode)).toEqual(["AB12CD34EF"]);
  });

  it("applies a delta: changed walkers put, removed ones deleted", () => {
    const update = planListUpdate({ full: false, walkers: [walker({ ticketCode: "NEW0000000" })], removed: ["GONE000000"] }, []);
    expect(update).toEqual({ clear: false, put: [expect.objectContaining({ ticketCode: "NEW0000000" })], remove: ["GONE000000"] });
  });

  it("keeps what this phone has not yet sent: a waiting check-in stays in, a waiting undo stays out", () => {
    const pending = checkin();
    expect(planListUpdate({ full: false, walkers: [walker({ checkedIn: false })], removed: [] }, [pending]).put[0]!.checkedIn).toBe(true);
    const sent = checkin({ state: "done" });
    const undo = undoOf(sent.id);
    expect(localOverrides([sent, undo]).get("AB12CD34EF")).toBe(false);
    expect(planListUpdate({ full: false, walkers: [walker({ checkedIn: true })], removed: [] }, [sent, undo]).put[0]!.checkedIn).toBe(false);
    // Once answered, the list is right again.
    expect(planListUpdate({ full: false, walkers: [walker({ checkedIn: true })], removed: [] }, [sent, { ...undo, state: "done" }]).put[0]!.checkedIn).toBe(true);
  });

  it("stores only the gate's fields", () => {
    const extra = { ...walker(), email: "ana@example.org", phone: "+18686201234" } as GateWalker;
    const [stored] = planListUpdate({ full: true, walkers: [extra], removed: [] }, []).put;
    expect(Object.keys(stored!).sort()).toEqual(["ageBand", "checkedIn", "firstFolded", "firstName", "guardianName", "lastFolded", "lastName", "status", "ticketCode", "tshirtSize"]);
  });
});

import type { Actor } from "../auth/roles";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { createActor, createTestEvent, insertManyWalkers, insertWalkers } from "../../test/support/walkers";
import { checkInWalker } from "../checkin/mutations";
import { Forbidden } from "../auth/roles";
import { findCurrentWalk } from "../events/current";
import { exportWalkersCsv, walkToExport } from "./export";
import { getWalkerDetail, listWalkers, SEARCH_COUNT_LIMIT, SEARCH_WALK_LIMIT, searchForCheckIn, walkerFilterSchema } from "./queries";

let actor: Actor;
beforeAll(async () => {
  actor = await createActor(db);
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM keeps the byte-order mark, which Response.text() would strip.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("listWalkers", () => {
  it("searches by name, email and ticket code and filters by status, age band and check-in", async () => {
    const event = await createTestEvent(db);
    const [ana, , luis] = await insertWalkers(db, event.id, [
      { firstName: "Ana", lastName: "Pérez", email: "ana@example.org", ageBand: "AGE_35_54" },
      { firstName: "Anabel", lastName: "Ramos", status: "WAITING" },
      { firstName: "Luis", lastName: "Ana-Maria", ageBand: "UNDER_12", guardianName: "Rosa" },
    ]);
    await checkInWalker({ eventId: event.id, walkerId: ana!.id, method: "QR", actor });
    const list = async (raw: Record<string, string>) =>
      (await listWalkers(actor, event.id, walkerFilterSchema.parse(raw))).walkers.map((w) => w.firstName);

    expect(await list({ q: "ana" })).toEqual(["Ana", "Anabel", "Luis"]);
    expect(await list({ q: "ana pérez" })).toEqual(["Ana"]);
    expect(await list({ q: "ANA@example.org" })).toEqual(["Ana"]);
    expect(await list({ q: luis!.ticketCode.toLowerCase() })).toEqual(["Luis"]);
    expect(await list({ status: "WAITING" })).toEqual(["Anabel"]);
    expect(await list({ ageBand: "UNDER_12" })).toEqual(["Luis"]);
    expect(await list({ checkedIn: "yes" })).toEqual(["Ana"]);
    expect(await list({ checkedIn: "no", status: "CONFIRMED" })).toEqual(["Luis"]);
    // Nonsense filter values are ignored rather than failing the page.
    expect(await list({ status: "DROP TABLE", ageBand: "x" })).toHaveLength(3);
  });

  it("finds names in any case and with accents: anywhere for longer words, at a word's start for one or two letters", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [
      { firstName: "José", lastName: "Núñez" },
      { firstName: "Li", lastName: "Wu" },
      { firstName: "Ana", lastName: "Pérez" },
      { firstName: "Walker", lastName: "Cancelled", status: "CANCELLED" },
      { firstName: "Emilia", lastName: "Ortiz-Lima" },
      { firstName: "Jean-Luc", lastName: "O'Brien" },
      { firstName: "Ana María", lastName: "50% Test_" },
    ]);
    const list = async (q: string) =>
      (await listWalkers(actor, event.id, walkerFilterSchema.parse({ q }))).walkers.map((w) => w.firstName);

    expect(await list("PÉREZ")).toEqual(["Ana"]);
    expect(await list("josé núñez")).toEqual(["José"]);
    expect(await list("ñez")).toEqual(["José"]);
    expect(await list("ilia")).toEqual(["Emilia"]);
    expect(await list("cancel")).toEqual(["Walker"]);
    expect(await list("nobody")).toEqual([]);
    // One or two letters: the start of the first name, the last name, or a word inside either.
    expect(await list("NÚ")).toEqual(["José"]);
    expect(await list("li")).toEqual(["Li", "Emilia"]);
    expect(await list("w")).toEqual(["Li", "Walker"]);
    expect(await list("lu")).toEqual(["Jean-Luc"]);
    expect(await list("br")).toEqual(["Jean-Luc"]);
    expect(await list("ma")).toEqual(["Ana María"]);
    expect(await list("ñe")).toEqual([]);
    expect(await list("ez")).toEqual([]);
    // LIKE's wildcards and a regular expression's operators are characters like any other.
    for (const odd of ["%", "_", ".", "(", "[", "*", "\\", ".*", "a|", "^", "$"]) expect(await list(odd), odd).toEqual([]);
    expect(await list("50%")).toEqual(["Ana María"]);
    const total = async (raw: Record<string, string>) => (await listWalkers(actor, event.id, walkerFilterSchema.parse(raw))).total;
    expect(await total({})).toBe(7);
    expect(await total({ q: "w" })).toBe(2);
    expect(await total({ q: "w", status: "CONFIRMED" })).toBe(1);
    const desk = await searchForCheckIn(actor, event.id, "éRez");
    expect(desk.map((w) => w.firstName)).toEqual(["Ana"]);
    expect((await searchForCheckIn(actor, event.id, "o")).map((w) => w.firstName)).toEqual(["Jean-Luc", "Emilia"]);
  });

  it("counts a search's matches up to the limit, then says there are more", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [{ firstName: "Maria", lastName: "First" }]);
    await insertManyWalkers(db, event.id, SEARCH_COUNT_LIMIT + 5, "Maria");
    await insertWalkers(db, event.id, [{ firstName: "Maria", lastName: "Last", status: "WAITING" }]);
    const list = (raw: Record<string, string>) => listWalkers(actor, event.id, walkerFilterSchema.parse(raw));

    const many = await list({ q: "mar" });
    expect(many).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsAtLeast: true });
    expect(many.walkers).toHaveLength(50);
    expect(many.walkers[0]!.lastName).toBe("First");
    // Without a search the count is exact, however many.
    expect(await list({})).toMatchObject({ total: SEARCH_COUNT_LIMIT + 7, totalIsAtLeast: false });
    // A search the filters narrow below the limit is exact again.
    expect(await list({ q: "mar", status: "WAITING" })).toMatchObject({ total: 1, totalIsAtLeast: false });
    // Paging a search with many matches still reaches every one of them, in order.
    let after: string | null = null;
    let seen = 0;
    let last = "";
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(after ? { q: "mar", after } : { q: "mar" });
      seen += page.walkers.length;
      last = page.walkers.at(-1)?.lastName ?? last;
      after = page.nextCursor;
    } while (after);
    expect(seen).toBe(SEARCH_COUNT_LIMIT + 7);
    expect(last).toBe("Last");
  });

  it("finds the first page of a search with many matches when they all signed up late", async () => {
    const event = await createTestEvent(db);
    await insertManyWalkers(db, event.id, SEARCH_WALK_LIMIT + 10, "Early");
    await insertWalkers(db, event.id, [{ firstName: "Maria", lastName: "First" }]);
    await insertManyWalkers(db, event.id, SEARCH_COUNT_LIMIT + 5, "Maria");
    const page = await listWalkers(actor, event.id, walkerFilterSchema.parse({ q: "ma" }));
    expect(page).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsAtLeast: true });
    expect(page.walkers).toHaveLength(50);
    expect(page.walkers[0]!.lastName).toBe("First");
    expect(page.walkers.every((w) => w.firstName === "Maria")).toBe(true);
    const next = await listWalkers(actor, event.id, walkerFilterSchema.parse({ q: "ma", after: page.nextCursor! }));
    expect(next.walkers).toHaveLength(50);
    expect(next.walkers[0]!.seq).toBeGreaterThan(page.walkers.at(-1)!.seq);
  });

  it("searches names through the trigram indexes, not a scan of every walker", async () => {
    // A tiny test table would be scanned anyway; with scans priced out, the plan shows which
    // indexes can answer the search's conditions at all (a B-tree cannot): a longer word anywhere,
    // a one- or two-letter word at the start of a name or of a word in it.
    const conditions = [
      Prisma.sql`"firstName" ILIKE ${"%mar%"} OR "lastName" ILIKE ${"%mar%"}`,
      Prisma.sql`"firstName" ~* ${"(^|[-' ])li"} OR "lastName" ~* ${"(^|[-' ])li"}`,
      Prisma.sql`"firstName" ~* ${"(^|[-' ])w"} OR "lastName" ~* ${"(^|[-' ])w"}`,
    ];
    for (const condition of conditions) {
      const plan = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT id FROM "Walker" WHERE ${condition}`;
      });
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).toContain("Walker_firstName_idx");
      expect(text).toContain("Walker_lastName_idx");
      expect(text).not.toContain("Seq Scan");
    }
  });

  it("pages through every walker exactly once", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, Array.from({ length: 23 }, (_, i) => ({ firstName: `P${i}` })));
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listWalkers(actor, event.id, walkerFilterSchema.parse(after ? { after } : {}), 10);
      expect(page.total).toBe(23);
      seen.push(...page.walkers.map((w) => w.firstName));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `P${i}`));
  });
});

describe("exportWalkersCsv", () => {
  it("streams the current filter as Excel-safe CSV", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [
      { firstName: "=cmd|' /C calc'!A0", lastName: "Núñez, Jr.", email: "n@example.org" },
      { firstName: "Waiting", status: "WAITING" },
    ]);
    const csv = await readAll(await exportWalkersCsv(actor, event.id, walkerFilterSchema.parse({ status: "CONFIRMED" })));
    expect(csv.startsWith("\uFEFFticket_code,first_name,last_name,email,")).toBe(true);
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`'=cmd|' /C calc'!A0,"Núñez, Jr.",n@example.org`);
    expect(csv).not.toContain("Waiting");
  });

  it("gives emergency contacts to admins only, and records who exported which filter and how many rows", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [
      { firstName: "Ana" },
      { firstName: "Ben" },
      { firstName: "Cid", status: "WAITING" },
    ]);
    const filter = walkerFilterSchema.parse({ q: "a", status: "CONFIRMED" });
    const byOrganiser = await readAll(await exportWalkersCsv(actor, event.id, filter));
    expect(byOrganiser).not.toContain("emergency_contact");
    expect(byOrganiser).not.toContain("+18685550100");
    expect(byOrganiser).toContain("Ana");
    const admin = await createActor(db, "ADMIN");
    const byAdmin = await readAll(await exportWalkersCsv(admin, event.id, walkerFilterSchema.parse({})));
    expect(byAdmin).toContain("emergency_contact_name,emergency_contact_phone");
    expect(byAdmin).toContain("+18685550100");

    const entries = await db.auditLog.findMany({ where: { action: "walkers.export", entityId: event.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.actorId, e.after])).toEqual([
      [actor.userId, { rows: 1, filter: { nameSearch: true, status: "CONFIRMED", ageBand: null, checkedIn: null }, emergencyContacts: false }],
      [admin.userId, { rows: 3, filter: { nameSearch: false, status: null, ageBand: null, checkedIn: null }, emergencyContacts: true }],
    ]);
    // The words searched are never in the log.
    expect(JSON.stringify(entries)).not.toContain('"a"');
  });

  it("exports a walk that is not the current one (the purge notice's link) for admins only, and records which walk", async () => {
    const past = await createTestEvent(db, { endsAt: new Date(Date.now() - 50 * 86_400_000) });
    await insertWalkers(db, past.id, [{ firstName: "Pastwalker" }]);
    const admin = await createActor(db, "ADMIN");
    const current = await findCurrentWalk(db, { id: true });
    expect(current?.id).not.toBe(past.id);

    await expect(walkToExport(actor, past.id)).rejects.toBeInstanceOf(Forbidden);
    expect(await walkToExport(actor, undefined)).toEqual(current);
    const walk = await walkToExport(admin, past.id);
    expect(walk).toEqual({ id: past.id });
    const csv = await readAll(await exportWalkersCsv(admin, walk!.id, walkerFilterSchema.parse({})));
    expect(csv).toContain("Pastwalker");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "walkers.export", actorId: admin.userId } });
    expect(entry).toMatchObject({ entityType: "Event", entityId: past.id, after: { rows: 1 } });

    // Nothing to export of a walk that does not exist or whose data is erased.
    expect(await walkToExport(admin, "not-a-walk")).toBeNull();
    await db.event.update({ where: { id: past.id }, data: { personalDataErasedAt: new Date() } });
    expect(await walkToExport(admin, past.id)).toBeNull();
  });

  it("exports more rows than one batch", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, Array.from({ length: 1005 }, (_, i) => ({ firstName: `W${i}` })));
    const csv = await readAll(await exportWalkersCsv(actor, event.id, walkerFilterSchema.parse({})));
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1006);
  }, 120_000);
});

describe("getWalkerDetail", () => {
  it("records each opening of a walker's details, and none for an id of another walk", async () => {
    const event = await createTestEvent(db);
    const other = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{ firstName: "Dana" }]);
    expect((await getWalkerDetail(actor, event.id, walker!.id))?.firstName).toBe("Dana");
    expect(await getWalkerDetail(actor, other.id, walker!.id)).toBeNull();
    const views = await db.auditLog.findMany({ where: { action: "walker.view", entityId: walker!.id } });
    expect(views.map((v) => [v.actorId, v.entityType])).toEqual([[actor.userId, "Walker"]]);
  });
});

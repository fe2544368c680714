import type { Actor } from "../auth/roles";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { checkInWalker } from "../checkin/mutations";
import { exportWalkersCsv } from "./export";
import { listWalkers, searchForCheckIn, walkerFilterSchema } from "./queries";

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

  it("finds names in any case, with accents, and by words too short for the trigram index", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, [
      { firstName: "José", lastName: "Núñez" },
      { firstName: "Li", lastName: "Wu" },
      { firstName: "Ana", lastName: "Pérez" },
      { firstName: "Walker", lastName: "Cancelled", status: "CANCELLED" },
    ]);
    const list = async (q: string) =>
      (await listWalkers(actor, event.id, walkerFilterSchema.parse({ q }))).walkers.map((w) => w.firstName);

    expect(await list("PÉREZ")).toEqual(["Ana"]);
    expect(await list("josé núñez")).toEqual(["José"]);
    expect(await list("ÑE")).toEqual(["José"]);
    expect(await list("li")).toEqual(["Li"]);
    expect(await list("w")).toEqual(["Li", "Walker"]);
    expect(await list("cancel")).toEqual(["Walker"]);
    expect(await list("nobody")).toEqual([]);
    const total = async (raw: Record<string, string>) => (await listWalkers(actor, event.id, walkerFilterSchema.parse(raw))).total;
    expect(await total({})).toBe(4);
    expect(await total({ q: "w" })).toBe(2);
    expect(await total({ q: "w", status: "CONFIRMED" })).toBe(1);
    const desk = await searchForCheckIn(actor, event.id, "EZ");
    expect(desk.map((w) => w.firstName)).toEqual(["José", "Ana"]);
  });

  it("searches names through the trigram indexes, not a scan of every walker", async () => {
    // A tiny test table would be scanned anyway; with scans priced out, the plan shows which
    // indexes can answer ILIKE '%…%' at all (a B-tree cannot).
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT id FROM "Walker" WHERE "firstName" ILIKE ${"%mar%"} OR "lastName" ILIKE ${"%mar%"}`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("Walker_firstName_idx");
    expect(text).toContain("Walker_lastName_idx");
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

  it("exports more rows than one batch", async () => {
    const event = await createTestEvent(db);
    await insertWalkers(db, event.id, Array.from({ length: 1005 }, (_, i) => ({ firstName: `W${i}` })));
    const csv = await readAll(await exportWalkersCsv(actor, event.id, walkerFilterSchema.parse({})));
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1006);
  }, 120_000);
});

// The gate's API as a phone calls it: the route handlers themselves, on the real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openLink } from "@/app/gate/open/[token]/route";
import { GET as getList } from "@/app/api/gate/list/route";
import { GET as getStatus } from "@/app/api/gate/status/route";
import { POST as postSync } from "@/app/api/gate/sync/route";
import { Forbidden, type Actor } from "../auth/roles";
import { db } from "../db";
import { eraseWalkers } from "../privacy/erase";
import { createActor, createTestEvent, insertWalkers } from "../../test/support/walkers";
import { createGatePass, revokeGatePass } from "./mutations";
import { toZonedInput } from "./time";
import { GATE_COOKIE } from "./token";

const BASE = "http://localhost:3000";
const ZONE = "America/Port_of_Spain";
const HOUR = 3_600_000;

let organiser: Actor;
beforeAll(async () => {
  organiser = await createActor(db);
});

async function newPass(eventId: string, window: { opensInHours?: number; closesInHours?: number } = {}) {
  const now = Date.now();
  return createGatePass(organiser, eventId, {
    label: `Gate ${randomUUID().slice(0, 6)}`,
    opensAt: toZonedInput(new Date(now + (window.opensInHours ?? -1) * HOUR), ZONE),
    closesAt: toZonedInput(new Date(now + (window.closesInHours ?? 5) * HOUR), ZONE),
  });
}

function open(token: string, headers: Record<string, string> = {}) {
  return openLink(new Request(`${BASE}/gate/open/${token}`, { headers }), { params: Promise.resolve({ token }) });
}

/** Opens the pass's link and returns the Cookie header the phone then sends. */
async function signIn(token: string): Promise<string> {
  const response = await open(token);
  expect(response.status).toBe(303);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const list = (cookie: string, since?: string) =>
  getList(new Request(`${BASE}/api/gate/list${since ? `?since=${encodeURIComponent(since)}` : ""}`, { headers: { cookie } }));
const status = (cookie: string) => getStatus(new Request(`${BASE}/api/gate/status`, { headers: { cookie } }));
const syncRaw = (cookie: string, body: string, headers: Record<string, string> = {}) =>
  postSync(new Request(`${BASE}/api/gate/sync`, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body }));
async function sync(cookie: string, items: unknown[]) {
  const response = await syncRaw(cookie, JSON.stringify({ items }));
  expect(response.status).toBe(200);
  return (await response.json()) as { serverTime: string; results: Record<string, unknown>[] };
}

const checkin = (ticketCode: string, at = new Date()) => ({ id: randomUUID(), kind: "checkin", ticketCode, at: at.toISOString() });
const walkUp = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind: "walkup",
  at: new Date().toISOString(),
  walker: {
    firstName: "Rosa",
    lastName: "Walkup",
    ageBand: "AGE_35_54",
    tshirtSize: "L",
    emergencyContactName: "Juan",
    emergencyContactPhone: "620 1234",
    waiverAccepted: true,
    privacyAccepted: true,
    ...overrides,
  },
});

async function rowCounts(eventId: string, passIds: string[]) {
  return {
    checkIns: await db.checkIn.count({ where: { eventId } }),
    duplicates: await db.duplicateScan.count({ where: { eventId } }),
    walkers: await db.walker.count({ where: { eventId } }),
    groups: await db.registrationGroup.count({ where: { eventId } }),
    items: await db.gateSyncItem.count({ where: { gatePassId: { in: passIds } } }),
    audit: await db.auditLog.count({ where: { gatePassId: { in: passIds } } }),
    confirmed: (await db.event.findUniqueOrThrow({ where: { id: eventId } })).confirmedCount,
  };
}

describe("gate pass sign-in", () => {
  it("signs a browser in with an httpOnly, SameSite=Lax cookie and sends it to /gate; the pass then answers the API", async () => {
    const event = await createTestEvent(db);
    const pass = await newPass(event.id);
    const response = await open(pass.token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/gate");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${GATE_COOKIE}=${pass.id}\\.[A-Za-z0-9_-]+; `));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https adds it
    const answer = await status(cookie.split(";")[0]!);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, pass: { id: pass.id, label: pass.label } });
    const stored = await db.gatePass.findUniqueOrThrow({ where: { id: pass.id } });
    expect(stored.lastSeenAt).not.toBeNull();
    expect(stored.tokenHash).not.toContain(pass.token);
    expect(await db.auditLog.count({ where: { gatePassId: pass.id, action: "gate.pass.open" } })).toBe(1);
  });

  it("marks the cookie Secure when the link is opened over https", async () => {
    const event = await createTestEvent(db);
    const pass = await newPass(event.id);
    const response = await openLink(new Request(`https://gate.example.org/gate/open/${pass.token}`), { params: Promise.resolve({ token: pass.token }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a forged link, a revoked pass and a pass outside its window with a sentence in the visitor's language", async () => {
    const event = await createTestEvent(db);
    const forged = await open("A".repeat(43));
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain("This gate pass link is not valid.");
    const forgedEs = await open("not-even-a-token", { "accept-language": "es-TT,es;q=0.9" });
    expect(forgedEs.status).toBe(401);
    expect(await forgedEs.text()).toContain("Este enlace de pase de entrada no es válido.");

    const revoked = await newPass(event.id);
    await revokeGatePass(organiser, event.id, revoked.id);
    const revokedAnswer = await open(revoked.token);
    expect(revokedAnswer.status).toBe(401);
    expect(await revokedAnswer.text()).toContain("An organiser revoked this gate pass.");

    const later = await newPass(event.id, { opensInHours: 30, closesInHours: 40 });
    const notOpen = await open(later.token);
    expect(notOpen.status).toBe(403);
    expect(notOpen.headers.get("set-cookie")).toBeNull();
    const sentence = await notOpen.text();
    expect(sentence).toContain("This gate pass opens on");
    expect(sentence).toContain(new Intl.DateTimeFormat("en-TT", { dateStyle: "full", timeStyle: "short", timeZone: ZONE }).format(later.opensAt));
    const notOpenEs = await open(later.token, { cookie: "NEXT_LOCALE=es" });
    expect(await notOpenEs.text()).toContain("Este pase de entrada se abre el");

    const past = await newPass(event.id, { opensInHours: -10, closesInHours: -2 });
    const closed = await open(past.token);
    expect(closed.status).toBe(401);
    expect(await closed.text()).toContain("This gate pass closed on");
  });

  it("answers 401 with a sentence for a missing or forged cookie, and for a pass revoked after sign-in", async () => {
    const event = await createTestEvent(db);
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    for (const bad of ["", `${GATE_COOKIE}=${pass.id}.AAAA`, `${GATE_COOKIE}=${randomUUID()}.${cookie.split(".")[1]}`]) {
      const answer = await status(bad);
      expect(answer.status).toBe(401);
      expect((await answer.json()).message).toMatch(/gate pass|signed in at the gate/);
    }
    const [walker] = await insertWalkers(db, event.id, [{}]);
    await revokeGatePass(organiser, event.id, pass.id);
    for (const answer of [await status(cookie), await list(cookie), await syncRaw(cookie, JSON.stringify({ items: [checkin(walker!.ticketCode)] }))]) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ reason: "revoked", message: expect.stringContaining("revoked") });
    }
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("lets only organisers make and revoke passes, and audits both", async () => {
    const event = await createTestEvent(db);
    const partner = await createActor(db, "PARTNER");
    await expect(createGatePass(partner, event.id, { label: "x", opensAt: "2030-01-01T04:00", closesAt: "2030-01-01T12:00" })).rejects.toThrow(Forbidden);
    const pass = await newPass(event.id);
    await expect(revokeGatePass(partner, event.id, pass.id)).rejects.toThrow(Forbidden);
    await revokeGatePass(organiser, event.id, pass.id);
    await revokeGatePass(organiser, event.id, pass.id);
    const entries = await db.auditLog.findMany({ where: { entityId: pass.id, actorId: organiser.userId }, select: { action: true } });
    expect(entries.map((e) => e.action).sort()).toEqual(["gate.pass.create", "gate.pass.revoke"]);
  });
});

describe("the gate list", () => {
  it("holds what the gate needs and never an email, phone, emergency contact or accessibility need", async () => {
    const event = await createTestEvent(db);
    const walkers = await insertWalkers(db, event.id, [
      { firstName: "Ana", lastName: "Adult", email: "ana-secret@example.org" },
      { firstName: "Luis", lastName: "Minor", ageBand: "AGE_12_17", guardianName: "Rosa Guardian" },
      { status: "WAITING" },
      { status: "CANCELLED" },
    ]);
    await db.walker.update({ where: { id: walkers[0]!.id }, data: { phone: "+18685550199", accessibilityNeeds: "wheelchair", guardianName: "Not A Minor" } });
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    await sync(cookie, [checkin(walkers[0]!.ticketCode)]);

    const response = await list(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const secret of ["ana-secret@example.org", "+18685550199", "+18685550100", "wheelchair", "Contact", "Not A Minor"]) expect(text).not.toContain(secret);
    const body = JSON.parse(text);
    expect(Object.keys(body).sort()).toEqual(["cursor", "full", "pass", "removed", "serverTime", "walk", "walkers"]);
    expect(Object.keys(body.walk).sort()).toEqual(["endsAt", "id", "name", "startsAt"]);
    expect(Object.keys(body.pass).sort()).toEqual(["closesAt", "id", "label", "opensAt"]);
    expect(body.full).toBe(true);
    expect(body.walkers).toHaveLength(4);
    for (const walker of body.walkers)
      expect(Object.keys(walker).sort()).toEqual(["ageBand", "checkedIn", "firstName", "guardianName", "lastName", "status", "ticketCode", "tshirtSize"]);
    const byCode = new Map(body.walkers.map((w: { ticketCode: string }) => [w.ticketCode, w]));
    expect(byCode.get(walkers[0]!.ticketCode)).toMatchObject({ firstName: "Ana", checkedIn: true, guardianName: null, status: "CONFIRMED" });
    expect(byCode.get(walkers[1]!.ticketCode)).toMatchObject({ guardianName: "Rosa Guardian", ageBand: "AGE_12_17", checkedIn: false });
    expect(byCode.get(walkers[2]!.ticketCode)).toMatchObject({ status: "WAITING" });
    expect(byCode.get(walkers[3]!.ticketCode)).toMatchObject({ status: "CANCELLED" });
  });

  it("sends only the walkers changed since the cursor, and erased walkers as removed", async () => {
    const event = await createTestEvent(db);
    const walkers = await insertWalkers(db, event.id, [{}, {}, {}, {}, {}]);
    // Changed long ago, so that only what changes below is newer than the cursor.
    await db.$executeRaw`UPDATE "Walker" SET "updatedAt" = now() - interval '1 hour' WHERE "eventId" = ${event.id}::uuid`;
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    const first = await (await list(cookie)).json();
    expect(first.full).toBe(true);
    expect(first.walkers).toHaveLength(5);

    const [checked, cancelled, erased] = walkers;
    await sync(cookie, [checkin(checked!.ticketCode)]);
    await db.walker.update({ where: { id: cancelled!.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await db.$transaction((tx) => eraseWalkers(tx, [erased!.id], new Date()));

    const delta = await (await list(cookie, first.cursor)).json();
    expect(delta.full).toBe(false);
    expect(delta.walkers.map((w: { ticketCode: string }) => w.ticketCode).sort()).toEqual([checked!.ticketCode, cancelled!.ticketCode].sort());
    expect(delta.walkers.find((w: { ticketCode: string }) => w.ticketCode === checked!.ticketCode).checkedIn).toBe(true);
    expect(delta.walkers.find((w: { ticketCode: string }) => w.ticketCode === cancelled!.ticketCode).status).toBe("CANCELLED");
    expect(delta.removed).toEqual([erased!.ticketCode]);

    // A cursor that cannot be read (or is too old) gets the full list again, without erased walkers.
    const again = await (await list(cookie, "bm9wZQ")).json();
    expect(again.full).toBe(true);
    expect(again.walkers).toHaveLength(4);
    expect(again.removed).toEqual([]);
  });
});

describe("sync", () => {
  it("answers item by item: one bad item never refuses the rest", async () => {
    const event = await createTestEvent(db);
    const other = await createTestEvent(db);
    const [ok, waiting, cancelled] = await insertWalkers(db, event.id, [{}, { status: "WAITING" }, { status: "CANCELLED" }]);
    const [elsewhere] = await insertWalkers(db, other.id, [{}]);
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    const lateCheckIn = checkin(ok!.ticketCode);
    await sync(cookie, [lateCheckIn]);
    await db.checkIn.updateMany({ where: { clientId: lateCheckIn.id }, data: { checkedInAt: new Date(Date.now() - 3 * 60_000) } });

    const items = [
      checkin("NOSUCHCODE"),
      checkin(cancelled!.ticketCode),
      checkin(waiting!.ticketCode),
      checkin(elsewhere!.ticketCode),
      { id: "not-a-uuid", kind: "checkin", ticketCode: ok!.ticketCode, at: new Date().toISOString() },
      { id: randomUUID(), kind: "checkin", ticketCode: ok!.ticketCode, at: "yesterday" },
      { id: randomUUID(), kind: "teleport" },
      "not an object",
      { id: randomUUID(), kind: "undo", checkinId: lateCheckIn.id, at: new Date().toISOString() },
      { id: randomUUID(), kind: "undo", checkinId: randomUUID(), at: new Date().toISOString() },
      walkUp({ ageBand: "UNDER_12" }), // a minor with no guardian
      walkUp({ waiverAccepted: false }),
      walkUp({ firstName: "Ok" }),
    ];
    const { results, serverTime } = await sync(cookie, items);
    expect(Date.parse(serverTime)).toBeGreaterThan(Date.now() - 60_000);
    expect(results.map((r) => [r.id, r.ok, r.reason ?? r.outcome])).toEqual([
      [(items[0] as { id: string }).id, false, "unknown"],
      [(items[1] as { id: string }).id, false, "cancelled"],
      [(items[2] as { id: string }).id, false, "waiting"],
      [(items[3] as { id: string }).id, false, "other_walk"],
      ["not-a-uuid", false, "invalid"],
      [(items[5] as { id: string }).id, false, "invalid"],
      [(items[6] as { id: string }).id, false, "invalid"],
      [null, false, "invalid"],
      [(items[8] as { id: string }).id, false, "too_late"],
      [(items[9] as { id: string }).id, false, "unknown"],
      [(items[10] as { id: string }).id, false, "invalid"],
      [(items[11] as { id: string }).id, false, "invalid"],
      [(items[12] as { id: string }).id, true, "walkup_created"],
    ]);
    for (const r of results.filter((r) => !r.ok)) {
      const message = r.message as { en: string; es: string };
      expect(message.en).toMatch(/\.$/);
      expect(message.es).toMatch(/\.$/);
      expect(message.es).not.toBe(message.en);
    }
    expect((results[3]!.message as { en: string }).en).toContain("another walk");
    // Only the first check-in and the walk-up's: nothing from any refused item.
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.checkIn.count({ where: { eventId: other.id } })).toBe(0);
    expect(await db.walker.count({ where: { eventId: event.id } })).toBe(4);
  });

  it("checks in once and undoes its own check-in within 2 minutes; another pass cannot undo it", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const mine = await signIn((await newPass(event.id)).token);
    const theirs = await signIn((await newPass(event.id)).token);
    const item = checkin(walker!.ticketCode);
    expect((await sync(mine, [item])).results[0]).toEqual({ id: item.id, ok: true, outcome: "checked_in", ticketCode: walker!.ticketCode });
    const notTheirs = { id: randomUUID(), kind: "undo", checkinId: item.id, at: new Date().toISOString() };
    expect((await sync(theirs, [notTheirs])).results[0]).toMatchObject({ ok: false, reason: "unknown" });
    const undo = { id: randomUUID(), kind: "undo", checkinId: item.id, at: new Date().toISOString() };
    expect((await sync(mine, [undo])).results[0]).toMatchObject({ ok: true, outcome: "undone", ticketCode: walker!.ticketCode });
    expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(0);
    // Sent again after the undo, neither item changes anything.
    expect((await sync(mine, [item, undo])).results.map((r) => r.outcome)).toEqual(["already", "already"]);
    expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(0);
    // A new scan checks the walker in again.
    expect((await sync(mine, [checkin(walker!.ticketCode)])).results[0]).toMatchObject({ outcome: "checked_in" });
  });

  it("sending the same batch three times adds no rows", async () => {
    const event = await createTestEvent(db);
    const walkers = await insertWalkers(db, event.id, [{}, {}, {}]);
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    const first = checkin(walkers[0]!.ticketCode);
    const batch = [
      first,
      checkin(walkers[1]!.ticketCode),
      checkin(walkers[0]!.ticketCode), // the same ticket scanned twice on this phone: a double scan
      { id: randomUUID(), kind: "undo", checkinId: first.id, at: new Date().toISOString() },
      walkUp(),
      checkin("NOSUCHCODE"),
    ];
    const once = await sync(cookie, batch);
    expect(once.results.map((r) => r.outcome ?? r.reason)).toEqual(["checked_in", "checked_in", "duplicate", "undone", "walkup_created", "unknown"]);
    const after = await rowCounts(event.id, [pass.id]);
    for (let i = 0; i < 2; i++) {
      const again = await sync(cookie, batch);
      expect(again.results.map((r) => r.outcome ?? r.reason)).toEqual(["already", "already", "already", "already", "already", "unknown"]);
      expect(again.results[4]!.ticketCode).toBe(once.results[4]!.ticketCode);
      expect(await rowCounts(event.id, [pass.id])).toEqual(after);
    }
    // And the same batch from two connections at once.
    await Promise.all([sync(cookie, batch), sync(cookie, batch)]);
    expect(await rowCounts(event.id, [pass.id])).toEqual(after);
  });

  it("two passes checking in the same ticket make one check-in and one double scan, both admitted", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const north = await newPass(event.id);
    const south = await newPass(event.id);
    const [a, b] = await Promise.all([
      sync(await signIn(north.token), [checkin(walker!.ticketCode)]),
      sync(await signIn(south.token), [checkin(walker!.ticketCode)]),
    ]);
    expect([a.results[0]!.outcome, b.results[0]!.outcome].sort()).toEqual(["checked_in", "duplicate"]);
    expect(a.results[0]!.ok && b.results[0]!.ok).toBe(true);
    expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(1);
    const scans = await db.duplicateScan.findMany({ where: { walkerId: walker!.id } });
    expect(scans).toHaveLength(1);
    const checkIn = await db.checkIn.findUniqueOrThrow({ where: { walkerId: walker!.id } });
    expect(new Set([checkIn.gatePassId, scans[0]!.gatePassId])).toEqual(new Set([north.id, south.id]));
    expect(await db.auditLog.count({ where: { entityId: walker!.id, action: "gate.duplicate-scan" } })).toBe(1);
  });

  it("records the server's time when the phone's clock is hours off, and keeps the phone's beside it", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const cookie = await signIn((await newPass(event.id)).token);
    const phoneTime = new Date(Date.now() - 5 * HOUR);
    const item = checkin(walker!.ticketCode, phoneTime);
    const before = Date.now();
    await sync(cookie, [item]);
    const row = await db.checkIn.findUniqueOrThrow({ where: { clientId: item.id } });
    expect(row.deviceAt!.toISOString()).toBe(phoneTime.toISOString());
    expect(Math.abs(row.checkedInAt.getTime() - before)).toBeLessThan(60_000);
    expect(row.method).toBe("GATE");
  });

  it("registers walk-ups beyond the capacity up to the places kept for them, then says the walk is full", async () => {
    const event = await createTestEvent(db, { capacity: 2 });
    await insertWalkers(db, event.id, [{}, {}]);
    await db.event.update({ where: { id: event.id }, data: { walkUpPlaces: 1 } });
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    const minor = walkUp({ ageBand: "UNDER_12", guardianName: "Ana Guardian", guardianConsent: true, tshirtSize: null });
    const { results } = await sync(cookie, [minor, walkUp()]);
    expect(results[0]).toMatchObject({ id: minor.id, ok: true, outcome: "walkup_created", ticketCode: expect.stringMatching(/^[0-9A-Z]{10}$/) });
    expect(results[1]).toMatchObject({ ok: false, reason: "full", message: { en: expect.stringContaining("full") } });
    const created = await db.walker.findUniqueOrThrow({ where: { ticketCode: results[0]!.ticketCode as string }, include: { checkIn: true } });
    expect(created).toMatchObject({ status: "CONFIRMED", email: "", guardianName: "Ana Guardian", guardianConsent: true, emergencyContactPhone: "+18686201234" });
    expect(created.checkIn).toMatchObject({ method: "WALK_UP", gatePassId: pass.id, clientId: minor.id });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(3);
    const audit = await db.auditLog.findFirstOrThrow({ where: { gatePassId: pass.id, action: "gate.walk-up" } });
    expect(JSON.stringify(audit)).not.toMatch(/Rosa|Walkup|Ana Guardian|Juan|6201234/);
  });

  it("refuses an upload from another site's page", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const cookie = await signIn((await newPass(event.id)).token);
    const foreign = await syncRaw(cookie, JSON.stringify({ items: [checkin(walker!.ticketCode)] }), { origin: "https://evil.example", host: "localhost:3000" });
    expect(foreign.status).toBe(403);
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("gives the last places kept for walk-ups to exactly as many walk-ups, however many phones send at once", async () => {
    const event = await createTestEvent(db, { capacity: 1 });
    await insertWalkers(db, event.id, [{}]);
    await db.event.update({ where: { id: event.id }, data: { walkUpPlaces: 3 } });
    const phones = await Promise.all(Array.from({ length: 4 }, async () => signIn((await newPass(event.id)).token)));
    const answers = await Promise.all(phones.flatMap((cookie) => [sync(cookie, [walkUp()]), sync(cookie, [walkUp()])]));
    const outcomes = answers.map((a) => a.results[0]!.outcome ?? a.results[0]!.reason);
    expect(outcomes.filter((o) => o === "walkup_created")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "full")).toHaveLength(5);
    expect(await db.walker.count({ where: { eventId: event.id } })).toBe(4);
    expect(await db.checkIn.count({ where: { eventId: event.id, method: "WALK_UP" } })).toBe(3);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(4);
  });

  it("refuses an oversize upload with 413 and a sentence, and saves nothing", async () => {
    const event = await createTestEvent(db);
    const [walker] = await insertWalkers(db, event.id, [{}]);
    const cookie = await signIn((await newPass(event.id)).token);
    const tooMany = await syncRaw(cookie, JSON.stringify({ items: Array.from({ length: 201 }, () => checkin(walker!.ticketCode)) }));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).message).toContain("at most 200 items");
    const tooBig = await syncRaw(cookie, JSON.stringify({ items: [checkin(walker!.ticketCode)], padding: "x".repeat(300 * 1024) }));
    expect(tooBig.status).toBe(413);
    const tooBigEs = await syncRaw(cookie, JSON.stringify({ items: [], padding: "x".repeat(300 * 1024) }), { "accept-language": "es" });
    expect((await tooBigEs.json()).message).toContain("como máximo 200");
    const unreadable = await syncRaw(cookie, "{items:");
    expect(unreadable.status).toBe(400);
    expect(await db.checkIn.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("writes an audit entry for each of a pass's actions, holding no walker's name", async () => {
    const event = await createTestEvent(db);
    const [a, b] = await insertWalkers(db, event.id, [{ firstName: "Zelda", lastName: "Secretname" }, {}]);
    const pass = await newPass(event.id);
    const cookie = await signIn(pass.token);
    const first = checkin(a!.ticketCode);
    await sync(cookie, [first, checkin(a!.ticketCode), { id: randomUUID(), kind: "undo", checkinId: first.id, at: new Date().toISOString() }, checkin(b!.ticketCode), walkUp()]);
    const firstList = await (await list(cookie)).json();
    await list(cookie, firstList.cursor); // the changes since: not audited
    const entries = await db.auditLog.findMany({ where: { gatePassId: pass.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.action)).toEqual([
      "gate.pass.open",
      "walker.check-in",
      "gate.duplicate-scan",
      "walker.check-in.undo",
      "walker.check-in",
      "gate.walk-up",
      "gate.list.full",
    ]);
    expect(entries.at(-1)!.after).toEqual({ walkers: 3 });
    expect(entries.every((e) => e.actorId === null)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/Zelda|Secretname|Rosa|Walkup/);
  });
});

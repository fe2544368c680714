// The sign-up route's path (submitRegistration): one statement when the walk's row is known to the
// process, two otherwise, and never a registration built from an out-of-date copy of the walk.
import { readFileSync } from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestEvent, publishTestEvent } from "../../test/support/events";
import { createPrismaClient } from "../db/client";
import { pool, signUpPool } from "../db/pool";
import { env } from "../env";
import { submitRegistration, type SubmitResult } from "./submit";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import { saveLegalText } from "../events/legal-texts";
import { createActor } from "../../test/support/walkers";

// Each test publishes a walk of its own, the one sign-ups go to: in a database of the file's own.
await vi.hoisted(async () => (await import("../../test/support/own-database")).useOwnDatabase("sign_up"));

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());

// Statements sent on the app's pools: each takes a connection from one. The registration statements
// go on the sign-up pool (lib/db/pool.ts: signUpPool), everything else on the main one.
let statements = 0;
let onMainPool = 0;
let onSignUpPool = 0;
beforeAll(() => {
  pool().on("acquire", () => (statements++, onMainPool++));
  signUpPool().on("acquire", () => (statements++, onSignUpPool++));
});

const day = 86_400_000;
let walks = 0;

/**
 * A walk of the test's own, published (the walk sign-ups go to), a century or more ahead, and a
 * moment two days before it ends (its sign-ups are open then).
 */
async function walkAndMoment(capacity = 100) {
  const event = await createTestEvent(db, { capacity, endsInDays: 36_500 + walks++ * 2_000 + Math.floor(Math.random() * 1_000) });
  await publishTestEvent(db, event.id);
  return { event, now: new Date(event.endsAt.getTime() - 2 * day) };
}

function form(fields: { email?: string; firstName?: string; lastName?: string; waiverVersion?: string; privacyVersion?: string | null; joinWaitingList?: boolean; language?: "EN" | "ES" } = {}): FormData {
  const data = new FormData();
  const entries: [string, string][] = [
    ["submissionKey", randomBytes(12).toString("base64url")],
    ["waiverVersion", fields.waiverVersion ?? "test-1"],
    ...(fields.privacyVersion === null ? [] : [["privacyVersion", fields.privacyVersion ?? PRIVACY_NOTICE_VERSION] as [string, string]]),
    ["website", ""],
    ["contactEmail", fields.email ?? `walker.${randomUUID()}@example.org`],
    ["walkers.0.firstName", fields.firstName ?? "Rosa"],
    ["walkers.0.lastName", fields.lastName ?? `Known ${randomUUID().slice(0, 8)}`],
    ["walkers.0.ageBand", "AGE_35_54"],
    ["walkers.0.emergencyContactName", "Someone Else"],
    ["walkers.0.emergencyContactPhone", "6201234"],
    ["language", fields.language ?? "EN"],
    ["waiverAccepted", "on"],
    ["privacyAccepted", "on"],
  ];
  if (fields.joinWaitingList) entries.push(["joinWaitingList", "on"]);
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const client = () => new Headers({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}` });

/** Runs one submission and says how many statements it sent. */
async function submit(data: FormData, headers: Headers, now: Date): Promise<{ result: SubmitResult; statements: number }> {
  const before = statements;
  const result = await submitRegistration(data, headers, now);
  return { result, statements: statements - before };
}

const hits = async (headers: Headers) =>
  (await db.rateLimit.findUnique({ where: { key: `register:${headers.get("x-forwarded-for")}` } }))?.count ?? 0;

async function walkersOf(eventId: string, contactEmail: string) {
  return db.walker.findMany({ where: { eventId, group: { contactEmail } }, select: { status: true } });
}

async function confirmationTo(address: string) {
  return db.emailOutbox.findFirstOrThrow({ where: { toAddress: address, template: "registration-confirmed" } });
}

describe("submitRegistration", () => {
  it("registers in one statement once the walk is known, and in two when it is not", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    const first = await submit(form({ email: "first@example.org" }), headers, now);
    const second = await submit(form({ email: "second@example.org" }), headers, now);
    expect(first.result.ok && second.result.ok).toBe(true);
    // The first learnt the walk (the process knew another walk, or none): the limit's hit with the
    // walk's row, then the registration. The second sent one statement.
    expect(first.statements).toBe(2);
    expect(second.statements).toBe(1);
    expect(await walkersOf(event.id, "second@example.org")).toEqual([{ status: "CONFIRMED" }]);
    // Each walker records the privacy notice's version the form showed.
    const recorded = await db.walker.findFirstOrThrow({ where: { eventId: event.id, email: "second@example.org" }, select: { privacyVersion: true } });
    expect(recorded.privacyVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(await hits(headers)).toBe(2);
    const email = await confirmationTo("second@example.org");
    expect(email.payload).toMatchObject({ event: { name: "Test Walk", venue: event.venueAddress }, tickets: [{ status: "CONFIRMED" }] });
  });

  it("gives a Spanish-speaking walker the walk's name and venue in Spanish once organisers wrote them", async () => {
    const { event, now } = await walkAndMoment();
    await db.event.update({ where: { id: event.id }, data: { venueAddressEs: "Queen's Park Savannah, Puerto España" } });
    expect((await submit(form({ email: "espanol@example.org", language: "ES" }), client(), now)).result.ok).toBe(true);
    expect((await confirmationTo("espanol@example.org")).payload).toMatchObject({
      event: { name: "Caminata de prueba", venue: "Queen's Park Savannah, Puerto España" },
    });
  });

  it("never builds a sign-up from an out-of-date copy of the walk: an edited walk is read again", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    expect((await submit(form(), headers, now)).result.ok).toBe(true);
    await db.event.update({ where: { id: event.id }, data: { nameEn: "Renamed Walk", venueAddress: "North side of the Savannah" } });

    const afterEdit = await submit(form({ email: "after-edit@example.org" }), headers, now);
    expect(afterEdit.result.ok).toBe(true);
    // The one statement refused the old copy (counting the hit only) and handed back the walk's row.
    expect(afterEdit.statements).toBe(2);
    expect((await confirmationTo("after-edit@example.org")).payload).toMatchObject({
      event: { name: "Renamed Walk", venue: "North side of the Savannah" },
    });
    expect(await walkersOf(event.id, "after-edit@example.org")).toHaveLength(1);
    expect(await hits(headers)).toBe(2);
    expect((await submit(form(), headers, now)).statements).toBe(1);
  });

  it("goes to the walk published next, and says sign-ups are closed when none is open", async () => {
    const { event: earlier, now } = await walkAndMoment();
    const headers = client();
    expect((await submit(form(), headers, now)).result.ok).toBe(true);
    const { event: later } = await walkAndMoment(); // published: the earlier walk is past now

    const moved = await submit(form({ email: "moved@example.org" }), headers, now);
    expect(moved.result.ok).toBe(true);
    expect(await walkersOf(later.id, "moved@example.org")).toHaveLength(1);
    expect(await walkersOf(earlier.id, "moved@example.org")).toHaveLength(0);

    const none = await submit(form({ email: "none@example.org" }), headers, new Date("2999-01-01T00:00:00Z"));
    expect(none.result).toMatchObject({ ok: false, state: { message: "closed", values: { contactEmail: "none@example.org" } } });
    expect(await db.walker.count({ where: { group: { contactEmail: "none@example.org" } } })).toBe(0);
    expect(await hits(headers)).toBe(3);
  });

  it("counts the limit in the same statement and registers nobody over it", async () => {
    const { event, now } = await walkAndMoment();
    const warm = client();
    expect((await submit(form(), warm, now)).result.ok).toBe(true);

    const headers = client();
    const limit = env().RATE_LIMIT_SIGNUPS;
    await db.rateLimit.create({
      data: { key: `register:${headers.get("x-forwarded-for")}`, count: limit, resetAt: new Date(Date.now() + 5 * 60_000) },
    });
    const over = await submit(form({ email: "over@example.org" }), headers, now);
    expect(over.statements).toBe(1);
    expect(over.result).toMatchObject({ ok: false, state: { message: "rateLimited", messageValues: { minutes: 5 } } });
    expect(await walkersOf(event.id, "over@example.org")).toHaveLength(0);
    expect(await hits(headers)).toBe(limit + 1);
  });

  it("still counts the hit of someone already registered, whose statement was undone", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    const person = { email: "twice@example.org", firstName: "Ana", lastName: "Twice" };
    expect((await submit(form(person), headers, now)).result.ok).toBe(true);
    const again = await submit(form(person), headers, now);
    expect(again.result).toMatchObject({ ok: false, state: { message: "alreadyRegistered" } });
    expect(await walkersOf(event.id, "twice@example.org")).toHaveLength(1);
    expect(await hits(headers)).toBe(2);
  });

  it("answers a form with errors after counting its hit, and keeps what was typed", async () => {
    const { now } = await walkAndMoment();
    const headers = client();
    expect((await submit(form(), headers, now)).result.ok).toBe(true);
    const bad = form({ email: "not-an-address" });
    const answer = await submit(bad, headers, now);
    expect(answer.result).toMatchObject({ ok: false, state: { fieldErrors: { contactEmail: expect.any(String) }, values: { contactEmail: "not-an-address" } } });
    expect(await hits(headers)).toBe(2);
  });

  it("sends a burst of registrations through the sign-up pool's one connection, those that waited in one batch, and every one registers", async () => {
    const { event, now } = await walkAndMoment(1_000);
    expect((await submit(form(), client(), now)).result.ok).toBe(true);
    const main = onMainPool;
    const signUps = onSignUpPool;
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submitRegistration(form({ email: `burst-${i}@example.org` }), client(), now)),
    );
    expect(burst.filter((result) => result.ok)).toHaveLength(20);
    expect(new Set(burst.map((result) => (result.ok ? result.manageToken : "")))).toHaveProperty("size", 20);
    // All on the sign-up pool, which never opened a second connection, in a few trips: the first
    // sign-up found the connection free and went alone; the 19 that waited went in batches of
    // DATABASE_SIGN_UP_BATCH_SIZE, each one message and one commit (lib/db/batch.ts).
    expect(onSignUpPool - signUps).toBe(1 + Math.ceil(19 / env().DATABASE_SIGN_UP_BATCH_SIZE));
    expect(onSignUpPool - signUps).toBeLessThan(20);
    expect(onMainPool - main).toBe(0);
    expect(env().DATABASE_SIGN_UP_POOL_SIZE).toBe(1);
    expect(signUpPool().totalCount).toBe(1);
    expect(await db.walker.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(21);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(21);
  });

  it("500 simultaneous sign-ups for the last 10 places through the route's batched path: 10 confirmed, the rest waiting, a form sent twice and a person twice never doubled", async () => {
    const { event, now } = await walkAndMoment(11);
    expect((await submit(form({ joinWaitingList: true }), client(), now)).result.ok).toBe(true);
    const forms = Array.from({ length: 498 }, (_, i) => form({ email: `rush-${i}@example.org`, lastName: `Rush ${i}`, joinWaitingList: true }));
    // The same form sent twice (one submission key), and the same person again on a form of their own.
    const burst = [...forms, forms[5]!, form({ email: "rush-7@example.org", lastName: "Rush 7", joinWaitingList: true })];
    const results = await Promise.all(burst.map((data) => submitRegistration(data, client(), now)));

    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.state.message)).toEqual(["alreadyRegistered"]);
    const sameForm = [results[5]!, results[498]!].map((r) => (r.ok ? r.manageToken : null));
    expect(sameForm[0]).toBeTruthy();
    expect(sameForm[1]).toBe(sameForm[0]);
    expect(await db.walker.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(11);
    expect(await db.walker.count({ where: { eventId: event.id, status: "WAITING" } })).toBe(488);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(11);
    // One group and one email per registration; no email of an undone batch was kept.
    const groups = await db.registrationGroup.findMany({ where: { eventId: event.id }, select: { id: true } });
    expect(groups).toHaveLength(499);
    expect(
      await db.emailOutbox.count({ where: { idempotencyKey: { in: groups.map((g) => `registration-confirmed:${g.id}:contact`) } } }),
    ).toBe(499);
    expect(await db.walker.count({ where: { eventId: event.id, email: "rush-7@example.org" } })).toBe(1);
  }, 120_000);

  it("shows a changed waiver again, unticked, at its new version", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    expect((await submit(form(), headers, now)).result.ok).toBe(true);
    const answer = await submit(form({ waiverVersion: "test-0", email: "old-waiver@example.org" }), headers, now);
    expect(answer.result).toMatchObject({ ok: false, state: { message: "waiverChanged", values: { waiverAccepted: "", waiverVersion: "test-1" } } });
    expect(await walkersOf(event.id, "old-waiver@example.org")).toHaveLength(0);
  });

  it("refuses a form that showed another privacy notice, or none, with a sentence, and records the version accepted", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    for (const privacyVersion of ["2020-1", null]) {
      const answer = await submit(form({ privacyVersion, email: "old-notice@example.org" }), headers, now);
      expect(answer.result).toMatchObject({
        ok: false,
        state: { message: "privacyChanged", values: { privacyAccepted: "", privacyVersion: PRIVACY_NOTICE_VERSION, contactEmail: "old-notice@example.org" } },
      });
    }
    expect(await walkersOf(event.id, "old-notice@example.org")).toHaveLength(0);
    // The page shows the message key as a sentence, in both languages.
    for (const [language, start] of [["en", "The privacy notice was updated"], ["es", "El aviso de privacidad se actualizó"]]) {
      const messages = JSON.parse(readFileSync(`messages/${language}.json`, "utf8")) as { Register: { messages: Record<string, string> } };
      expect(messages.Register.messages.privacyChanged).toMatch(new RegExp(`^${start} .*\\.$`));
    }

    expect((await submit(form({ email: "current-notice@example.org" }), headers, now)).result.ok).toBe(true);
    const [walker] = await db.walker.findMany({ where: { eventId: event.id, email: "current-notice@example.org" }, select: { privacyVersion: true } });
    expect(walker?.privacyVersion).toBe(PRIVACY_NOTICE_VERSION);
  });

  it("records the walk's own waiver and notice once organisers save them; walkers keep the versions they accepted", async () => {
    const { event, now } = await walkAndMoment();
    const headers = client();
    const versions = async (email: string) =>
      db.walker.findFirstOrThrow({ where: { eventId: event.id, email }, select: { waiverVersion: true, privacyVersion: true } });
    expect((await submit(form({ email: "before-save@example.org" }), headers, now)).result.ok).toBe(true);

    const organiser = await createActor(db);
    const waiver = await saveLegalText(organiser, event.id, { kind: "WAIVER", openedAt: "test-1", bodyEn: "New waiver.", bodyEs: "Nueva exención." });
    const notice = await saveLegalText(organiser, event.id, { kind: "PRIVACY", openedAt: PRIVACY_NOTICE_VERSION, bodyEn: "New notice.", bodyEs: "Nuevo aviso." });
    expect(await versions("before-save@example.org")).toEqual({ waiverVersion: "test-1", privacyVersion: PRIVACY_NOTICE_VERSION });

    // A form showing the new versions, while this process's copy of the walk is older than the save:
    // the walk is read again, then the one statement registers.
    const fresh = await submit(form({ email: "after-save@example.org", waiverVersion: waiver.version, privacyVersion: notice.version }), headers, now);
    expect(fresh.result.ok).toBe(true);
    expect(fresh.statements).toBe(2);
    expect(await versions("after-save@example.org")).toEqual({ waiverVersion: waiver.version, privacyVersion: notice.version });

    // A form opened before the save is shown again at the new versions, unticked.
    const staleNotice = await submit(form({ email: "stale@example.org", waiverVersion: waiver.version }), headers, now);
    expect(staleNotice.result).toMatchObject({ ok: false, state: { message: "privacyChanged", values: { privacyAccepted: "", privacyVersion: notice.version } } });
    const staleWaiver = await submit(form({ email: "stale@example.org", privacyVersion: notice.version }), headers, now);
    expect(staleWaiver.result).toMatchObject({ ok: false, state: { message: "waiverChanged", values: { waiverAccepted: "", waiverVersion: waiver.version } } });
    expect(await walkersOf(event.id, "stale@example.org")).toHaveLength(0);
    expect(await versions("before-save@example.org")).toEqual({ waiverVersion: "test-1", privacyVersion: PRIVACY_NOTICE_VERSION });
  });
});

import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/client";
import { createTestEvent } from "../../test/support/events";
import { AlreadyRegisteredError, GroupDoesNotFitError, InvalidManageLinkError } from "./errors";
import { signManageToken } from "./manage-token";
import { byManageLink, byOrganiser, cancelWalkers, deleteOwnData, resendTickets, sendManageLinks, updateWalker } from "./mutations";
import { registerWalkers } from "./sign-up";
import { getGroupData, getManageView } from "./queries";
import { registrationSchema, type RegistrationInput } from "./schema";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";

const db = createPrismaClient(process.env.DATABASE_URL!, 3);
afterAll(() => db.$disconnect());

const secret = process.env.AUTH_SECRET!;
const key = () => randomBytes(12).toString("base64url");

function signUp(names: [string, string][], overrides: Partial<Record<string, unknown>> = {}): RegistrationInput {
  return registrationSchema.parse({
    submissionKey: key(),
    website: "",
    contactEmail: `${names[0]![0].toLowerCase()}.${key()}@example.org`,
    language: "EN",
    walkers: names.map(([firstName, lastName]) => ({
      firstName,
      lastName,
      ageBand: "AGE_35_54",
      emergencyContactName: "Someone Else",
      emergencyContactPhone: "6201234",
    })),
    waiverAccepted: "on",
    privacyAccepted: "on",
    waiverVersion: "test-1",
    privacyVersion: PRIVACY_NOTICE_VERSION,
    joinWaitingList: "on",
    ...overrides,
  });
}

async function counts(eventId: string) {
  const rows = await db.walker.groupBy({ by: ["status"], where: { eventId }, _count: true });
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true } });
  const by = Object.fromEntries(rows.map((r) => [r.status, r._count]));
  return { confirmed: by.CONFIRMED ?? 0, waiting: by.WAITING ?? 0, cancelled: by.CANCELLED ?? 0, counter: event.confirmedCount };
}

const outbox = (prefix: string) =>
  db.emailOutbox.findMany({ where: { idempotencyKey: { startsWith: prefix } }, orderBy: { createdAt: "asc" } });

describe("registerWalkers", () => {
  it("never oversells: 200 simultaneous sign-ups for the last 5 places", async () => {
    const event = await createTestEvent(db, { capacity: 800, confirmedCount: 795 });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => registerWalkers(event.id, signUp([[`Walker${i}`, "Rush"]]))),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    const statuses = results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status);
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(5);
    expect(await counts(event.id)).toEqual({ confirmed: 5, waiting: 195, cancelled: 0, counter: 800 });
    const codes = await db.walker.findMany({ where: { eventId: event.id }, select: { ticketCode: true, groupId: true } });
    expect(new Set(codes.map((c) => c.ticketCode)).size).toBe(200);
    expect(new Set(codes.map((c) => c.groupId)).size).toBe(200);
    const groupIds = codes.map((c) => c.groupId);
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { in: groupIds.map((g) => `registration-confirmed:${g}:contact`) } } })).toBe(200);
  }, 120_000);

  it("500 simultaneous sign-ups for the last 10 places: exactly 10 confirmed, 490 waiting, none lost or doubled", async () => {
    const event = await createTestEvent(db, { capacity: 800, confirmedCount: 790 });
    const forms = Array.from({ length: 500 }, (_, i) => signUp([[`Rush${i}`, "Last"]]));
    const results = await Promise.allSettled(forms.map((form) => registerWalkers(event.id, form)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const answered = results.map((r) => (r as PromiseFulfilledResult<{ status: string; groupId: string }>).value);
    expect(answered.filter((a) => a.status === "CONFIRMED")).toHaveLength(10);
    expect(answered.filter((a) => a.status === "WAITING")).toHaveLength(490);
    expect(await counts(event.id)).toEqual({ confirmed: 10, waiting: 490, cancelled: 0, counter: 800 });
    // Every answer is a row, each form exactly one, and each walker's status is the one they were told.
    const walkers = await db.walker.findMany({ where: { eventId: event.id }, select: { groupId: true, status: true, email: true, seq: true } });
    expect(walkers).toHaveLength(500);
    expect(new Set(walkers.map((w) => w.groupId))).toEqual(new Set(answered.map((a) => a.groupId)));
    expect(new Set(walkers.map((w) => w.email)).size).toBe(500);
    const told = new Map(answered.map((a) => [a.groupId, a.status]));
    for (const w of walkers) expect(w.status).toBe(told.get(w.groupId));
    // The waiting list is one unbroken order behind the confirmed walkers.
    expect(new Set(walkers.map((w) => w.seq)).size).toBe(500);
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { in: answered.map((a) => `registration-confirmed:${a.groupId}:contact`) } } })).toBe(500);
    // Each email tells the walker what they were told on the page.
    for (const a of [answered.find((x) => x.status === "CONFIRMED")!, answered.find((x) => x.status === "WAITING")!]) {
      const [email] = await outbox(`registration-confirmed:${a.groupId}:contact`);
      const payload = email!.payload as { tickets: { status: string }[]; waitingPosition: number | null };
      expect(payload.tickets[0]!.status).toBe(a.status);
      if (a.status === "WAITING") expect(payload.waitingPosition).toBeGreaterThanOrEqual(1);
      else expect(payload.waitingPosition).toBeNull();
    }
  }, 180_000);

  it("creates one registration however often the same form is submitted", async () => {
    const event = await createTestEvent(db, { capacity: 10 });
    const input = signUp([["Ana", "Twice"]]);
    const [first, second] = await Promise.all([registerWalkers(event.id, input), registerWalkers(event.id, input)]);
    const third = await registerWalkers(event.id, input);
    expect(new Set([first.groupId, second.groupId, third.groupId]).size).toBe(1);
    expect([first.repeated, second.repeated, third.repeated].filter(Boolean)).toHaveLength(2);
    // A repeat answers with the same manage link and status as the first.
    expect(new Set([first.manageToken, second.manageToken, third.manageToken]).size).toBe(1);
    expect([first.status, second.status, third.status]).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect(await counts(event.id)).toEqual({ confirmed: 1, waiting: 0, cancelled: 0, counter: 1 });
    expect(await outbox(`registration-confirmed:${first.groupId}`)).toHaveLength(1);
  });

  it("answers a repeat of a form that joined the waiting list as waiting, with the same manage link", async () => {
    const event = await createTestEvent(db, { capacity: 0 });
    const input = signUp([["Wen", "Waits"]]);
    const first = await registerWalkers(event.id, input);
    const again = await registerWalkers(event.id, input);
    expect(first).toMatchObject({ status: "WAITING", repeated: false });
    expect(again).toEqual({ ...first, repeated: true });
  });

  it("refuses the same person in a new form, and accepts them again once cancelled", async () => {
    const event = await createTestEvent(db, { capacity: 10 });
    const first = await registerWalkers(event.id, signUp([["Bea", "Once"]], { contactEmail: "bea@example.org" }));
    await expect(
      registerWalkers(event.id, signUp([["BEA ", "once"]], { contactEmail: "Bea@Example.org" })),
    ).rejects.toBeInstanceOf(AlreadyRegisteredError);
    expect(await counts(event.id)).toEqual({ confirmed: 1, waiting: 0, cancelled: 0, counter: 1 });
    await cancelWalkers(byManageLink(first.manageToken), "all");
    await registerWalkers(event.id, signUp([["Bea", "Once"]], { contactEmail: "bea@example.org" }));
    expect(await counts(event.id)).toEqual({ confirmed: 1, waiting: 0, cancelled: 1, counter: 1 });
  });

  it("gives each walker of a group a ticket, and offers a group that does not fit the waiting list, all together", async () => {
    const event = await createTestEvent(db, { capacity: 4 });
    const family = await registerWalkers(event.id, signUp([["Carl", "Fam"], ["Cora", "Fam"], ["Cid", "Fam"]]));
    expect(family.status).toBe("CONFIRMED");
    const walkers = await db.walker.findMany({ where: { groupId: family.groupId }, select: { ticketCode: true, email: true } });
    expect(walkers).toHaveLength(3);
    expect(new Set(walkers.map((w) => w.ticketCode)).size).toBe(3);
    expect(new Set(walkers.map((w) => w.email)).size).toBe(1);

    const school = signUp([["Dan", "School"], ["Dee", "School"]], { joinWaitingList: "" });
    await expect(registerWalkers(event.id, school)).rejects.toEqual(new GroupDoesNotFitError(1, 2));
    expect(await counts(event.id)).toEqual({ confirmed: 3, waiting: 0, cancelled: 0, counter: 3 });
    const waiting = await registerWalkers(event.id, { ...school, joinWaitingList: true });
    expect(waiting.status).toBe("WAITING");
    expect(await counts(event.id)).toEqual({ confirmed: 3, waiting: 2, cancelled: 0, counter: 3 });
  });
});

describe("cancelWalkers", () => {
  it("frees places and promotes the waiting list in order, with an email to each promoted group", async () => {
    const event = await createTestEvent(db, { capacity: 2 });
    const a = await registerWalkers(event.id, signUp([["Amy", "A"], ["Abe", "A"]]));
    const b = await registerWalkers(event.id, signUp([["Bob", "B"]]));
    const c = await registerWalkers(event.id, signUp([["Cat", "C"]]));
    const d = await registerWalkers(event.id, signUp([["Dot", "D"]]));
    expect([a.status, b.status, c.status, d.status]).toEqual(["CONFIRMED", "WAITING", "WAITING", "WAITING"]);
    // Each email tells its place in the queue and shows waiting tickets; the confirmed one has no place.
    const sent = async (groupId: string) => {
      const [email] = await outbox(`registration-confirmed:${groupId}`);
      return email!.payload as { waitingPosition: number | null; tickets: { status: string }[] };
    };
    expect(await sent(a.groupId)).toMatchObject({ waitingPosition: null, tickets: [{ status: "CONFIRMED" }, { status: "CONFIRMED" }] });
    expect(await Promise.all([b, c, d].map((g) => sent(g.groupId)))).toMatchObject([
      { waitingPosition: 1, tickets: [{ status: "WAITING" }] },
      { waitingPosition: 2, tickets: [{ status: "WAITING" }] },
      { waitingPosition: 3, tickets: [{ status: "WAITING" }] },
    ]);
    const view = await getManageView(d.manageToken, "en");
    expect(view?.walkers[0]?.waitingPosition).toBe(3);

    const amy = await db.walker.findFirstOrThrow({ where: { groupId: a.groupId, firstName: "Amy" } });
    expect(await cancelWalkers(byManageLink(a.manageToken), [amy.id])).toEqual({ cancelled: 1, promoted: 1 });
    const status = async (groupId: string) => (await db.walker.findFirstOrThrow({ where: { groupId } })).status;
    expect([await status(b.groupId), await status(c.groupId), await status(d.groupId)]).toEqual(["CONFIRMED", "WAITING", "WAITING"]);
    expect(await outbox(`walker-promoted:${b.groupId}`)).toHaveLength(1);
    expect(await outbox(`walker-promoted:${c.groupId}`)).toHaveLength(0);

    expect(await cancelWalkers(byManageLink(a.manageToken), "all")).toEqual({ cancelled: 1, promoted: 1 });
    expect([await status(c.groupId), await status(d.groupId)]).toEqual(["CONFIRMED", "WAITING"]);
    const [promotion] = await outbox(`walker-promoted:${c.groupId}`);
    expect(promotion).toMatchObject({ template: "walker-promoted", status: "QUEUED" });
    expect((promotion!.payload as { tickets: { firstName: string }[] }).tickets[0]!.firstName).toBe("Cat");
    expect(await counts(event.id)).toEqual({ confirmed: 2, waiting: 1, cancelled: 2, counter: 2 });
    expect((await getManageView(d.manageToken, "en"))?.walkers[0]?.waitingPosition).toBe(1);
    // Cancelling again changes nothing.
    expect(await cancelWalkers(byManageLink(a.manageToken), "all")).toEqual({ cancelled: 0, promoted: 0 });
  });
});

describe("deleteOwnData", () => {
  it("deletes one walker's data, then the group's: places to the waiting list, one last email, nothing personal left", async () => {
    const event = await createTestEvent(db, { capacity: 2 });
    const a = await registerWalkers(event.id, signUp([["Rosa", "Delete"], ["Tomas", "Delete"]]));
    const b = await registerWalkers(event.id, signUp([["Wendy", "Waiting"]]));
    expect([a.status, b.status]).toEqual(["CONFIRMED", "WAITING"]);
    const contact = (await db.registrationGroup.findUniqueOrThrow({ where: { id: a.groupId } })).contactEmail;
    const tomas = await db.walker.findFirstOrThrow({ where: { groupId: a.groupId, firstName: "Tomas" } });

    // One walker (not the contact): cancelled, erased, the waiting group promoted.
    expect(await deleteOwnData(a.manageToken, [tomas.id])).toEqual({ deleted: 1, promoted: 1, groupErased: false });
    expect(await db.walker.findUniqueOrThrow({ where: { id: tomas.id } })).toMatchObject({ status: "CANCELLED", firstName: "", lastName: "", email: "", emergencyContactName: "" });
    expect((await db.walker.findFirstOrThrow({ where: { groupId: b.groupId } })).status).toBe("CONFIRMED");
    expect(await outbox(`walker-promoted:${b.groupId}`)).toHaveLength(1);
    // The group's earlier emails named Tomas: they are erased; the last email is queued to the contact.
    expect(await outbox(`registration-confirmed:${a.groupId}`)).toHaveLength(0);
    const [last] = await outbox(`data-deleted:${a.groupId}`);
    expect(last).toMatchObject({ toAddress: contact, status: "QUEUED", payload: { walkName: "Test Walk", count: 1 } });
    expect((await getGroupData(a.manageToken))?.state).toBe("kept");

    // Deleting the same walker again: nothing is stored about them.
    expect(await deleteOwnData(a.manageToken, [tomas.id])).toEqual({ deleted: 0, promoted: 0, groupErased: false });

    // The whole group: the contact's own data goes, and the link says nothing is stored.
    expect(await deleteOwnData(a.manageToken, "all")).toEqual({ deleted: 1, promoted: 0, groupErased: true });
    const group = await db.registrationGroup.findUniqueOrThrow({ where: { id: a.groupId }, include: { walkers: true } });
    expect(group.contactEmail).toBe("");
    for (const w of group.walkers) expect(w).toMatchObject({ firstName: "", lastName: "", email: "", phone: null, guardianName: null, status: "CANCELLED" });
    expect(await getGroupData(a.manageToken)).toEqual({ state: "erased" });
    expect(await getManageView(a.manageToken, "en")).toBeNull();
    await expect(deleteOwnData(a.manageToken, "all")).rejects.toThrow(InvalidManageLinkError);
    // The anonymous rows still count: two cancelled, one confirmed.
    expect(await counts(event.id)).toEqual({ confirmed: 1, waiting: 0, cancelled: 2, counter: 1 });
    // Only the two last emails hold the contact's address, until they are sent.
    const addressed = await db.emailOutbox.findMany({ where: { toAddress: contact } });
    expect(addressed.map((e) => e.template)).toEqual(["data-deleted", "data-deleted"]);
  });

  it("deleting the contact's own walker deletes the whole group's data", async () => {
    const event = await createTestEvent(db, { capacity: 10 });
    const a = await registerWalkers(event.id, signUp([["Lead", "Er"], ["Kid", "Er"]]));
    const leader = await db.walker.findFirstOrThrow({ where: { groupId: a.groupId, isGroupLeader: true } });
    expect(await deleteOwnData(a.manageToken, [leader.id])).toMatchObject({ deleted: 2, groupErased: true });
  });
});

describe("manage links", () => {
  it("refuses forged, altered, expired and replaced tokens and changes nothing", async () => {
    const event = await createTestEvent(db, { capacity: 5 });
    const reg = await registerWalkers(event.id, signUp([["Eve", "Token"]]));
    const walker = await db.walker.findFirstOrThrow({ where: { groupId: reg.groupId } });
    const [groupId, version, expires, signature] = reg.manageToken.split(".") as [string, string, string, string];
    const other = await registerWalkers(event.id, signUp([["Fay", "Other"]]));
    const bad = [
      signManageToken("a-different-secret-a-different-secret", { groupId, version: 1, expiresAt: event.endsAt }),
      `${groupId}.${version}.${Number(expires) + 3600}.${signature}`,
      `${other.groupId}.${version}.${expires}.${signature}`,
      `${groupId}.${version}.${expires}.${signature.slice(0, -2)}AA`,
      signManageToken(secret, { groupId, version: 1, expiresAt: new Date(Date.now() - 1000) }),
      signManageToken(secret, { groupId, version: 2, expiresAt: event.endsAt }),
      "not-a-token",
    ];
    for (const token of bad) {
      expect(await getManageView(token, "en")).toBeNull();
      await expect(cancelWalkers(byManageLink(token), "all")).rejects.toBeInstanceOf(InvalidManageLinkError);
      await expect(
        updateWalker(byManageLink(token), walker.id, { ...walker, firstName: "Changed", email: walker.email, phone: undefined, tshirtSize: undefined, accessibilityNeeds: undefined, guardianName: undefined } as never),
      ).rejects.toBeInstanceOf(InvalidManageLinkError);
      await expect(resendTickets(byManageLink(token))).rejects.toBeInstanceOf(InvalidManageLinkError);
    }
    const after = await db.walker.findUniqueOrThrow({ where: { id: walker.id } });
    expect(after).toEqual(walker);
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { startsWith: `ticket-resent:${reg.groupId}` } } })).toBe(0);
    expect(await getManageView(reg.manageToken, "en")).not.toBeNull();
  });

  it("works until the walk's data is erased: a day after the walk it shows, downloads and deletes the data, and changes nothing else", async () => {
    const event = await createTestEvent(db, { capacity: 2 });
    const reg = await registerWalkers(event.id, signUp([["Ida", "After"], ["Jon", "After"]]));
    const waiting = await registerWalkers(event.id, signUp([["Kim", "Waiting"]]));
    expect(waiting.status).toBe("WAITING");
    // The link is minted to last until the purge: the walk's end plus its retention period (60 days).
    const erasedOn = new Date(event.endsAt.getTime() + 60 * 86_400_000);
    expect(Number(reg.manageToken.split(".")[2]) * 1000).toBe(Math.floor(erasedOn.getTime() / 1000) * 1000);
    const jon = await db.walker.findFirstOrThrow({ where: { groupId: reg.groupId, firstName: "Jon" } });
    const before = await db.walker.findUniqueOrThrow({ where: { id: jon.id } });

    const dayAfter = new Date(event.endsAt.getTime() + 86_400_000); // the walk ended yesterday
    expect(await getManageView(reg.manageToken, "en", dayAfter)).toMatchObject({ event: { erasedOn } });
    expect((await getGroupData(reg.manageToken, dayAfter))?.state).toBe("kept");
    // No more changes through the link once the walk is over.
    await expect(cancelWalkers(byManageLink(reg.manageToken), "all", dayAfter)).rejects.toBeInstanceOf(InvalidManageLinkError);
    await expect(updateWalker(byManageLink(reg.manageToken), jon.id, { ...before, firstName: "Changed", phone: undefined, tshirtSize: undefined, accessibilityNeeds: undefined, guardianName: undefined } as never, dayAfter)).rejects.toBeInstanceOf(InvalidManageLinkError);
    await expect(resendTickets(byManageLink(reg.manageToken), dayAfter)).rejects.toBeInstanceOf(InvalidManageLinkError);
    expect(await db.walker.findUniqueOrThrow({ where: { id: jon.id } })).toEqual(before);
    // Deleting one's data still works: erased at once, keeping the status the walker walked with;
    // nobody is promoted after the walk.
    expect(await deleteOwnData(reg.manageToken, [jon.id], dayAfter)).toEqual({ deleted: 1, promoted: 0, groupErased: false });
    expect(await db.walker.findUniqueOrThrow({ where: { id: jon.id } })).toMatchObject({ firstName: "", email: "", status: "CONFIRMED" });
    expect((await db.walker.findFirstOrThrow({ where: { groupId: waiting.groupId } })).status).toBe("WAITING");
    expect(await outbox(`data-deleted:${reg.groupId}`)).toHaveLength(1);
    expect(await deleteOwnData(reg.manageToken, "all", dayAfter)).toMatchObject({ deleted: 1, groupErased: true });
    expect(await getGroupData(reg.manageToken, dayAfter)).toEqual({ state: "erased" });

    // After the purge date the link opens nothing.
    const other = await registerWalkers(event.id, signUp([["Lea", "Late"]]));
    expect(await getManageView(other.manageToken, "en", new Date(erasedOn.getTime() - 1000))).not.toBeNull();
    expect(await getManageView(other.manageToken, "en", new Date(erasedOn.getTime() + 1000))).toBeNull();
    expect(await getGroupData(other.manageToken, new Date(erasedOn.getTime() + 1000))).toBeNull();
  });

  it("records an organiser's walker edit: who, which walker, which fields", async () => {
    const event = await createTestEvent(db, { capacity: 5 });
    const reg = await registerWalkers(event.id, signUp([["Olga", "Organised"]]));
    const walker = await db.walker.findFirstOrThrow({ where: { groupId: reg.groupId } });
    const organiser = await db.user.create({ data: { email: `organiser.${key()}@example.org`, role: "ORGANISER" } });
    const actor = { userId: organiser.id, role: organiser.role };
    await updateWalker(byOrganiser(actor, event.id, walker.id), walker.id, {
      firstName: "Olga",
      lastName: "Reorganised",
      email: walker.email,
      phone: undefined,
      ageBand: "AGE_35_54",
      tshirtSize: "S",
      emergencyContactName: "Someone Else",
      emergencyContactPhone: walker.emergencyContactPhone,
      accessibilityNeeds: undefined,
      photoConsent: false,
      guardianName: undefined,
      guardianConsent: false,
    });
    const entries = await db.auditLog.findMany({ where: { action: "walker.edit", entityId: walker.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: organiser.id,
      entityType: "Walker",
      entityId: walker.id,
      before: { firstName: "Olga", lastName: "Organised", email: walker.email },
      after: { changed: ["lastName", "tshirtSize"], firstName: "Olga", lastName: "Reorganised", email: walker.email },
    });
    // Another walk's organiser path cannot reach this walker, and writes nothing.
    const elsewhere = await createTestEvent(db, { capacity: 5 });
    await expect(updateWalker(byOrganiser(actor, elsewhere.id, walker.id), walker.id, { ...walker, firstName: "X" } as never)).rejects.toThrow();
    expect(await db.auditLog.count({ where: { action: "walker.edit", entityId: walker.id } })).toBe(1);
  });

  it("edits a walker's details and resends the tickets", async () => {
    const event = await createTestEvent(db, { capacity: 5 });
    const reg = await registerWalkers(event.id, signUp([["Gus", "Edit"]]));
    const walker = await db.walker.findFirstOrThrow({ where: { groupId: reg.groupId } });
    await updateWalker(byManageLink(reg.manageToken), walker.id, {
      firstName: "Gustavo",
      lastName: "Edit",
      email: walker.email,
      phone: "+18685550101",
      ageBand: "AGE_55_PLUS",
      tshirtSize: "L",
      emergencyContactName: "New Contact",
      emergencyContactPhone: "+18686201234",
      accessibilityNeeds: undefined,
      photoConsent: true,
      guardianName: undefined,
      guardianConsent: false,
    });
    expect(await db.walker.findUniqueOrThrow({ where: { id: walker.id } })).toMatchObject({
      firstName: "Gustavo",
      tshirtSize: "L",
      photoConsent: true,
      activePersonKey: `${event.id}|${walker.email}|gustavo edit`,
    });
    await resendTickets(byManageLink(reg.manageToken));
    expect(await outbox(`ticket-resent:${reg.groupId}`)).toHaveLength(1);
    // The walker's own changes are audited as the manage link's, naming the fields, never their values.
    const entries = await db.auditLog.findMany({ where: { OR: [{ entityId: walker.id }, { entityId: reg.groupId }] }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["walker.edit", null, { changed: ["firstName", "phone", "ageBand", "tshirtSize", "emergencyContactName", "photoConsent"], via: "manage-link" }],
      ["walker.resend-ticket", null, { via: "manage-link" }],
    ]);
    expect(JSON.stringify(entries)).not.toContain("Gustavo");
  });

  it("emails a lost link only for a registered address, the same way either way", async () => {
    const event = await createTestEvent(db, { capacity: 5 });
    const input = signUp([["Hal", "Lost"]]);
    const reg = await registerWalkers(event.id, input);
    await sendManageLinks(event.id, input.contactEmail.toUpperCase());
    await sendManageLinks(event.id, "nobody@example.org");
    const rows = await outbox(`manage-link:${reg.groupId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.toAddress).toBe(input.contactEmail);
    expect(await db.emailOutbox.count({ where: { toAddress: "nobody@example.org" } })).toBe(0);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { seed } from "../events/seed";
import { Forbidden } from "../auth/roles";
import { BookingNotFound, BookingNotPending, BoothLimitReached, BoothTaken } from "./errors";
import { approveBooking, cancelBooking, expireStaleHolds, reassignBooking, rejectBooking, requestBooking, saveOrganisationProfile } from "./mutations";
import { getBoothOverview, getPartnerBooking, getPartnerOrganisation, listPartnerBookings, listPublicExhibitors } from "./queries";

const profile = (name: string, listPublicly = false) => ({
  name,
  category: "CIVIL_SOCIETY" as const,
  contactName: "Contact Person",
  phone: null,
  website: null,
  description: null,
  listPublicly,
});

async function partner(label: string, listPublicly = false): Promise<string> {
  const user = await db.user.create({ data: { email: `${label}-${randomUUID()}@partners.test`, role: "PARTNER" }, select: { id: true } });
  await saveOrganisationProfile(user.id, profile(`${label} org`, listPublicly), "EN");
  return user.id;
}

async function organiser(): Promise<{ userId: string; role: "ORGANISER" }> {
  const user = await db.user.create({ data: { email: `org-${randomUUID()}@funwalk.test`, role: "ORGANISER" }, select: { id: true } });
  return { userId: user.id, role: "ORGANISER" };
}

let boothIds: Record<string, string> = {};
let addonIds: Record<string, string> = {};

beforeAll(async () => {
  await seed(db);
  const overview = await getBoothOverview("en");
  if (!overview) throw new Error("no event");
  boothIds = Object.fromEntries(overview.booths.map((b) => [b.code, b.id]));
  addonIds = Object.fromEntries(overview.addons.map((a) => [a.code, a.id]));
});

const stateOf = async (code: string, now?: Date) => (await getBoothOverview("en", now))!.booths.find((b) => b.code === code)!.state;
const outbox = (template: string, bookingId: string) => db.emailOutbox.count({ where: { template, idempotencyKey: { startsWith: `${template}:${bookingId}:` } } });

describe("booth requests", () => {
  it("50 partners racing for one booth: exactly one holds it, the others get BoothTaken", async () => {
    const partners = await Promise.all(Array.from({ length: 50 }, (_, i) => partner(`racer${i}`)));
    const results = await Promise.allSettled(partners.map((userId) => requestBooking(userId, { boothId: boothIds.A1!, addons: [] })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason).toBeInstanceOf(BoothTaken);
    expect(await db.boothBooking.count({ where: { boothId: boothIds.A1! } })).toBe(1);
    expect(await stateOf("A1")).toBe("held");
  });

  it("stores the add-ons, holds the booth for the event's hold hours and queues the email", async () => {
    const userId = await partner("addons");
    const now = new Date();
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A2!, addons: [{ addonId: addonIds.table!, quantity: 2 }, { addonId: addonIds.power!, quantity: 0 }] }, now);
    const booking = await getPartnerBooking(userId, bookingId, "en", now);
    expect(booking).toMatchObject({ status: "PENDING", boothCode: "A2", addons: [{ name: "Table", quantity: 2 }] });
    expect(booking!.holdExpiresAt!.getTime()).toBe(now.getTime() + 72 * 3_600_000);
    expect(await outbox("booth-request-received", bookingId)).toBe(1);
  });

  it("refuses an add-on quantity above its limit and changes nothing", async () => {
    const userId = await partner("toomany");
    await expect(requestBooking(userId, { boothId: boothIds.A4!, addons: [{ addonId: addonIds.chairs!, quantity: 5 }] })).rejects.toThrow(/add-on/);
    expect(await stateOf("A4")).toBe("available");
  });

  it("a hold that passes releases the booth: shown available at once, expired by the sweep with an email", async () => {
    const userId = await partner("slow");
    const longAgo = new Date(Date.now() - 73 * 3_600_000);
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A5!, addons: [] }, longAgo);
    expect(await stateOf("A5", new Date(longAgo.getTime() + 3_600_000))).toBe("held");
    // Past the hold, queries already show the booth as available and the booking as expired.
    expect(await stateOf("A5")).toBe("available");
    expect((await getPartnerBooking(userId, bookingId, "en"))!.status).toBe("EXPIRED");

    expect(await expireStaleHolds()).toBeGreaterThanOrEqual(1);
    const row = await db.boothBooking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row).toMatchObject({ status: "EXPIRED", activeBoothId: null });
    expect(await outbox("booth-expired", bookingId)).toBe(1);
    expect(await expireStaleHolds()).toBe(0);

    const other = await partner("next");
    await expect(requestBooking(other, { boothId: boothIds.A5!, addons: [] })).resolves.toBeTruthy();
  });

  it("a new request releases a passed hold on the same booth even before the sweep", async () => {
    const slow = await partner("slow2");
    const { bookingId } = await requestBooking(slow, { boothId: boothIds.A6!, addons: [] }, new Date(Date.now() - 80 * 3_600_000));
    const quick = await partner("quick");
    await requestBooking(quick, { boothId: boothIds.A6!, addons: [] });
    expect(await db.boothBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ status: "EXPIRED", activeBoothId: null });
    expect(await outbox("booth-expired", bookingId)).toBe(1);
  });

  it("the per-organisation limit holds under concurrency", async () => {
    const userId = await partner("greedy");
    const codes = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"];
    const results = await Promise.allSettled(codes.map((code) => requestBooking(userId, { boothId: boothIds[code]!, addons: [] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(6);
    for (const r of refused) expect(r.reason).toBeInstanceOf(BoothLimitReached);
    expect(await listPartnerBookings(userId, "en")).toHaveLength(2);

    // Cancelling one frees a place under the limit.
    const [first] = await listPartnerBookings(userId, "en");
    await cancelBooking(userId, first!.id);
    await expect(requestBooking(userId, { boothId: boothIds.B9!, addons: [] })).resolves.toBeTruthy();
  });
});

describe("decisions", () => {
  it("an organiser approves: the booth is booked, the partner is told, a second decision is refused", async () => {
    const userId = await partner("approved", true);
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A7!, addons: [] });
    const actor = await organiser();
    await approveBooking(actor, bookingId);
    expect(await stateOf("A7")).toBe("booked");
    expect((await getPartnerBooking(userId, bookingId, "en"))!.status).toBe("APPROVED");
    expect(await outbox("booth-approved", bookingId)).toBe(1);
    await expect(rejectBooking(actor, bookingId, "late")).rejects.toBeInstanceOf(BookingNotPending);

    const overview = await getBoothOverview("en");
    const exhibitors = await listPublicExhibitors(overview!.eventId);
    expect(exhibitors.map((e) => e.name)).toContain("approved org");
    expect(exhibitors.map((e) => e.name)).not.toContain("racer0 org");
  });

  it("an organiser rejects with a reason: the booth is free again and the email carries the reason", async () => {
    const userId = await partner("rejected");
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A8!, addons: [] });
    await rejectBooking(await organiser(), bookingId, "Please choose a booth away from the stage.");
    expect(await stateOf("A8")).toBe("available");
    const email = await db.emailOutbox.findFirstOrThrow({ where: { template: "booth-rejected", idempotencyKey: { startsWith: `booth-rejected:${bookingId}:` } } });
    expect(email.payload).toMatchObject({ reason: "Please choose a booth away from the stage.", boothCode: "A8" });
  });

  it("an expired hold cannot be approved", async () => {
    const userId = await partner("tooLate");
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A9!, addons: [] }, new Date(Date.now() - 100 * 3_600_000));
    await expect(approveBooking(await organiser(), bookingId)).rejects.toBeInstanceOf(BookingNotPending);
  });

  it("partners cannot decide", async () => {
    const userId = await partner("selfapprove");
    const { bookingId } = await requestBooking(userId, { boothId: boothIds.A10!, addons: [] });
    await expect(approveBooking({ userId, role: "ORGANISER" }, bookingId)).rejects.toBeInstanceOf(Forbidden);
    await expect(rejectBooking({ userId, role: "ADMIN" }, bookingId, "no")).rejects.toBeInstanceOf(Forbidden);
    expect((await getPartnerBooking(userId, bookingId, "en"))!.status).toBe("PENDING");
  });
});

describe("privacy between partners", () => {
  it("partner A cannot read, cancel or see partner B's booking; nothing changes", async () => {
    const a = await partner("alice");
    const b = await partner("bob");
    const { bookingId } = await requestBooking(b, { boothId: boothIds.A11!, addons: [] });

    expect(await getPartnerBooking(a, bookingId, "en")).toBeNull();
    expect((await listPartnerBookings(a, "en")).map((x) => x.id)).not.toContain(bookingId);
    await expect(cancelBooking(a, bookingId)).rejects.toBeInstanceOf(BookingNotFound);
    await expect(cancelBooking(a, "not-a-uuid")).rejects.toBeInstanceOf(BookingNotFound);
    expect(await getPartnerBooking(a, "not-a-uuid", "en")).toBeNull();

    expect(await db.boothBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ status: "PENDING", activeBoothId: boothIds.A11 });
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { startsWith: `booth-cancelled:${bookingId}` } } })).toBe(0);

    // Saving A's profile changes only A's organisation.
    await saveOrganisationProfile(a, profile("alice renamed"), "ES");
    expect((await getPartnerOrganisation(b))!.name).toBe("bob org");
    expect((await getPartnerOrganisation(a))!.name).toBe("alice renamed");

    // B still can cancel their own booking, once.
    await cancelBooking(b, bookingId);
    expect(await outbox("booth-cancelled", bookingId)).toBe(1);
    await expect(cancelBooking(b, bookingId)).rejects.toThrow(/already ended/);
  });

  it("an organiser is not a partner: the partner functions refuse them", async () => {
    const actor = await organiser();
    await expect(getPartnerOrganisation(actor.userId)).rejects.toBeInstanceOf(Forbidden);
    await expect(requestBooking(actor.userId, { boothId: boothIds.A12!, addons: [] })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("reassigning a booking", () => {
  it("moves an approved booking to a free booth, refuses a taken one, and tells the partner", async () => {
    const actor = await organiser();
    const { bookingId } = await requestBooking(await partner("moving"), { boothId: boothIds.B10!, addons: [] });
    const { bookingId: other } = await requestBooking(await partner("staying"), { boothId: boothIds.B11!, addons: [] });
    await approveBooking(actor, bookingId);

    await expect(reassignBooking(actor, bookingId, "B11")).rejects.toBeInstanceOf(BoothTaken);
    await reassignBooking(actor, bookingId, "b12");
    expect(await stateOf("B10")).toBe("available");
    expect(await stateOf("B12")).toBe("booked");
    expect(await db.boothBooking.findUniqueOrThrow({ where: { id: other }, select: { boothId: true } })).toEqual({ boothId: boothIds.B11 });
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { startsWith: `booth-reassigned:${bookingId}:B12:` } } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: bookingId, action: "booth-booking.reassign" } });
    expect(audit).toMatchObject({ before: { booth: "B10" }, after: { booth: "B12" } });
  });

  it("is for organisers only", async () => {
    const partnerId = await partner("sneaky");
    const { bookingId } = await requestBooking(partnerId, { boothId: boothIds.B9!, addons: [] }).catch(async () => ({ bookingId: "" }));
    await expect(reassignBooking({ userId: partnerId, role: "ORGANISER" }, bookingId || randomUUID(), "B8")).rejects.toBeInstanceOf(Forbidden);
  });
});

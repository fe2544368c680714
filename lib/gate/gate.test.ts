import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, syncItemSchema } from "./schema";
import { defaultPassWindow, fromZonedInput, toZonedInput } from "./time";
import { hashPassToken, isPassToken, newPassToken, readCookie, signPassCookie, verifyPassCookie } from "./token";

const SECRET = "a-secret-of-the-test-a-secret-of-the-test";
const PASS = "5b0c7a43-4f1e-4a7c-9d55-0e4b3a2f1c11";

describe("gate pass tokens and cookies", () => {
  it("makes 43-character tokens and stores only their hash", () => {
    const token = newPassToken();
    expect(isPassToken(token)).toBe(true);
    expect(hashPassToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(newPassToken()).not.toBe(token);
  });

  it("accepts only a cookie signed with the secret for that pass", () => {
    const cookie = signPassCookie(SECRET, PASS);
    expect(verifyPassCookie(SECRET, cookie)).toBe(PASS);
    expect(verifyPassCookie("another-secret-another-secret-another", cookie)).toBeNull();
    expect(verifyPassCookie(SECRET, cookie.replace(PASS, "5b0c7a43-4f1e-4a7c-9d55-0e4b3a2f1c12"))).toBeNull();
    expect(verifyPassCookie(SECRET, `${cookie}.x`)).toBeNull();
    expect(verifyPassCookie(SECRET, undefined)).toBeNull();
    expect(readCookie(`a=1; funwalk_gate=${cookie}; b=2`, "funwalk_gate")).toBe(cookie);
  });
});

describe("the walk's own time zone", () => {
  it("reads and writes wall-clock times in Port of Spain (UTC−4) and in a zone with summer time", () => {
    expect(fromZonedInput("2027-07-25T04:00", "America/Port_of_Spain")!.toISOString()).toBe("2027-07-25T08:00:00.000Z");
    expect(toZonedInput(new Date("2027-07-25T08:00:00Z"), "America/Port_of_Spain")).toBe("2027-07-25T04:00");
    expect(fromZonedInput("2027-07-25T04:00", "Europe/Madrid")!.toISOString()).toBe("2027-07-25T02:00:00.000Z");
    expect(fromZonedInput("2027-01-25T04:00", "Europe/Madrid")!.toISOString()).toBe("2027-01-25T03:00:00.000Z");
    expect(fromZonedInput("2027-13-01T04:00", "Europe/Madrid")).toBeNull();
  });

  it("opens a pass by default at 04:00 on the walk's day and closes it at the walk's end", () => {
    const walk = { startsAt: new Date("2027-07-25T10:00:00Z"), endsAt: new Date("2027-07-25T15:00:00Z"), timezone: "America/Port_of_Spain" };
    expect(defaultPassWindow(walk)).toEqual({ opensAt: new Date("2027-07-25T08:00:00Z"), closesAt: walk.endsAt });
  });
});

describe("the list's cursor and the upload's items", () => {
  it("goes back a little before the list was read, and refuses cursors malformed, too old or in the future", () => {
    const now = new Date("2027-07-25T10:00:00Z");
    expect(decodeCursor(encodeCursor(now), now)!.toISOString()).toBe("2027-07-25T09:59:30.000Z");
    expect(decodeCursor(encodeCursor(now), new Date(now.getTime() + 25 * 3_600_000))).toBeNull();
    expect(decodeCursor(encodeCursor(new Date(now.getTime() + 3_600_000)), now)).toBeNull();
    expect(decodeCursor("garbage", now)).toBeNull();
    expect(decodeCursor(undefined, now)).toBeNull();
  });

  it("needs a uuid and an ISO time on every item", () => {
    const at = "2027-07-25T06:01:02.000-04:00";
    expect(syncItemSchema.safeParse({ id: PASS, kind: "checkin", ticketCode: "ABC", at }).success).toBe(true);
    expect(syncItemSchema.safeParse({ id: "1", kind: "checkin", ticketCode: "ABC", at }).success).toBe(false);
    expect(syncItemSchema.safeParse({ id: PASS, kind: "checkin", ticketCode: "ABC", at: "soon" }).success).toBe(false);
    expect(syncItemSchema.safeParse({ id: PASS, kind: "undo", checkinId: "x", at }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { boothState, effectiveStatus } from "./state";

const now = new Date("2027-07-01T12:00:00Z");
const later = new Date("2027-07-01T13:00:00Z");
const earlier = new Date("2027-07-01T11:00:00Z");

describe("boothState", () => {
  it("is available with no live booking", () => {
    expect(boothState(null, now)).toBe("available");
  });
  it("is held by a pending request whose hold is running", () => {
    expect(boothState({ status: "PENDING", holdExpiresAt: later }, now)).toBe("held");
  });
  it("is available again once the hold has passed, before any sweep", () => {
    expect(boothState({ status: "PENDING", holdExpiresAt: earlier }, now)).toBe("available");
    expect(boothState({ status: "PENDING", holdExpiresAt: now }, now)).toBe("available");
  });
  it("is booked when approved", () => {
    expect(boothState({ status: "APPROVED", holdExpiresAt: earlier }, now)).toBe("booked");
  });
});

describe("effectiveStatus", () => {
  it("reads a pending booking past its hold as expired", () => {
    expect(effectiveStatus({ status: "PENDING", holdExpiresAt: earlier }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "PENDING", holdExpiresAt: later }, now)).toBe("PENDING");
    expect(effectiveStatus({ status: "APPROVED", holdExpiresAt: earlier }, now)).toBe("APPROVED");
  });
});

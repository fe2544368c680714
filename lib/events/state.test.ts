import { describe, expect, it } from "vitest";
import { registrationState } from "./state";

const event = {
  registrationOpensAt: new Date("2027-05-01T00:00:00Z"),
  registrationClosesAt: new Date("2027-08-01T04:00:00Z"),
  endsAt: new Date("2027-08-01T15:00:00Z"),
  placesLeft: 10,
};

describe("registrationState", () => {
  it("is not yet open before the opening time", () => {
    expect(registrationState(event, new Date("2027-04-30T23:59:59Z"))).toBe("notYetOpen");
  });
  it("is open with places left", () => {
    expect(registrationState(event, new Date("2027-06-01T00:00:00Z"))).toBe("open");
  });
  it("is full when no place is left", () => {
    expect(registrationState({ ...event, placesLeft: 0 }, new Date("2027-06-01T00:00:00Z"))).toBe("full");
  });
  it("is closed after the closing time and over after the event", () => {
    expect(registrationState(event, new Date("2027-08-01T05:00:00Z"))).toBe("closed");
    expect(registrationState(event, new Date("2027-08-01T15:00:00Z"))).toBe("over");
  });
});

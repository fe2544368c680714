import { describe, expect, it } from "vitest";
import { funWalkBooths, funWalkEvent, upcomingWalkDate } from "./seed-data";

describe("upcomingWalkDate", () => {
  it("is a Sunday within three days of 30 July", () => {
    for (const iso of ["2026-11-28T00:00:00Z", "2027-07-31T12:00:00Z", "2030-01-01T00:00:00Z"]) {
      const { year, month, day } = upcomingWalkDate(new Date(iso));
      const date = new Date(Date.UTC(year, month - 1, day));
      expect(date.getUTCDay()).toBe(0);
      expect(Math.abs(date.getTime() - Date.UTC(year, 6, 30))).toBeLessThanOrEqual(3 * 86_400_000);
      expect(date.getTime()).toBeGreaterThan(new Date(iso).getTime());
    }
  });
  it("picks 1 August 2027 when seeding in late 2026", () => {
    expect(upcomingWalkDate(new Date("2026-11-28T00:00:00Z"))).toEqual({ year: 2027, month: 8, day: 1 });
  });
});

describe("funWalkEvent", () => {
  it("starts in the morning in Port of Spain and holds 800 walkers", () => {
    const event = funWalkEvent(new Date("2026-11-28T00:00:00Z"));
    expect(event.startsAt.toISOString()).toBe("2027-08-01T10:00:00.000Z"); // 06:00 UTC−4
    expect(event.capacity).toBe(800);
    expect(event.programme.map((p) => p.titleEn)).toEqual([
      "Registration and warm-up",
      "5K walk around the Savannah",
      "Aerobics and Zumba burnout",
      "Exhibition booths",
    ]);
  });
  it("has about 24 booths with unique codes that do not overlap on the map", () => {
    const booths = funWalkBooths();
    expect(booths).toHaveLength(24);
    expect(new Set(booths.map((b) => b.code)).size).toBe(24);
    for (const a of booths)
      for (const b of booths)
        if (a !== b)
          expect(
            a.mapX < b.mapX + b.mapWidth && b.mapX < a.mapX + a.mapWidth && a.mapY < b.mapY + b.mapHeight && b.mapY < a.mapY + a.mapHeight,
          ).toBe(false);
  });
});

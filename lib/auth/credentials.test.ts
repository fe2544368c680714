import { describe, expect, it } from "vitest";
import { failedLoginDelayMs } from "./credentials";

describe("failedLoginDelayMs", () => {
  it("grows with each failure in a row and stops growing at the lock", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(failedLoginDelayMs)).toEqual([0, 400, 800, 1200, 1600, 2000, 2000]);
  });
});

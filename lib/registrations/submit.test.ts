import { describe, expect, it } from "vitest";
import { walkerCountOf } from "./submit";

describe("walkerCountOf", () => {
  it("is the number of walkers the form had", () => {
    expect(walkerCountOf(undefined)).toBe(1);
    expect(walkerCountOf({ contactEmail: "a@example.org" })).toBe(1);
    expect(walkerCountOf({ "walkers.0.firstName": "A", "walkers.2.firstName": "C" })).toBe(3);
  });

  it("stays within 1 to 10 whatever was posted", () => {
    expect(walkerCountOf({ "walkers.9.firstName": "J" })).toBe(10);
    expect(walkerCountOf({ "walkers.10.firstName": "K", "walkers.99.x": "", "walkers.-1.x": "", "walkers.1e3.x": "" })).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { AgeBand, TshirtSize, WalkerStatus } from "../generated/prisma/enums";
import { AGE_BANDS, isMinor, MINOR_AGE_BANDS, TSHIRT_SIZES, WALKER_STATUSES } from "./categories";

describe("walker categories", () => {
  it("list exactly the database's values, once each", () => {
    expect([...AGE_BANDS].sort()).toEqual(Object.values(AgeBand).sort());
    expect([...TSHIRT_SIZES].sort()).toEqual(Object.values(TshirtSize).sort());
    expect([...WALKER_STATUSES].sort()).toEqual(Object.values(WalkerStatus).sort());
  });

  it("treat the two youngest bands as minors", () => {
    expect(MINOR_AGE_BANDS).toEqual(["UNDER_12", "AGE_12_17"]);
    expect(isMinor("AGE_12_17")).toBe(true);
    expect(isMinor("AGE_18_34")).toBe(false);
  });
});

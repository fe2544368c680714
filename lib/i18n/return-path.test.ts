import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeReturnPath("/register?group=1")).toBe("/register?group=1");
  });
  it("refuses other hosts and odd input", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "register", 42, null, "/a\nb"]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});

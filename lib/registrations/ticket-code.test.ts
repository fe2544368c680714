import { describe, expect, it } from "vitest";
import { isTicketCode, newTicketCode } from "./ticket-code";

describe("ticket codes", () => {
  it("are 10 unambiguous base32 characters", () => {
    for (let i = 0; i < 50; i++) expect(isTicketCode(newTicketCode())).toBe(true);
    expect(isTicketCode("ILOU000000")).toBe(false);
  });

  it("never repeat, across many refills of the random bytes they are drawn from", () => {
    // 5,000 codes use about 12 refills of the 4 KB pool; 50 bits each, so a repeat means reused bytes.
    const codes = Array.from({ length: 5000 }, newTicketCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("use the whole alphabet in every position", () => {
    const codes = Array.from({ length: 3000 }, newTicketCode);
    for (let position = 0; position < 10; position++) {
      expect(new Set(codes.map((code) => code[position])).size).toBe(32);
    }
  });
});

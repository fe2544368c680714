import { describe, expect, it } from "vitest";
import { languageReturnPath, safeReturnPath } from "./return-path";

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

describe("languageReturnPath", () => {
  it("uses the page the form names", () => {
    expect(languageReturnPath("/register?walkers=3", "http://localhost:3000/booths", "es")).toBe("/register?walkers=3");
  });
  it("else goes back to the page the form was posted from, with its query", () => {
    expect(languageReturnPath(null, "http://localhost:3000/dashboard/walkers?q=ana", "es")).toBe("/dashboard/walkers?q=ana");
  });
  it("moves a page under a language's own address to the chosen language", () => {
    expect(languageReturnPath(null, "http://localhost:3000/en/booths", "es")).toBe("/es/booths");
    expect(languageReturnPath(null, "http://localhost:3000/es", "en")).toBe("/en");
    expect(languageReturnPath(null, "http://localhost:3000/english-page", "es")).toBe("/english-page");
  });
  it("goes home without a usable page", () => {
    expect(languageReturnPath(null, null, "es")).toBe("/");
    expect(languageReturnPath(null, "not a url", "es")).toBe("/");
    expect(languageReturnPath("https://evil.example/", "http://localhost:3000/booths", "es")).toBe("/");
  });
});

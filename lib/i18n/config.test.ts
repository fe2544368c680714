import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";

describe("localeFromAcceptLanguage", () => {
  it("picks Spanish for a Spanish browser", () => {
    expect(localeFromAcceptLanguage("es-VE,es;q=0.9,en;q=0.8")).toBe("es");
  });
  it("respects quality values", () => {
    expect(localeFromAcceptLanguage("fr;q=1, en;q=0.5, es;q=0.7")).toBe("es");
  });
  it("falls back to English for an unsupported or missing language", () => {
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("es;q=0")).toBe("en");
  });
});

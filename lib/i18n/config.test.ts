import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, SPANISH_FIRST_ACCEPT_LANGUAGE } from "./config";

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

describe("SPANISH_FIRST_ACCEPT_LANGUAGE (next.config.ts's rewrites of the public pages)", () => {
  // Matched as next.config matches a header: the whole value.
  const spanish = new RegExp(`^${SPANISH_FIRST_ACCEPT_LANGUAGE}$`);
  const browsers = [
    "es-VE,es;q=0.9,en;q=0.8",
    "es",
    "es-419,es;q=0.9",
    "en-US,en;q=0.9,es;q=0.8",
    "en-GB,en;q=0.9",
    "fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7",
    "fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7",
    "pt-BR,pt;q=0.9",
    "de-DE",
    "*",
    "ES-es, en;q=0.5",
    "en, es",
    "estonian-made-up, en",
    "",
  ];
  it("chooses as localeFromAcceptLanguage does for what browsers send", () => {
    for (const header of browsers) {
      expect({ header, spanish: spanish.test(header) }).toEqual({ header, spanish: localeFromAcceptLanguage(header) === "es" });
    }
  });
});

import { describe, expect, it } from "vitest";
import { contentKey, missingTranslations, venueIn, type BilingualContent } from "./content-rules";

const complete: BilingualContent = {
  nameEn: "Fun Walk",
  nameEs: "Caminata",
  themeEn: "Leave no one behind.",
  themeEs: "No dejar a nadie atrás.",
  hostsEn: "Hosts",
  hostsEs: "Organizadores",
  descriptionEn: "",
  descriptionEs: "",
  venueName: "Queen's Park Savannah",
  venueNameEs: "Queen's Park Savannah",
  venueAddress: "Port of Spain",
  venueAddressEs: "Puerto España",
  meetingPointEn: "",
  meetingPointEs: "",
  whatToBringEn: "Water\nA hat",
  whatToBringEs: "Agua\nUna gorra",
};

describe("missingTranslations", () => {
  it("finds nothing missing in a walk with every text in both languages, and optional texts empty in both", () => {
    expect(missingTranslations(complete)).toEqual([]);
  });

  it("names the field and the language of an optional text filled in one language only", () => {
    expect(missingTranslations({ ...complete, descriptionEn: "A 5K walk." })).toEqual([{ field: "description", language: "es" }]);
    expect(missingTranslations({ ...complete, meetingPointEs: "La fuente" })).toEqual([{ field: "meetingPoint", language: "en" }]);
  });

  it("requires name, theme, hosts, venue name and venue address in both languages", () => {
    expect(missingTranslations({ ...complete, nameEs: "" })).toEqual([{ field: "name", language: "es" }]);
    expect(missingTranslations({ ...complete, venueAddress: "", venueAddressEs: "" })).toEqual([
      { field: "venueAddress", language: "en" },
      { field: "venueAddress", language: "es" },
    ]);
    const empty = Object.fromEntries(Object.keys(complete).map((key) => [key, ""])) as BilingualContent;
    expect(missingTranslations(empty).map((m) => contentKey(m.field, m.language))).toEqual([
      "nameEn", "nameEs", "themeEn", "themeEs", "hostsEn", "hostsEs", "venueName", "venueNameEs", "venueAddress", "venueAddressEs",
    ]);
  });

  it("counts a text of spaces and line breaks alone as empty", () => {
    expect(missingTranslations({ ...complete, themeEs: "  \n " })).toEqual([{ field: "theme", language: "es" }]);
    expect(missingTranslations({ ...complete, whatToBringEn: "\n", whatToBringEs: "" })).toEqual([]);
  });

  it("maps the venue's texts to their columns", () => {
    expect([contentKey("venueName", "en"), contentKey("venueName", "es"), contentKey("theme", "es")]).toEqual(["venueName", "venueNameEs", "themeEs"]);
  });
});

describe("the venue in a language", () => {
  it("is the Spanish address for Spanish speakers once written, else the English one", () => {
    const walk = { venueAddress: "Port of Spain", venueAddressEs: "Puerto España" };
    expect(venueIn(walk, "ES")).toBe("Puerto España");
    expect(venueIn(walk, "EN")).toBe("Port of Spain");
    expect(venueIn({ ...walk, venueAddressEs: "  " }, "ES")).toBe("Port of Spain");
  });
});

import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";
import { fieldErrorsOf } from "../forms/fields";
import { formDataToObject, personKey, registrationSchema, walkerSchema } from "./schema";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";

/** The schema's errors by field, as message keys (as the sign-up keeps them). */
const fieldErrors = (error: Parameters<typeof fieldErrorsOf>[0]) => fieldErrorsOf(error, (key) => key);

const adult = {
  firstName: "Ana",
  lastName: "Pérez",
  ageBand: "AGE_18_34",
  emergencyContactName: "Luis Pérez",
  emergencyContactPhone: "620 1234",
};
const form = {
  submissionKey: "k".repeat(24),
  website: "",
  contactEmail: "Ana@Example.org ",
  language: "ES",
  walkers: [adult],
  waiverAccepted: "on",
  privacyAccepted: "on",
  waiverVersion: "2027-1",
  privacyVersion: PRIVACY_NOTICE_VERSION,
};

describe("normalisePhone", () => {
  it.each([
    ["6201234", "+18686201234"],
    ["620-1234", "+18686201234"],
    ["+1 868 620 1234", "+18686201234"],
    ["1-868-620-1234", "+18686201234"],
    ["(868) 620-1234", "+18686201234"],
    ["+58 412 555 1234", "+584125551234"],
  ])("accepts %s as %s", (raw, e164) => expect(normalisePhone(raw)).toBe(e164));
  it.each(["12345", "620 12345", "+1 868 620 123", "phone", "+0 123 4567 89", "868 620 12"])("refuses %s", (raw) =>
    expect(normalisePhone(raw)).toBeNull(),
  );
});

describe("walkerSchema", () => {
  it("accepts an adult and stores phones in E.164", () => {
    const walker = walkerSchema.parse({ ...adult, phone: "+1 (868) 555-0101" });
    expect(walker.phone).toBe("+18685550101");
    expect(walker.emergencyContactPhone).toBe("+18686201234");
    expect(walker.photoConsent).toBe(false);
  });
  it.each(["UNDER_12", "AGE_12_17"])("requires a guardian's name and consent for %s", (ageBand) => {
    const result = walkerSchema.safeParse({ ...adult, ageBand });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ guardianName: "guardianNameRequired", guardianConsent: "guardianConsentRequired" });
    expect(walkerSchema.safeParse({ ...adult, ageBand, guardianName: "Luis", guardianConsent: "on" }).success).toBe(true);
  });
  it("reports a missing guardian together with the other errors", () => {
    const errors = fieldErrors(walkerSchema.safeParse({ ageBand: "UNDER_12" }).error!);
    expect(errors).toMatchObject({ firstName: "required", guardianName: "guardianNameRequired", guardianConsent: "guardianConsentRequired" });
  });
  it("drops a guardian given for an adult", () => {
    expect(walkerSchema.parse({ ...adult, guardianName: "X", guardianConsent: "on" })).toMatchObject({ guardianConsent: false });
  });
  it("accepts exactly the five age bands", () => {
    for (const band of ["UNDER_12", "AGE_12_17", "AGE_18_34", "AGE_35_54", "AGE_55_PLUS"])
      expect(walkerSchema.safeParse({ ...adult, ageBand: band, guardianName: "G", guardianConsent: "on" }).success).toBe(true);
    for (const band of ["", "AGE_18_30", "adult"])
      expect(fieldErrors(walkerSchema.safeParse({ ...adult, ageBand: band }).error!).ageBand).toBe("ageBandRequired");
  });
  it("names each missing or malformed field", () => {
    const result = walkerSchema.safeParse({ firstName: " ", emergencyContactPhone: "12", phone: "abc" });
    expect(fieldErrors(result.error!)).toMatchObject({
      firstName: "required",
      lastName: "required",
      ageBand: "ageBandRequired",
      emergencyContactName: "required",
      emergencyContactPhone: "phoneInvalid",
      phone: "phoneInvalid",
    });
  });
});

describe("registrationSchema", () => {
  it("accepts a complete form and normalises the email", () => {
    const parsed = registrationSchema.parse(form);
    expect(parsed.contactEmail).toBe("ana@example.org");
    expect(parsed.joinWaitingList).toBe(false);
  });
  it("requires the waiver and the privacy notice", () => {
    const result = registrationSchema.safeParse({ ...form, waiverAccepted: undefined, privacyAccepted: "" });
    expect(fieldErrors(result.error!)).toMatchObject({ waiverAccepted: "waiverRequired", privacyAccepted: "privacyRequired" });
  });
  it("refuses a filled honeypot, a bad email and more than ten walkers", () => {
    const result = registrationSchema.safeParse({ ...form, website: "http://spam", contactEmail: "nope", walkers: Array(11).fill(adult) });
    expect(fieldErrors(result.error!)).toMatchObject({ website: "spam", contactEmail: "emailInvalid", walkers: "tooManyWalkers" });
  });
  it("refuses the same person twice in one form", () => {
    const result = registrationSchema.safeParse({ ...form, walkers: [adult, { ...adult, firstName: "ana " }] });
    expect(fieldErrors(result.error!)["walkers.1.firstName"]).toBe("duplicateInGroup");
  });
});

describe("formDataToObject", () => {
  it("builds the walkers array from dotted names", () => {
    const data = new FormData();
    data.set("contactEmail", "a@b.org");
    data.set("walkers.0.firstName", "Ana");
    data.set("walkers.1.firstName", "Ben");
    data.set("walkers.1.photoConsent", "on");
    expect(formDataToObject(data)).toEqual({
      contactEmail: "a@b.org",
      walkers: [{ firstName: "Ana" }, { firstName: "Ben", photoConsent: "on" }],
    });
  });
});

describe("personKey", () => {
  it("ignores case, accents and spacing", () => {
    expect(personKey("e", " ANA@example.org", "Ána ", "  Pérez")).toBe(personKey("e", "ana@example.org", "ana", "perez"));
  });
});

describe("hostile text", () => {
  it("refuses control characters with a field error and keeps odd but printable Unicode", () => {
    const result = registrationSchema.safeParse({ ...form, walkers: [{ ...adult, firstName: "Nul\u0000Byte", accessibilityNeeds: "a\u0007b" }] });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors["walkers.0.firstName"]).toBe("invalidCharacters");
    expect(errors["walkers.0.accessibilityNeeds"]).toBe("invalidCharacters");
    const odd = registrationSchema.parse({ ...form, walkers: [{ ...adult, firstName: "\u202Eevil 𝓐𝓷𝓪 👩🏽‍🦱", lastName: `<script>'; DROP TABLE "Walker"; --` }] });
    expect(odd.walkers[0]!.firstName).toBe("\u202Eevil 𝓐𝓷𝓪 👩🏽‍🦱");
  });
});

describe("formDataToObject with hostile field names", () => {
  it("never reaches Object.prototype and ignores names that go through a plain value", () => {
    const data = new FormData();
    data.append("__proto__.polluted", "1");
    data.append("constructor.prototype.polluted", "1");
    data.append("walkers.__proto__.polluted", "1");
    data.append("walkers.0", "flat");
    data.append("walkers.0.firstName", "Ana");
    data.append("walkers.1.firstName", "Bea");
    data.append("walkers.1", "flat");
    data.append("contactEmail", "a@example.org");
    const result = formDataToObject(data);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(result).toEqual({ walkers: ["flat", { firstName: "Bea" }], contactEmail: "a@example.org" });
    expect(registrationSchema.safeParse(result).success).toBe(false);
  });
});

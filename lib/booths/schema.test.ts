import { describe, expect, it } from "vitest";
import { bookingRequestForm, organisationProfileSchema } from "./schema";

describe("organisationProfileSchema", () => {
  it("accepts a complete profile and normalises the website", () => {
    const parsed = organisationProfileSchema.parse({
      name: " Safe Haven ",
      category: "CIVIL_SOCIETY",
      contactName: "Ana Pérez",
      phone: "+1 868 555 0100",
      website: "safehaven.org.tt",
      description: "",
      listPublicly: "on",
    });
    expect(parsed).toMatchObject({ name: "Safe Haven", website: "https://safehaven.org.tt", description: null, listPublicly: true });
  });
  it("names each bad field", () => {
    const result = organisationProfileSchema.safeParse({ name: "", category: "CLUB", contactName: "", phone: "abc", website: "not a site" });
    expect(result.success).toBe(false);
    const errors = result.error ? Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message])) : {};
    expect(errors).toEqual({
      name: "nameRequired",
      category: "categoryRequired",
      contactName: "contactRequired",
      phone: "phoneInvalid",
      website: "websiteInvalid",
    });
  });
});

describe("bookingRequestForm", () => {
  it("reads the booth and the add-on quantities", () => {
    const result = bookingRequestForm.safeParse({
      boothId: "7d3c2a5e-4b4f-4c1e-9a43-1b7e0b0f6a11",
      "addon:0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "2",
      "addon:1e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "",
    });
    expect(result.success).toBe(true);
    expect(result.data?.addons).toEqual([
      { addonId: "0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22", quantity: 2 },
      { addonId: "1e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22", quantity: 0 },
    ]);
  });
  it("refuses a fractional or negative quantity and a missing booth, each under its own field", () => {
    const result = bookingRequestForm.safeParse({ "addon:0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "1.5", "addon:1e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "-1" });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      boothId: "boothRequired",
      "addon:0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "quantityInvalid",
      "addon:1e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22": "quantityInvalid",
    });
  });
});

import { describe, expect, it } from "vitest";
import { boothApproved, boothCancelled, boothExpired, boothRejected, boothRequestReceived } from "./booth-booking";
import type { BoothEmailPayload } from "./types";

const payload: BoothEmailPayload = {
  bookingId: "0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22",
  organisationName: "Safe <Haven> & Co",
  boothCode: "A3",
  boothSize: "LARGE",
  tentSupplied: true,
  addons: [{ nameEn: "Table", nameEs: "Mesa", quantity: 2 }],
};
const context = { appUrl: "https://funwalk.example.org" };

describe("booth booking emails", () => {
  it("say what happened, in the organisation's language, with a link to the booking", async () => {
    const en = await boothRequestReceived({ ...payload, holdExpiresAt: "2027-07-04T16:00:00Z" }, "EN", context);
    expect(en.subject).toBe("Booth A3: request received");
    expect(en.text).toContain("large 3×6 m, tent supplied");
    expect(en.text).toContain("Add-ons: 2 × Table.");
    expect(en.text).toContain("https://funwalk.example.org/partner/bookings/0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22");
    expect(en.text).toMatch(/until Sunday, July 4, 2027 at 12:00\s?PM/);

    const es = await boothApproved(payload, "ES", context);
    expect(es.subject).toBe("El stand A3 está confirmado");
    expect(es.text).toContain("Extras: 2 × Mesa.");
    expect(es.html).toContain('lang="es"');
  });

  it("carry the rejection reason and escape what partners typed", async () => {
    const rejected = await boothRejected({ ...payload, reason: "Too close to the <stage>" }, "EN", context);
    expect(rejected.text).toContain("Reason: Too close to the <stage>");
    expect(rejected.html).toContain("Too close to the &lt;stage&gt;");
    expect(rejected.html).toContain("Safe &lt;Haven&gt; &amp; Co");
    expect(rejected.html).not.toContain("<Haven>");
  });

  it("cover expiry and cancellation", async () => {
    expect((await boothExpired(payload, "EN", context)).subject).toBe("Booth A3: the hold has expired");
    expect((await boothCancelled(payload, "ES", context)).subject).toBe("Stand A3: reserva cancelada");
  });
});

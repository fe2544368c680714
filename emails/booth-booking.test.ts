import { describe, expect, it } from "vitest";
import { boothApproved, boothCancelled, boothExpired, boothRejected, boothRequestReceived } from "./booth-booking";
import { boothMoved } from "./booth-moved";
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

  it("tell the partner where a moved or resized booth is now", async () => {
    const place = { mapX: 12, mapY: 16, mapWidth: 6, mapHeight: 3 };
    const en = await boothMoved({ ...payload, ...place, moved: true, resized: false }, "EN", context);
    expect(en.subject).toBe("Your booth A3 was moved");
    expect(en.text.replace(/\s+/g, " ")).toContain("Booth A3 is now 12 m from the left and 16 m from the top of the site map, 6 m wide and 3 m deep.");
    expect(en.text).toContain("https://funwalk.example.org/booths");
    expect(en.text).toContain("https://funwalk.example.org/partner/bookings/0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22");
    expect((await boothMoved({ ...payload, ...place, moved: false, resized: true }, "EN", context)).subject).toBe("Your booth A3 was resized");
    const es = await boothMoved({ ...payload, ...place, moved: true, resized: true }, "ES", context);
    expect(es.subject).toBe("Su stand A3 se trasladó y cambió de tamaño");
    expect(es.text.replace(/\s+/g, " ")).toContain("El stand A3 está ahora a 12 m del borde izquierdo y a 16 m del borde superior del mapa, con 6 m de ancho y 3 m de fondo.");
    expect(es.html).toContain("Safe &lt;Haven&gt; &amp; Co");
  });
});

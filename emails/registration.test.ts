import { describe, expect, it } from "vitest";
import { templates } from "./index";
import type { RegistrationEmail } from "./types";

const payload: RegistrationEmail = {
  event: {
    name: "Test Walk",
    startsAt: "2027-08-01T10:00:00.000Z",
    endsAt: "2027-08-01T15:00:00.000Z",
    timezone: "America/Port_of_Spain",
    venue: "Queen's Park Savannah",
    mapUrl: "https://www.openstreetmap.org/",
  },
  tickets: [
    { firstName: "Ana", lastName: "<Pérez>", ticketCode: "ABCDEFGH23", status: "CONFIRMED" },
    { firstName: "Ben", lastName: "Pérez", ticketCode: "ZYXWVTSR98", status: "CONFIRMED" },
  ],
  managePath: "/manage/token",
  waitingPosition: null,
};
const context = { appUrl: "https://funwalk.example.org" };

describe("registration-confirmed", () => {
  it("carries one inline QR per ticket, the calendar file and the manage link", async () => {
    const mail = await templates["registration-confirmed"].render(payload, "EN", context);
    expect(mail.subject).toBe("You are registered: Test Walk");
    const images = mail.attachments!.filter((a) => a.contentType === "image/png");
    expect(images).toHaveLength(2);
    for (const image of images) expect(mail.html).toContain(`src="cid:${image.cid}"`);
    const ics = mail.attachments!.find((a) => a.contentType.startsWith("text/calendar"))!;
    expect(Buffer.from(ics.content, "base64").toString()).toContain("DTSTART:20270801T100000Z");
    expect(mail.text).toContain("https://funwalk.example.org/manage/token");
    expect(mail.text).toContain("6:00 AM");
    expect(mail.html).toContain("&lt;Pérez&gt;");
    expect(mail.html).not.toContain("<Pérez>");
  });

  it("speaks Spanish and tells a waiting walker their place, without tickets", async () => {
    const waiting: RegistrationEmail = {
      ...payload,
      tickets: payload.tickets.map((t) => ({ ...t, status: "WAITING" })),
      waitingPosition: 4,
    };
    const mail = await templates["registration-confirmed"].render(waiting, "ES", context);
    expect(mail.subject).toBe("Está en la lista de espera: Test Walk");
    expect(mail.text).toContain("con el número 4");
    expect(mail.attachments).toEqual([]);
  });
});

describe("the other registration emails", () => {
  it("renders promotion, cancellation and the lost link", async () => {
    expect((await templates["walker-promoted"].render(payload, "EN", context)).subject).toMatch(/^A place freed up/);
    const cancelled = await templates["registration-cancelled"].render({ event: payload.event, names: ["Ana Pérez"] }, "ES", context);
    expect(cancelled.text).toContain("Ana Pérez");
    const link = await templates["manage-link"].render({ event: payload.event, managePath: "/manage/t" }, "EN", context);
    expect(link.html).toContain('href="https://funwalk.example.org/manage/t"');
  });
});

describe("where to report suspected trafficking", () => {
  const reporting = {
    signs: ["Not free to leave <work>"],
    resources: [{ id: "r1", name: "Unidad contra la Trata", phone: "+1 868-555-0100", tel: "tel:+18685550100", url: "https://example.org/report", hours: "24 horas" }],
  };
  const event = { name: "Caminata", venue: "Savannah", startsAt: payload.event.startsAt, timezone: payload.event.timezone };

  it("lists the walk's signs and resources in the confirmation, escaped, with a tel: link", async () => {
    const mail = await templates["registration-confirmed"].render(payload, "ES", { ...context, event: { ...event, reporting } });
    expect(mail.html).toContain("Denunciar una sospecha de trata de personas");
    expect(mail.html).toContain('<a href="tel:+18685550100">+1 868-555-0100</a>');
    expect(mail.html).toContain('<a href="https://example.org/report">');
    expect(mail.html).toContain("Not free to leave &lt;work&gt;");
    expect(mail.text).toContain("Teléfono: +1 868-555-0100");
    expect(mail.text).toContain("Horario: 24 horas");
  });

  it("says nothing of it while the walk lists no resource", async () => {
    const mail = await templates["registration-confirmed"].render(payload, "EN", { ...context, event: { ...event, reporting: null } });
    expect(mail.html).not.toContain("Report suspected trafficking");
    expect(mail.text).not.toContain("Report suspected trafficking");
  });
});

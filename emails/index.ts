// Every email template, by name. Adding a template: put its payload type in TemplatePayloads
// (emails/types.ts), write emails/<name>.ts with the shared `layout`, and register it here with a
// sample payload (the organisers' preview renders each template with it). TypeScript refuses a
// TemplatePayloads entry that is not registered here.
import { boothApproved, boothCancelled, boothExpired, boothRejected, boothRequestReceived } from "./booth-booking";
import { boothMoved } from "./booth-moved";
import { magicLink } from "./magic-link";
import { dataDeleted, privacyPurgeNotice } from "./privacy";
import { manageLink, registrationCancelled, registrationConfirmed, walkerPromoted } from "./registration";
import { reminder } from "./reminder";
import { testMessage } from "./test-message";
import type { BoothEmailPayload, EmailContext, EmailEventInfo, EmailLanguage, RegistrationEmail, Template, TemplateName, TemplatePayloads } from "./types";

const sampleBooking: BoothEmailPayload = {
  bookingId: "00000000-0000-4000-8000-000000000000",
  organisationName: "Caribbean Counter-Trafficking Network",
  boothCode: "A3",
  boothSize: "LARGE",
  tentSupplied: true,
  addons: [
    { nameEn: "Table", nameEs: "Mesa", quantity: 2 },
    { nameEn: "Chairs", nameEs: "Sillas", quantity: 4 },
  ],
};

/** The walk as registration emails carry it, from the preview's context. */
function sampleEvent(context: EmailContext): EmailEventInfo {
  const startsAt = context.event?.startsAt ?? "2027-08-01T10:00:00.000Z";
  return {
    name: context.event?.name ?? "World Day Against Trafficking in Persons 5K Fun Walk",
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 5 * 3_600_000).toISOString(),
    timezone: context.event?.timezone ?? "America/Port_of_Spain",
    venue: context.event?.venue ?? "Queen's Park Savannah, Port of Spain",
    mapUrl: "https://www.openstreetmap.org/search?query=Queen%27s%20Park%20Savannah",
  };
}

function sampleTickets(context: EmailContext, status: "CONFIRMED" | "WAITING"): RegistrationEmail {
  return {
    event: sampleEvent(context),
    tickets: [
      { firstName: "Ana", lastName: "Pérez", ticketCode: "K7QF2M9XPA", status },
      { firstName: "Luis", lastName: "Pérez", ticketCode: "R4TZ8W2NHC", status },
    ],
    managePath: "/manage/sample-token",
    waitingPosition: status === "WAITING" ? 3 : null,
  };
}

export interface TemplateEntry<T extends TemplateName> {
  render: Template<T>;
  /** Payload used by the preview. */
  sample: TemplatePayloads[T];
  /** A sample per language, for payloads that carry text already in the recipient's language. */
  sampleFor?: (language: EmailLanguage, context: EmailContext) => TemplatePayloads[T];
  /**
   * The payload holds a secret (a sign-in link): it is erased from the outbox once the message is
   * sent or has failed, and the message cannot be resent from the outbox.
   */
  secretPayload?: boolean;
}

export const templates: { [K in TemplateName]: TemplateEntry<K> } = {
  "magic-link": {
    render: magicLink,
    sample: { url: "https://funwalk.example.org/api/auth/callback/nodemailer?token=sample", expiresInMinutes: 60 },
    secretPayload: true,
  },
  "test-message": { render: testMessage, sample: { note: "Sent from the organisers' dashboard." } },
  reminder: {
    render: reminder,
    sample: { subject: "See you on Sunday at the Savannah", body: "Registration opens at 6:00 by the bandstand.\n\nBring water, a hat and your ticket." },
    sampleFor: (language) =>
      language === "ES"
        ? { subject: "Nos vemos el domingo en el Savannah", body: "La inscripción abre a las 6:00 junto a la glorieta.\n\nTraiga agua, un sombrero y su entrada." }
        : { subject: "See you on Sunday at the Savannah", body: "Registration opens at 6:00 by the bandstand.\n\nBring water, a hat and your ticket." },
  },
  "registration-confirmed": {
    render: registrationConfirmed,
    sample: sampleTickets({ appUrl: "https://funwalk.example.org" }, "CONFIRMED"),
    sampleFor: (_language, context) => sampleTickets(context, "CONFIRMED"),
  },
  "walker-promoted": {
    render: walkerPromoted,
    sample: sampleTickets({ appUrl: "https://funwalk.example.org" }, "CONFIRMED"),
    sampleFor: (_language, context) => sampleTickets(context, "CONFIRMED"),
  },
  "registration-cancelled": {
    render: registrationCancelled,
    sample: { event: sampleEvent({ appUrl: "https://funwalk.example.org" }), names: ["Ana Pérez"] },
    sampleFor: (_language, context) => ({ event: sampleEvent(context), names: ["Ana Pérez"] }),
  },
  "manage-link": {
    render: manageLink,
    sample: { event: sampleEvent({ appUrl: "https://funwalk.example.org" }), managePath: "/manage/sample-token" },
    sampleFor: (_language, context) => ({ event: sampleEvent(context), managePath: "/manage/sample-token" }),
  },
  "booth-request-received": { render: boothRequestReceived, sample: { ...sampleBooking, holdExpiresAt: "2027-07-20T16:00:00.000Z" } },
  "booth-approved": { render: boothApproved, sample: sampleBooking },
  "booth-rejected": { render: boothRejected, sample: { ...sampleBooking, reason: "All large booths are reserved for UN agencies this year." } },
  "booth-expired": { render: boothExpired, sample: sampleBooking },
  "booth-cancelled": { render: boothCancelled, sample: sampleBooking },
  "booth-moved": { render: boothMoved, sample: { ...sampleBooking, moved: true, resized: false, mapX: 10, mapY: 16, mapWidth: 6, mapHeight: 3 } },
  "privacy-purge-notice": {
    render: privacyPurgeNotice,
    sample: { walkName: "World Day Against Trafficking in Persons 5K Fun Walk", purgeOn: "2027-09-29T04:00:00.000Z", exportPath: "/dashboard/walkers/export?walk=00000000-0000-4000-8000-000000000000" },
  },
  "data-deleted": { render: dataDeleted, sample: { walkName: "World Day Against Trafficking in Persons 5K Fun Walk", count: 2 } },
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(templates, name);
}

/** Templates whose payload is erased after delivery. */
export const secretPayloadTemplates: TemplateName[] = (Object.keys(templates) as TemplateName[]).filter(
  (name) => templates[name].secretPayload,
);

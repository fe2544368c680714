// The contract between the outbox and the templates. Each template in emails/ renders one message
// from a JSON payload (stored in the outbox row) in the recipient's language.
import type { ReportingView } from "../lib/events/reporting-view";

export type EmailLanguage = "EN" | "ES";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
  /** Set to reference the attachment from the HTML as cid:<cid> (inline image). */
  cid?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
}

/** The walk an email is about, in the recipient's language (filled in by the delivery worker). */
export interface EmailEvent {
  name: string;
  venue: string;
  /** ISO 8601 instant */
  startsAt: string;
  /** IANA time zone of the venue, e.g. America/Port_of_Spain */
  timezone: string;
  /** Where to report suspected trafficking (the walker's confirmation); absent while the walk lists none. */
  reporting?: ReportingView | null;
}

/** Facts every template may use, filled in by the delivery worker at send time. */
export interface EmailContext {
  appUrl: string;
  /** The current walk; absent only before any walk exists. The shared layout shows its name and date. */
  event?: EmailEvent;
}

/**
 * Payload of each template, by name. Add an entry here with each new template, and register the
 * template in emails/index.ts.
 */
export interface TemplatePayloads {
  /** A sign-in link (next-auth's email provider). `expiresInMinutes` is shown when given. */
  "magic-link": { url: string; expiresInMinutes?: number };
  /** A message an organiser or developer sends to check that email arrives. */
  "test-message": { note: string };
  /** Written by organisers for all confirmed walkers, already in the recipient's language. */
  reminder: { subject: string; body: string };
  "booth-request-received": BoothEmailPayload & { holdExpiresAt: string };
  "booth-approved": BoothEmailPayload;
  "booth-rejected": BoothEmailPayload & { reason: string };
  "booth-expired": BoothEmailPayload;
  "booth-cancelled": BoothEmailPayload;
  /** The organisers moved or resized a booth with a live booking: where it is now (map units, 1 = 1 m). */
  "booth-moved": BoothEmailPayload & { moved: boolean; resized: boolean; mapX: number; mapY: number; mapWidth: number; mapHeight: number };
  "registration-confirmed": RegistrationEmail;
  "walker-promoted": RegistrationEmail;
  "registration-cancelled": { event: EmailEventInfo; names: string[] };
  "manage-link": { event: EmailEventInfo; managePath: string };
  /** To each admin, two weeks before a walk's personal data is erased. */
  "privacy-purge-notice": { walkName: string; purgeOn: string; exportPath: string };
  /** The last email to a group that deleted its data: how many walkers', no names. */
  "data-deleted": { walkName: string; count: number };
}

/** What every booth booking email says about the booking. */
export interface BoothEmailPayload {
  bookingId: string;
  organisationName: string;
  boothCode: string;
  boothSize: "STANDARD" | "LARGE";
  tentSupplied: boolean;
  addons: { nameEn: string; nameEs: string; quantity: number }[];
}

/** The walk as the registration emails show it, in the recipient's language. */
export interface EmailEventInfo {
  name: string;
  /** ISO 8601 instants */
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string;
  mapUrl: string;
}

export interface EmailTicket {
  firstName: string;
  lastName: string;
  /** The QR code encodes only this code. */
  ticketCode: string;
  status: "CONFIRMED" | "WAITING";
}

export interface RegistrationEmail {
  event: EmailEventInfo;
  tickets: EmailTicket[];
  /** "/manage/<signed token>", only in the group contact's message. */
  managePath: string | null;
  /** Place on the waiting list at sign-up, when waiting. */
  waitingPosition: number | null;
  resent?: boolean;
}

export type TemplateName = keyof TemplatePayloads;

export type Template<T extends TemplateName> = (
  payload: TemplatePayloads[T],
  language: EmailLanguage,
  context: EmailContext,
) => RenderedEmail | Promise<RenderedEmail>;

// The emails a partner receives about a booth booking: request received, approved, rejected,
// expired, cancelled. Each links to the booking's page.
import { layout } from "./layout";
import type { BoothEmailPayload, EmailContext, EmailLanguage, RenderedEmail, Template } from "./types";

type Lang = EmailLanguage;

const sizeText = (p: BoothEmailPayload, l: Lang) =>
  l === "ES"
    ? `${p.boothSize === "LARGE" ? "grande de 3×6 m" : "estándar de 3×3 m"}, ${p.tentSupplied ? "con carpa" : "sin carpa"}`
    : `${p.boothSize === "LARGE" ? "large 3×6 m" : "standard 3×3 m"}, ${p.tentSupplied ? "tent supplied" : "no tent"}`;

const addonText = (p: BoothEmailPayload, l: Lang) => {
  if (p.addons.length === 0) return l === "ES" ? "Extras: ninguno." : "Add-ons: none.";
  const items = p.addons.map((a) => `${a.quantity} × ${l === "ES" ? a.nameEs : a.nameEn}`).join(", ");
  return l === "ES" ? `Extras: ${items}.` : `Add-ons: ${items}.`;
};

/** A booth booking email in one language: greeting, `lines`, the booth and its add-ons, a link to the booking. */
export function renderBoothEmail(p: BoothEmailPayload, l: Lang, context: EmailContext, subject: string, lines: string[]): RenderedEmail {
  const greeting = l === "ES" ? `Hola, ${p.organisationName}:` : `Dear ${p.organisationName},`;
  const href = `${context.appUrl}/partner/bookings/${p.bookingId}`;
  const { html, text } = layout({
    language: l,
    context,
    title: subject,
    paragraphs: [greeting, ...lines, l === "ES" ? `Stand ${p.boothCode} (${sizeText(p, l)}).` : `Booth ${p.boothCode} (${sizeText(p, l)}).`, addonText(p, l)],
    button: { label: l === "ES" ? "Ver la reserva" : "View the booking", url: href },
    closing: [l === "ES" ? "El equipo de la Caminata Recreativa" : "The Fun Walk team"],
  });
  return { subject, html, text };
}

function render(
  p: BoothEmailPayload,
  l: Lang,
  context: EmailContext,
  subject: Record<Lang, string>,
  lines: Record<Lang, string[]>,
): RenderedEmail {
  return renderBoothEmail(p, l, context, subject[l], lines[l]);
}

function formatDeadline(iso: string, l: Lang): string {
  return new Intl.DateTimeFormat(l === "ES" ? "es" : "en", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "America/Port_of_Spain",
  }).format(new Date(iso));
}

export const boothRequestReceived: Template<"booth-request-received"> = (p, l, c) =>
  render(
    p,
    l,
    c,
    { EN: `Booth ${p.boothCode}: request received`, ES: `Stand ${p.boothCode}: solicitud recibida` },
    {
      EN: [
        `We received your request for booth ${p.boothCode}. The booth is held for you while the organisers decide, until ${formatDeadline(p.holdExpiresAt, "EN")}.`,
        "If it is not decided by then, the hold ends and the booth is released. We will email you either way.",
      ],
      ES: [
        `Recibimos su solicitud del stand ${p.boothCode}. El stand queda reservado para ustedes mientras los organizadores deciden, hasta el ${formatDeadline(p.holdExpiresAt, "ES")}.`,
        "Si no hay decisión para entonces, la reserva vence y el stand se libera. Les escribiremos en cualquier caso.",
      ],
    },
  );

export const boothApproved: Template<"booth-approved"> = (p, l, c) =>
  render(
    p,
    l,
    c,
    { EN: `Booth ${p.boothCode} is confirmed`, ES: `El stand ${p.boothCode} está confirmado` },
    {
      EN: ["Good news: the organisers approved your booth. It is yours for the walk."],
      ES: ["Buenas noticias: los organizadores aprobaron su stand. Es suyo para la caminata."],
    },
  );

export const boothRejected: Template<"booth-rejected"> = (p, l, c) =>
  render(
    p,
    l,
    c,
    { EN: `Booth ${p.boothCode}: request not approved`, ES: `Stand ${p.boothCode}: solicitud no aprobada` },
    {
      EN: ["The organisers could not approve your booth request.", `Reason: ${p.reason}`, "You are welcome to request another booth."],
      ES: ["Los organizadores no pudieron aprobar su solicitud de stand.", `Motivo: ${p.reason}`, "Pueden solicitar otro stand."],
    },
  );

export const boothExpired: Template<"booth-expired"> = (p, l, c) =>
  render(
    p,
    l,
    c,
    { EN: `Booth ${p.boothCode}: the hold has expired`, ES: `Stand ${p.boothCode}: la reserva venció` },
    {
      EN: ["Your request was not decided in time, so the hold ended and the booth was released.", "You can request a booth again on the booths page."],
      ES: ["Su solicitud no se decidió a tiempo, así que la reserva venció y el stand se liberó.", "Pueden volver a solicitar un stand en la página de stands."],
    },
  );

export const boothCancelled: Template<"booth-cancelled"> = (p, l, c) =>
  render(
    p,
    l,
    c,
    { EN: `Booth ${p.boothCode}: booking cancelled`, ES: `Stand ${p.boothCode}: reserva cancelada` },
    {
      EN: ["Your booth booking is cancelled and the booth has been released."],
      ES: ["Su reserva de stand está cancelada y el stand se ha liberado."],
    },
  );

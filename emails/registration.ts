// The walker's emails: confirmation (or waiting list), promotion from the waiting list,
// cancellation, and the "lost your link?" reply. The QR code encodes only the ticket code.
import QRCode from "qrcode";
import { eventIcs } from "../lib/registrations/ics";
import { emailTranslator, escapeHtml, eventRowsHtml, eventText, htmlFrame, reportingHtml, reportingText, textFrame } from "./registration-layout";
import type { EmailAttachment, EmailContext, EmailEventInfo, EmailLanguage, RegistrationEmail, Template } from "./types";

function icsAttachment(event: EmailEventInfo, context: EmailContext): EmailAttachment {
  const ics = eventIcs({
    uid: `funwalk-${event.startsAt}@${new URL(context.appUrl).host}`,
    name: event.name,
    description: context.appUrl,
    location: event.venue,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    url: context.appUrl,
  });
  return { filename: "fun-walk.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: Buffer.from(ics).toString("base64") };
}

async function ticketsEmail(
  kind: "confirmed" | "promoted",
  payload: RegistrationEmail,
  language: EmailLanguage,
  context: EmailContext,
) {
  const t = emailTranslator(language);
  const waiting = kind === "confirmed" && payload.tickets.every((ticket) => ticket.status === "WAITING");
  const subjectKey = kind === "promoted" ? "promoted.subject" : waiting ? "waiting.subject" : "confirmed.subject";
  const subject = (payload.resent ? `${t("resentPrefix")} ` : "") + t(subjectKey, { event: payload.event.name });
  const intro =
    kind === "promoted"
      ? t("promoted.intro")
      : waiting
        ? t("waiting.intro", { position: payload.waitingPosition ?? 0, hasPosition: payload.waitingPosition ? "yes" : "no" })
        : t("confirmed.intro", { count: payload.tickets.length });
  const attachments: EmailAttachment[] = [];
  const ticketHtml: string[] = [];
  const ticketText: string[] = [];
  for (const [index, ticket] of payload.tickets.entries()) {
    const name = `${ticket.firstName} ${ticket.lastName}`;
    if (ticket.status === "CONFIRMED") {
      const png = await QRCode.toBuffer(ticket.ticketCode, { type: "png", width: 220, margin: 1, errorCorrectionLevel: "M" });
      const cid = `ticket-${index}@funwalk`;
      attachments.push({ filename: `ticket-${ticket.ticketCode}.png`, contentType: "image/png", content: png.toString("base64"), cid });
      ticketHtml.push(
        `<table role="presentation" cellpadding="0" cellspacing="0" style="border:1px solid #e2e8f0;border-radius:6px;width:100%"><tr>
<td style="padding:12px;vertical-align:top"><strong>${escapeHtml(name)}</strong><br>${escapeHtml(t("ticketCode"))}: <span style="font-family:monospace;font-size:18px">${ticket.ticketCode}</span></td>
<td style="padding:12px;width:160px" align="right"><img src="cid:${cid}" width="150" height="150" alt="${escapeHtml(t("qrAlt", { code: ticket.ticketCode }))}"></td></tr></table>`,
      );
      ticketText.push(`${name} — ${t("ticketCode")}: ${ticket.ticketCode}`);
    } else {
      ticketHtml.push(`<strong>${escapeHtml(name)}</strong> — ${escapeHtml(t("onWaitingList"))}`);
      ticketText.push(`${name} — ${t("onWaitingList")}`);
    }
  }
  const manageUrl = payload.managePath ? `${context.appUrl}${payload.managePath}` : null;
  const manageHtml = manageUrl
    ? `<a href="${escapeHtml(manageUrl)}" style="display:inline-block;background:#b91c1c;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(
        t("manageButton"),
      )}</a><br><span style="font-size:13px;color:#475569">${escapeHtml(t("manageHint"))}</span>`
    : escapeHtml(t("noManageLink"));
  if (!waiting) attachments.push(icsAttachment(payload.event, context));
  return {
    subject,
    html: htmlFrame(language, subject, [
      `<h1 style="font-size:22px;margin:0">${escapeHtml(subject)}</h1>`,
      escapeHtml(intro),
      eventRowsHtml(payload.event, language),
      ...ticketHtml,
      manageHtml,
      escapeHtml(t(waiting ? "waiting.bring" : "bring")),
      ...reportingHtml(context.event?.reporting, language),
    ], context.appUrl),
    text: textFrame(language, [
      subject,
      intro,
      eventText(payload.event, language),
      ticketText.join("\n"),
      manageUrl ? `${t("manageButton")}: ${manageUrl}\n${t("manageHint")}` : t("noManageLink"),
      t(waiting ? "waiting.bring" : "bring"),
      ...reportingText(context.event?.reporting, language),
    ], context.appUrl),
    attachments,
  };
}

export const registrationConfirmed: Template<"registration-confirmed"> = (payload, language, context) =>
  ticketsEmail("confirmed", payload, language, context);

export const walkerPromoted: Template<"walker-promoted"> = (payload, language, context) =>
  ticketsEmail("promoted", payload, language, context);

export const registrationCancelled: Template<"registration-cancelled"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const subject = t("cancelled.subject", { event: payload.event.name });
  const names = payload.names.join(", ");
  return {
    subject,
    html: htmlFrame(language, subject, [
      `<h1 style="font-size:22px;margin:0">${escapeHtml(subject)}</h1>`,
      escapeHtml(t("cancelled.intro", { names })),
      eventRowsHtml(payload.event, language),
      escapeHtml(t("cancelled.outro")),
    ], context.appUrl),
    text: textFrame(language, [subject, t("cancelled.intro", { names }), eventText(payload.event, language), t("cancelled.outro")], context.appUrl),
  };
};

export const manageLink: Template<"manage-link"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const subject = t("manageLink.subject", { event: payload.event.name });
  const url = `${context.appUrl}${payload.managePath}`;
  return {
    subject,
    html: htmlFrame(language, subject, [
      `<h1 style="font-size:22px;margin:0">${escapeHtml(subject)}</h1>`,
      escapeHtml(t("manageLink.intro")),
      `<a href="${escapeHtml(url)}" style="display:inline-block;background:#b91c1c;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(
        t("manageButton"),
      )}</a>`,
      eventRowsHtml(payload.event, language),
      escapeHtml(t("manageLink.notYou")),
    ], context.appUrl),
    text: textFrame(language, [subject, t("manageLink.intro"), `${t("manageButton")}: ${url}`, eventText(payload.event, language), t("manageLink.notYou")], context.appUrl),
  };
};

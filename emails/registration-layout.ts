// A plain table layout for the registration emails: inline styles only, readable without images.
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json";
import es from "../messages/es.json";
import type { ReportingView } from "../lib/events/reporting-view";
import type { EmailEventInfo, EmailLanguage } from "./types";

export function emailTranslator(language: EmailLanguage) {
  const locale = language === "ES" ? "es" : "en";
  return createTranslator({ locale, messages: locale === "es" ? es : en, namespace: "Email" });
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function formatWhen(event: EmailEventInfo, language: EmailLanguage): string {
  const locale = language === "ES" ? "es" : "en";
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: event.timezone }).format(
    new Date(event.startsAt),
  );
}

/** Wraps rows of HTML in the shared frame; `rows` are already escaped. The footer links the privacy notice. */
export function htmlFrame(language: EmailLanguage, title: string, rows: string[], appUrl: string): string {
  const t = emailTranslator(language);
  const privacyUrl = `${appUrl}/privacy`;
  return `<!doctype html>
<html lang="${language === "ES" ? "es" : "en"}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">
<tr><td style="background:#1e3a8a;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;border-radius:8px 8px 0 0">${escapeHtml(t("brand"))}</td></tr>
${rows.map((row) => `<tr><td style="padding:12px 24px;font-size:16px;line-height:1.5">${row}</td></tr>`).join("\n")}
<tr><td style="padding:16px 24px;font-size:13px;color:#475569;border-top:1px solid #e2e8f0">${escapeHtml(t("footer"))}<br><a href="${escapeHtml(privacyUrl)}" style="color:#475569">${escapeHtml(t("privacyLink"))}</a></td></tr>
</table></td></tr></table></body></html>`;
}

export function eventRowsHtml(event: EmailEventInfo, language: EmailLanguage): string {
  const t = emailTranslator(language);
  return `<strong>${escapeHtml(event.name)}</strong><br>${escapeHtml(t("when"))}: ${escapeHtml(formatWhen(event, language))}<br>${escapeHtml(
    t("where"),
  )}: ${escapeHtml(event.venue)} (<a href="${escapeHtml(event.mapUrl)}">${escapeHtml(t("map"))}</a>)`;
}

export function eventText(event: EmailEventInfo, language: EmailLanguage): string {
  const t = emailTranslator(language);
  return `${event.name}\n${t("when")}: ${formatWhen(event, language)}\n${t("where")}: ${event.venue}\n${t("map")}: ${event.mapUrl}`;
}

export function textFrame(language: EmailLanguage, parts: string[], appUrl: string): string {
  const t = emailTranslator(language);
  return [...parts, "--", t("footer"), `${t("privacyLink")}: ${appUrl}/privacy`].join("\n\n") + "\n";
}

/** The public page's texts on reporting trafficking (messages "Reporting"), the same words as the home page's. */
function reportingTranslator(language: EmailLanguage) {
  const locale = language === "ES" ? "es" : "en";
  return createTranslator({ locale, messages: locale === "es" ? es : en, namespace: "Reporting" });
}

/** "Report suspected trafficking": the signs and where to report; empty while the walk lists no resource. */
export function reportingHtml(reporting: ReportingView | null | undefined, language: EmailLanguage): string[] {
  if (!reporting?.resources.length) return [];
  const t = reportingTranslator(language);
  const signs = reporting.signs.length
    ? `<strong>${escapeHtml(t("signs"))}</strong><ul style="margin:4px 0 0 0;padding-left:20px">${reporting.signs.map((sign) => `<li>${escapeHtml(sign)}</li>`).join("")}</ul>`
    : "";
  const resources = reporting.resources.map((r) =>
    [
      `<strong>${escapeHtml(r.name)}</strong>`,
      r.phone && r.tel ? `${escapeHtml(t("phone"))}: <a href="${escapeHtml(r.tel)}">${escapeHtml(r.phone)}</a>` : null,
      r.url ? `${escapeHtml(t("web"))}: <a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : null,
      r.hours ? `${escapeHtml(t("hours"))}: ${escapeHtml(r.hours)}` : null,
    ]
      .filter(Boolean)
      .join("<br>"),
  );
  return [
    `<h2 style="font-size:18px;margin:0">${escapeHtml(t("title"))}</h2>${escapeHtml(t("intro"))}`,
    ...(signs ? [signs] : []),
    `<strong>${escapeHtml(t("where"))}</strong>`,
    ...resources,
  ];
}

export function reportingText(reporting: ReportingView | null | undefined, language: EmailLanguage): string[] {
  if (!reporting?.resources.length) return [];
  const t = reportingTranslator(language);
  const signs = reporting.signs.length ? [`${t("signs")}:\n${reporting.signs.map((sign) => `- ${sign}`).join("\n")}`] : [];
  const resources = reporting.resources.map((r) =>
    [r.name, r.phone ? `${t("phone")}: ${r.phone}` : null, r.url ? `${t("web")}: ${r.url}` : null, r.hours ? `${t("hours")}: ${r.hours}` : null]
      .filter(Boolean)
      .join("\n"),
  );
  return [`${t("title").toUpperCase()}\n${t("intro")}`, ...signs, `${t("where")}:\n${resources.join("\n\n")}`];
}

// The shared look of every email: a single-column table layout with inline styles (what Outlook,
// Gmail and Apple Mail render alike), a plain-text twin, the walk's name and date in the footer,
// and no remote images or tracking pixels. Templates pass words; the layout does the markup.
import { emailTranslator, localeOf } from "./i18n";
import type { EmailContext, EmailLanguage } from "./types";

export interface LayoutButton {
  label: string;
  url: string;
}

export interface LayoutDetail {
  label: string;
  value: string;
}

/** An image sent as an attachment with this content id (e.g. a QR code), shown as cid:<cid>. */
export interface LayoutImage {
  cid: string;
  alt: string;
  width: number;
  height: number;
}

export interface LayoutOptions {
  language: EmailLanguage;
  context: EmailContext;
  /** The heading of the message (also the HTML document's title). */
  title: string;
  /** Short summary some mail clients show next to the subject. Defaults to the first paragraph. */
  preheader?: string;
  /** Plain-text paragraphs, before the button. They are escaped: no markup. */
  paragraphs: string[];
  /** A list of facts, e.g. date, place, ticket code. */
  details?: LayoutDetail[];
  image?: LayoutImage;
  button?: LayoutButton;
  /** Paragraphs after the button, e.g. "if this was not you, ignore this email". */
  closing?: string[];
}

export interface LayoutResult {
  html: string;
  text: string;
}

const BRAND = "#1e3a8a";
const TEXT = "#1f2937";
const MUTED = "#4b5563";
const FONT = "Arial, Helvetica, sans-serif";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) and mailto links make it into an email; anything else becomes the app's address. */
function safeUrl(url: string, fallback: string): string {
  return /^(https?:|mailto:)/i.test(url) ? url : fallback;
}

/** "Sunday, August 2, 2026 at 6:00 AM" in the recipient's language and the venue's time zone. */
export function formatEventDate(language: EmailLanguage, startsAt: string | Date, timezone: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "full", timeStyle: "short", timeZone: timezone }).format(
    new Date(startsAt),
  );
}

function paragraphHtml(text: string): string {
  return `<p style="margin:0 0 16px 0;font-family:${FONT};font-size:16px;line-height:24px;color:${TEXT};">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
}

/** Wraps text at about 76 characters for plain-text mail readers, keeping long URLs whole. */
function wrap(text: string, width = 76): string {
  return text
    .split("\n")
    .map((line) => {
      const words = line.split(" ");
      const lines: string[] = [];
      let current = "";
      for (const word of words) {
        if (current && (current + " " + word).length > width) {
          lines.push(current);
          current = word;
        } else {
          current = current ? `${current} ${word}` : word;
        }
      }
      lines.push(current);
      return lines.join("\n");
    })
    .join("\n");
}

export function layout(options: LayoutOptions): LayoutResult {
  const { language, context } = options;
  const t = emailTranslator(language);
  const lang = localeOf(language);
  const event = context.event;
  const eventLine = event
    ? t("Email.layout.footerEvent", { event: event.name, date: formatEventDate(language, event.startsAt, event.timezone) })
    : null;
  const preheader = options.preheader ?? options.paragraphs[0] ?? options.title;
  const button = options.button ? { ...options.button, url: safeUrl(options.button.url, context.appUrl) } : undefined;

  const details = options.details?.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="margin:0 0 16px 0;border-collapse:collapse;">${options.details
        .map(
          (d) =>
            `<tr><td style="padding:6px 12px 6px 0;font-family:${FONT};font-size:15px;line-height:22px;color:${MUTED};vertical-align:top;white-space:nowrap;">${escapeHtml(d.label)}</td><td style="padding:6px 0;font-family:${FONT};font-size:15px;line-height:22px;color:${TEXT};font-weight:bold;vertical-align:top;">${escapeHtml(d.value)}</td></tr>`,
        )
        .join("")}</table>`
    : "";

  const image = options.image
    ? `<p style="margin:0 0 16px 0;text-align:center;"><img src="cid:${escapeHtml(options.image.cid)}" alt="${escapeHtml(options.image.alt)}" width="${options.image.width}" height="${options.image.height}" style="display:inline-block;border:0;outline:none;width:${options.image.width}px;height:${options.image.height}px;"></p>`
    : "";

  const buttonHtml = button
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;"><tr><td style="border-radius:6px;background:${BRAND};"><a href="${escapeHtml(button.url)}" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:17px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(button.label)}</a></td></tr></table>
<p style="margin:0 0 16px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};">${escapeHtml(t("Email.layout.buttonFallback"))}<br><a href="${escapeHtml(button.url)}" style="color:${BRAND};word-break:break-all;">${escapeHtml(button.url)}</a></p>`
    : "";

  const privacyUrl = `${context.appUrl}/privacy`;
  const footer =
    [eventLine, event ? t("Email.layout.footerVenue", { venue: event.venue }) : null, t("Email.layout.footerWhy"), t("Email.layout.noReply")]
      .filter((line): line is string => Boolean(line))
      .map((line) => `<p style="margin:0 0 8px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};">${escapeHtml(line)}</p>`)
      .join("") +
    `<p style="margin:0 0 8px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};"><a href="${escapeHtml(privacyUrl)}" style="color:${MUTED};">${escapeHtml(t("Email.privacyLink"))}</a></p>`;

  const html = `<!DOCTYPE html>
<html lang="${lang}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(preheader)}</div>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background:#f1f5f9;border-collapse:collapse;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="width:100%;max-width:600px;background:#ffffff;border-collapse:collapse;border-radius:8px;">
<tr><td style="padding:20px 32px;background:${BRAND};border-radius:8px 8px 0 0;font-family:${FONT};font-size:20px;font-weight:bold;line-height:28px;color:#ffffff;">${escapeHtml(event?.name ?? "Fun Walk")}</td></tr>
<tr><td style="padding:32px 32px 16px 32px;">
<h1 style="margin:0 0 20px 0;font-family:${FONT};font-size:24px;line-height:32px;color:${TEXT};">${escapeHtml(options.title)}</h1>
${options.paragraphs.map(paragraphHtml).join("\n")}
${details}
${image}
${buttonHtml}
${(options.closing ?? []).map(paragraphHtml).join("\n")}
</td></tr>
<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid #e2e8f0;">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

  const textParts: string[] = [options.title.toUpperCase(), "", ...options.paragraphs.flatMap((p) => [wrap(p), ""])];
  if (options.details?.length) textParts.push(...options.details.map((d) => `${d.label}: ${d.value}`), "");
  if (button) textParts.push(`${button.label}:`, button.url, "");
  textParts.push(...(options.closing ?? []).flatMap((p) => [wrap(p), ""]));
  textParts.push("--");
  if (eventLine) textParts.push(eventLine);
  if (event) textParts.push(event.venue);
  textParts.push(wrap(t("Email.layout.footerWhy")), wrap(t("Email.layout.noReply")), `${t("Email.privacyLink")}: ${privacyUrl}`);
  return { html, text: textParts.join("\n") + "\n" };
}

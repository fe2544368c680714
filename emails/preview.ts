// Every template rendered with its sample payload in both languages, for the organisers' preview.
import { funWalkEvent } from "../lib/events/seed-data";
import { templates } from "./index";
import { inlineCidImages, renderEmail } from "./render";
import type { EmailContext, EmailLanguage, TemplateName } from "./types";

export interface TemplatePreview {
  template: TemplateName;
  language: EmailLanguage;
  subject: string;
  /** HTML with inline (cid:) images turned into data: URLs, ready for an <iframe srcdoc>. */
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

export function sampleContext(language: EmailLanguage, appUrl = "https://funwalk.example.org", now = new Date()): EmailContext {
  const event = funWalkEvent(now);
  return {
    appUrl,
    event: {
      name: language === "ES" ? event.nameEs : event.nameEn,
      venue: event.venueAddress,
      startsAt: event.startsAt.toISOString(),
      timezone: event.timezone,
    },
  };
}

export async function previewTemplates(options: { appUrl?: string; now?: Date } = {}): Promise<TemplatePreview[]> {
  const previews: TemplatePreview[] = [];
  for (const template of Object.keys(templates) as TemplateName[]) {
    for (const language of ["EN", "ES"] as const) {
      const context = sampleContext(language, options.appUrl, options.now);
      const entry = templates[template] as { sample: unknown; sampleFor?: (l: typeof language, c: typeof context) => unknown };
      const sample = (entry.sampleFor?.(language, context) ?? entry.sample) as (typeof templates)[typeof template]["sample"];
      const rendered = await renderEmail(template, sample, language, context);
      previews.push({
        template,
        language,
        subject: rendered.subject,
        html: inlineCidImages(rendered.html, rendered.attachments),
        text: rendered.text,
        attachments: (rendered.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: Buffer.from(a.content, "base64").length,
        })),
      });
    }
  }
  return previews;
}

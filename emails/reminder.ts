// A message organisers write to every confirmed walker (e.g. "what to bring on Sunday"). The
// organiser writes it in both languages; each walker gets it in their own.
import { emailTranslator } from "./i18n";
import { layout } from "./layout";
import type { Template } from "./types";

export const reminder: Template<"reminder"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const { html, text } = layout({
    language,
    context,
    title: payload.subject,
    paragraphs: payload.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
    button: { label: t("Email.reminder.button"), url: context.appUrl },
    closing: [t("Email.reminder.closing")],
  });
  return { subject: payload.subject, html, text };
};

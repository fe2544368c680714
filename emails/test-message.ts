// A message sent on request to check that email reaches an inbox (dev mailbox, organisers).
import { emailTranslator } from "./i18n";
import { layout } from "./layout";
import type { Template } from "./types";

export const testMessage: Template<"test-message"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const paragraphs = [t("Email.testMessage.intro")];
  if (payload.note.trim()) paragraphs.push(t("Email.testMessage.note", { note: payload.note.trim() }));
  const { html, text } = layout({
    language,
    context,
    title: t("Email.testMessage.title"),
    paragraphs,
    button: { label: t("Email.testMessage.button"), url: context.appUrl },
  });
  return { subject: t("Email.testMessage.subject"), html, text };
};

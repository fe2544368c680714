// The sign-in link next-auth's email provider sends (see lib/mail/magic-link.ts).
import { emailTranslator } from "./i18n";
import { layout } from "./layout";
import type { Template } from "./types";

export const magicLink: Template<"magic-link"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const intro = [t("Email.magicLink.intro")];
  if (payload.expiresInMinutes) intro.push(t("Email.magicLink.expires", { minutes: payload.expiresInMinutes }));
  const { html, text } = layout({
    language,
    context,
    title: t("Email.magicLink.title"),
    paragraphs: [intro.join(" ")],
    button: { label: t("Email.magicLink.button"), url: payload.url },
    closing: [t("Email.magicLink.ignore")],
  });
  return { subject: t("Email.magicLink.subject"), html, text };
};

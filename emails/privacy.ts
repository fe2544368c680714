// The privacy emails: to admins before a walk's retention purge, and the last email to a group that
// deleted its own data (its address is erased once it is sent: lib/privacy/erase.ts).
import { emailTranslator } from "./i18n";
import { formatEventDate, layout } from "./layout";
import type { Template } from "./types";

export const privacyPurgeNotice: Template<"privacy-purge-notice"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const date = formatEventDate(language, payload.purgeOn, context.event?.timezone ?? "America/Port_of_Spain");
  const subject = t("Email.purgeNotice.subject", { walk: payload.walkName, date });
  const { html, text } = layout({
    language,
    context,
    title: subject,
    paragraphs: [t("Email.purgeNotice.intro", { walk: payload.walkName, date }), t("Email.purgeNotice.export"), t("Email.purgeNotice.kept")],
    button: { label: t("Email.purgeNotice.button"), url: `${context.appUrl}${payload.exportPath}` },
  });
  return { subject, html, text };
};

export const dataDeleted: Template<"data-deleted"> = (payload, language, context) => {
  const t = emailTranslator(language);
  const subject = t("Email.dataDeleted.subject", { walk: payload.walkName });
  const { html, text } = layout({
    language,
    context,
    title: subject,
    paragraphs: [t("Email.dataDeleted.intro", { count: payload.count, walk: payload.walkName }), t("Email.dataDeleted.kept"), t("Email.dataDeleted.again")],
    button: { label: t("Email.dataDeleted.button"), url: `${context.appUrl}/privacy` },
  });
  return { subject, html, text };
};

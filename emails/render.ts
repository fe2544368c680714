// Renders one outbox row's message. Pure: the same function serves the worker, previews and tests.
import { isTemplateName, templates } from "./index";
import type { EmailContext, EmailLanguage, RenderedEmail, Template, TemplateName } from "./types";

export class UnknownTemplateError extends Error {
  constructor(name: string) {
    super(`There is no email template named "${name}".`);
    this.name = "UnknownTemplateError";
  }
}

export async function renderEmail(
  template: string,
  payload: unknown,
  language: EmailLanguage,
  context: EmailContext,
): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new UnknownTemplateError(template);
  const render = templates[template].render as Template<TemplateName>;
  return render(payload as never, language, context);
}

/** Replaces cid: references with data: URLs, so an email's inline images show in a web page. */
export function inlineCidImages(
  html: string,
  attachments: { cid?: string | null; contentType: string; content: string }[] | undefined,
): string {
  let result = html;
  for (const attachment of attachments ?? []) {
    if (!attachment.cid || !attachment.contentType.startsWith("image/")) continue;
    const cid = attachment.cid.replace(/^<|>$/g, "");
    result = result.split(`cid:${cid}`).join(`data:${attachment.contentType};base64,${attachment.content}`);
  }
  return result;
}

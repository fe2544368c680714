// Every email template, by name. Adding a template: put its payload type in TemplatePayloads
// (emails/types.ts), write emails/<name>.ts with the shared `layout`, and register it here with a
// sample payload (the organisers' preview renders each template with it). TypeScript refuses a
// TemplatePayloads entry that is not registered here.
import { magicLink } from "./magic-link";
import { testMessage } from "./test-message";
import type { Template, TemplateName, TemplatePayloads } from "./types";

export interface TemplateEntry<T extends TemplateName> {
  render: Template<T>;
  /** Payload used by the preview. */
  sample: TemplatePayloads[T];
  /**
   * The payload holds a secret (a sign-in link): it is erased from the outbox once the message is
   * sent or has failed, and the message cannot be resent from the outbox.
   */
  secretPayload?: boolean;
}

export const templates: { [K in TemplateName]: TemplateEntry<K> } = {
  "magic-link": {
    render: magicLink,
    sample: { url: "https://funwalk.example.org/api/auth/callback/nodemailer?token=sample", expiresInMinutes: 60 },
    secretPayload: true,
  },
  "test-message": { render: testMessage, sample: { note: "Sent from the organisers' dashboard." } },
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(templates, name);
}

/** Templates whose payload is erased after delivery. */
export const secretPayloadTemplates: TemplateName[] = (Object.keys(templates) as TemplateName[]).filter(
  (name) => templates[name].secretPayload,
);

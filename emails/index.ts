// Every email template, by name. The delivery worker renders an outbox row with templates[row.template].
import { manageLink, registrationCancelled, registrationConfirmed, walkerPromoted } from "./registration";
import type { Template, TemplateName } from "./types";

type RegisteredTemplates = { [K in TemplateName]?: Template<K> };

export const templates = {
  "registration-confirmed": registrationConfirmed,
  "walker-promoted": walkerPromoted,
  "registration-cancelled": registrationCancelled,
  "manage-link": manageLink,
} satisfies RegisteredTemplates;

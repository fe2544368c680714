// Every template, by name (the delivery worker looks them up here).
import { boothApproved, boothCancelled, boothExpired, boothRejected, boothRequestReceived } from "./booth-booking";
import { magicLink } from "./magic-link";
import type { Template, TemplateName } from "./types";

export const templates: { [K in TemplateName]?: Template<K> } = {
  "magic-link": magicLink,
  "booth-request-received": boothRequestReceived,
  "booth-approved": boothApproved,
  "booth-rejected": boothRejected,
  "booth-expired": boothExpired,
  "booth-cancelled": boothCancelled,
};

// Reads the messages the dev mailbox (the real SMTP sink started by `npm start`) stored as JSON
// files in E2E_MAILBOX_DIR.
import { listMessages, type StoredMessage } from "../../lib/mail/dev-mailbox-store";
import { e2e } from "./env";

export interface MessageQuery {
  to: string;
  subject?: RegExp;
  /** Only messages received at or after this time. */
  since?: Date;
}

function matches(message: StoredMessage, query: MessageQuery): boolean {
  const to = query.to.toLowerCase();
  const addressed = message.envelopeTo.some((a) => a.toLowerCase() === to) || message.to.toLowerCase().includes(to);
  if (!addressed) return false;
  if (query.subject && !query.subject.test(message.subject)) return false;
  if (query.since && new Date(message.receivedAt) < query.since) return false;
  return true;
}

/** The newest message matching the query, waiting up to `timeoutMs` for it to arrive. */
export async function waitForMessage(query: MessageQuery, timeoutMs = 20_000): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = listMessages(e2e.mailboxDir).find((m) => matches(m, query));
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`No email to ${query.to}${query.subject ? ` with subject ${query.subject}` : ""} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(message: StoredMessage, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = message.text.match(new RegExp(`${escaped}[^\\s<>"]+`));
  if (!match) throw new Error(`No link starting with ${prefix} in the message "${message.subject}"`);
  return match[0];
}

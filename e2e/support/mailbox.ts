// Reads the messages the dev mailbox (the run's real SMTP sink) stored as JSON files.
import { listMessages, type StoredMessage } from "../../lib/mail/dev-mailbox-store";
import { e2e } from "./env";

export type { StoredMessage };

/** Waits until a message to `to` (and matching `subject`) arrives; fails with what did arrive. */
export async function waitForMessage(
  filter: { to: string; subject?: RegExp; after?: number },
  timeoutMs = 20_000,
): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  const matches = (m: StoredMessage) =>
    m.envelopeTo.some((address) => address.toLowerCase() === filter.to.toLowerCase()) &&
    (!filter.subject || filter.subject.test(m.subject)) &&
    (!filter.after || Date.parse(m.receivedAt) >= filter.after);
  for (;;) {
    const found = listMessages(e2e.mailboxDir).filter(matches);
    if (found.length > 0) return found[found.length - 1]!; // the oldest match
    if (Date.now() > deadline) {
      const seen = listMessages(e2e.mailboxDir)
        .filter((m) => m.envelopeTo.includes(filter.to.toLowerCase()))
        .map((m) => m.subject);
      throw new Error(`No email to ${filter.to}${filter.subject ? ` matching ${filter.subject}` : ""} within ${timeoutMs} ms (received for this address: ${JSON.stringify(seen)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every message to `to` so far, oldest first. */
export function messagesTo(to: string): StoredMessage[] {
  return listMessages(e2e.mailboxDir)
    .filter((m) => m.envelopeTo.some((address) => address.toLowerCase() === to.toLowerCase()))
    .reverse();
}

/** The first link in the message's text that starts with `prefix` (an absolute URL prefix). */
export function linkIn(message: StoredMessage, prefix: string): string {
  const match = message.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S+`));
  if (!match) throw new Error(`No link starting with ${prefix} in "${message.subject}"`);
  return match[0];
}

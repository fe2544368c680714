// Reads the messages the app really sent: the dev mailbox's SMTP server (started by `npm start`
// for the e2e run) stores each one as a JSON file in E2E_MAILBOX_DIR.
import { listMessages, type StoredMessage } from "../../lib/mail/dev-mailbox-store";
import { e2e } from "./env";

export type { StoredMessage };

export interface MessageQuery {
  /** Recipient address (case-insensitive). */
  to: string;
  /** Exact subject, or a pattern. */
  subject?: string | RegExp;
  /** Only messages received at or after this time. */
  since?: Date;
}

function matches(message: StoredMessage, query: MessageQuery): boolean {
  const to = query.to.toLowerCase();
  if (!message.envelopeTo.some((address) => address.toLowerCase() === to)) return false;
  if (query.since && new Date(message.receivedAt) < query.since) return false;
  if (query.subject === undefined) return true;
  return typeof query.subject === "string" ? message.subject === query.subject : query.subject.test(message.subject);
}

/** Every message received so far for the query, newest first. */
export function findMessages(query: MessageQuery): StoredMessage[] {
  return listMessages(e2e.mailboxDir).filter((message) => matches(message, query));
}

/** Waits for the newest message matching the query; fails with a clear sentence after `timeoutMs`. */
export async function waitForMessage(query: MessageQuery, timeoutMs = 20_000): Promise<StoredMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [message] = findMessages(query);
    if (message) return message;
    if (Date.now() > deadline) {
      throw new Error(`No email to ${query.to}${query.subject ? ` with subject ${String(query.subject)}` : ""} arrived within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The message's first link whose address starts with `prefix` (e.g. the app's URL), from the text part. */
export function linkIn(message: StoredMessage, prefix: string): string {
  const link = message.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`The email "${message.subject}" has no link starting with ${prefix}.`);
  return link;
}

/** Every message to `to` so far, oldest first. */
export function messagesTo(to: string): StoredMessage[] {
  return findMessages({ to }).reverse();
}

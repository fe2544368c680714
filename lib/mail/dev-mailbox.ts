import "server-only";
import { env } from "../env";
import { listMessages, readMessage, type StoredMessage } from "./dev-mailbox-store";

/**
 * The dev mailbox's folder, when the app delivers to the local dev SMTP server (`npm start` with
 * no SMTP_URL sets both DEV_MAILBOX_DIR and an SMTP_URL on 127.0.0.1). Otherwise null, and
 * /dev/mailbox answers 404.
 */
export function devMailboxDir(settings: { DEV_MAILBOX_DIR?: string; SMTP_URL?: string } = env()): string | null {
  if (!settings.DEV_MAILBOX_DIR || !settings.SMTP_URL) return null;
  let host: string;
  try {
    host = new URL(settings.SMTP_URL).hostname;
  } catch {
    return null;
  }
  return ["127.0.0.1", "localhost", "[::1]", "::1"].includes(host) ? settings.DEV_MAILBOX_DIR : null;
}

export function devMailboxMessages(dir: string): StoredMessage[] {
  return listMessages(dir);
}

export function devMailboxMessage(dir: string, id: string): StoredMessage | null {
  return readMessage(dir, id);
}

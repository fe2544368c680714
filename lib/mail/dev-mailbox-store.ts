// The dev mailbox's storage: one JSON file per received message in a folder. Read by the
// /dev/mailbox page and by the end-to-end tests' mailbox helper.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";

export interface StoredAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** base64 */
  content: string;
  /** Content-ID of an inline attachment (referenced from the HTML as cid:<cid>). */
  cid?: string | null;
}

export interface StoredMessage {
  id: string;
  receivedAt: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attachments: StoredAttachment[];
}

export function saveMessage(dir: string, message: StoredMessage): void {
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a reader never sees half a message.
  const file = path.join(dir, `${message.id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(message));
  renameSync(`${file}.tmp`, file);
}

/** Messages newest first. */
export function listMessages(dir: string): StoredMessage[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      try {
        return JSON.parse(readFileSync(path.join(dir, name), "utf8")) as StoredMessage;
      } catch {
        return null;
      }
    })
    .filter((m): m is StoredMessage => m !== null)
    .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : b.id.localeCompare(a.id)));
}

export function readMessage(dir: string, id: string): StoredMessage | null {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(id)) return null;
  try {
    return JSON.parse(readFileSync(path.join(dir, `${id}.json`), "utf8")) as StoredMessage;
  } catch {
    return null;
  }
}

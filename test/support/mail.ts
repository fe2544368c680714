// Helpers for tests that deliver real email to the dev mailbox's SMTP server.
import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { listMessages, type StoredMessage } from "../../lib/mail/dev-mailbox-store";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function tempMailboxDir(): string {
  return mkdtempSync(path.join(tmpdir(), "funwalk-test-mailbox-"));
}

/** Received messages per X-Funwalk-Message-Id header value. */
export function countByMessageId(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of listMessages(dir)) {
    const key = message.headers["x-funwalk-message-id"] ?? "(none)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function messagesTo(dir: string, address: string): StoredMessage[] {
  return listMessages(dir).filter((m) => m.envelopeTo.includes(address));
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

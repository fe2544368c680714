import "server-only";
import { createHash } from "node:crypto";
import type { EmailLanguage } from "../../emails/types";
import { db } from "../db";
import { enqueueEmail } from "./outbox";

/**
 * Queues next-auth's sign-in link through the outbox. Plug it into the Nodemailer provider:
 *   sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink({ to: identifier, url, expires })
 * The worker wakes on the commit's notification, so the link leaves within a second or two.
 * The idempotency key is a hash of the link (the link itself is a secret and must not appear in
 * headers or organiser views); the link is erased from the outbox once the message is delivered.
 */
export async function sendMagicLink(input: { to: string; url: string; expires?: Date; language?: EmailLanguage }): Promise<void> {
  const expiresInMinutes = input.expires ? Math.max(1, Math.round((input.expires.getTime() - Date.now()) / 60_000)) : undefined;
  const key = `magic-link:${createHash("sha256").update(input.url).digest("base64url")}`;
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      template: "magic-link",
      to: input.to,
      language: input.language ?? "EN",
      payload: expiresInMinutes ? { url: input.url, expiresInMinutes } : { url: input.url },
      idempotencyKey: key,
    }),
  );
}

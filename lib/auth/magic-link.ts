import "server-only";
import type { EmailLanguage } from "../../emails/types";
import { env } from "../env";
import { sendMagicLink } from "../mail/magic-link";

// Sign-in links go through the outbox like every other email: the worker wakes on the commit and
// hands the message to SMTP within a second or two, with retries if the mail server is down.
function smtpUrl(): string {
  return env().SMTP_URL ?? "smtp://127.0.0.1:2525";
}

export async function sendMagicLinkEmail(to: string, url: string, language: EmailLanguage, expires?: Date): Promise<void> {
  await sendMagicLink({ to, url, language, expires });
}

export { smtpUrl };

import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { magicLink } from "../../emails/magic-link";
import type { EmailLanguage } from "../../emails/types";
import { env } from "../env";

// Sign-in links are sent at once (the partner is waiting for them), straight to SMTP_URL.
// This is the one place that does it: switching to the outbox later means changing only this function.
let transport: Transporter | undefined;

function smtpUrl(): string {
  return env().SMTP_URL ?? "smtp://127.0.0.1:2525";
}

export async function sendMagicLinkEmail(to: string, url: string, language: EmailLanguage): Promise<void> {
  const { APP_URL, MAIL_FROM } = env();
  transport ??= nodemailer.createTransport(smtpUrl());
  const message = await magicLink({ url }, language, { appUrl: APP_URL });
  const result = await transport.sendMail({ to, from: MAIL_FROM, subject: message.subject, text: message.text, html: message.html });
  if (result.rejected.length > 0) throw new Error("The sign-in email was refused by the mail server.");
}

export { smtpUrl };

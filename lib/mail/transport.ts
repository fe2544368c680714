// The one SMTP transport of a process (nodemailer, pooled), reused for every message.
import nodemailer, { type Transporter } from "nodemailer";

export type SmtpTransport = Transporter;

/** Our defaults; any of them given in SMTP_URL's query string (e.g. ?maxConnections=5) wins. */
const defaults: Record<string, string> = {
  pool: "true",
  maxConnections: "3",
  maxMessages: "100",
  // Well under the worker's lease, so a hung server cannot outlive the claim on a message.
  connectionTimeout: "10000",
  greetingTimeout: "10000",
  socketTimeout: "30000",
};

export function createSmtpTransport(smtpUrl: string): SmtpTransport {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return nodemailer.createTransport(url.toString());
}

/** The domain part of MAIL_FROM ("Fun Walk <no-reply@funwalk.local>" → "funwalk.local"). */
export function senderDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(mailFrom);
  return match?.[1] ?? "funwalk.local";
}

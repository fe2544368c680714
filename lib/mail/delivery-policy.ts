// When to retry a failed delivery and when to give up. Pure, so it is unit-tested on its own.

export interface BackoffSettings {
  /** Delay before the second attempt; doubles with each further attempt. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
}

export const defaultBackoff: BackoffSettings = { baseMs: 30_000, maxMs: 60 * 60_000 };

/**
 * Delay after the `attempt`-th failed attempt (1-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many messages failing together do not retry in lock-step.
 */
export function retryDelayMs(attempt: number, settings: BackoffSettings = defaultBackoff, random: () => number = Math.random): number {
  const exponential = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export interface DeliveryFailure {
  permanent: boolean;
  /** What went wrong, for organisers: the SMTP server's reply when there is one, addresses removed. */
  reason: string;
}

interface SmtpLikeError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Email addresses are personal data: they never go into the stored reason. */
export function redactAddresses(text: string): string {
  return text.replace(/<?[^\s<>@"',;:]+@[^\s<>@"',;:]+\.[^\s<>@"',;:]+>?/g, "<recipient>");
}

/**
 * Classifies a nodemailer error. An SMTP 5xx reply (mailbox does not exist, message refused) is
 * permanent: retrying cannot help. Connection problems, timeouts and 4xx replies are transient.
 * Authentication failures (535) are treated as transient although they are 5xx: they mean our
 * credentials are wrong, and once an operator fixes SMTP_URL the queued messages should still go.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as SmtpLikeError;
  const reply = e.response?.trim();
  const raw = reply || e.message || "Unknown delivery error";
  const reason = redactAddresses(raw).slice(0, 500);
  if (e.code === "EAUTH") return { permanent: false, reason };
  if (typeof e.responseCode === "number") {
    return { permanent: e.responseCode >= 500 && e.responseCode < 600, reason };
  }
  // Refused by nodemailer before any SMTP exchange: the message itself is unusable.
  if (e.code === "EENVELOPE" || e.code === "EMESSAGE") return { permanent: true, reason };
  return { permanent: false, reason };
}

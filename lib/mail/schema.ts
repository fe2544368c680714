import { z } from "zod";

export const emailStatuses = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;
export type EmailStatusName = (typeof emailStatuses)[number];

/** Filters of the organisers' email list (from a query string: every field optional). */
export const EmailListFilters = z.object({
  status: z.enum(emailStatuses).optional(),
  template: z.string().trim().min(1).max(100).optional(),
  /** Exact recipient address (case-insensitive). */
  to: z.string().trim().toLowerCase().email().max(320).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EmailListFilters = z.input<typeof EmailListFilters>;

/** The dev mailbox's "send a test message" form. Error messages are message keys (DevMailbox.send.*). */
export const TestMessageForm = z.object({
  to: z.string().trim().max(320).pipe(z.email({ error: "invalidEmail" })),
  language: z.enum(["EN", "ES"], { error: "invalidLanguage" }),
});

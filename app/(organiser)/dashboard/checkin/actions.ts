"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { checkInWalker, TicketNotFound, WalkerNotConfirmed } from "@/lib/checkin/mutations";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";

const text = z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 64) : ""), z.string());

/**
 * A ticket code (typed or scanned) or a walker from the search. The answer's `result` says how it
 * went (`kind`: "done" or "already") and who it is: `ageBand`, `tshirtSize` and `guardianName`
 * ("" when none).
 */
const checkIn = formAction({
  schema: z
    .object({ code: text, walkerId: text, method: z.unknown().transform((v) => (v === "QR" ? "QR" : "SEARCH")) })
    .refine((form) => form.code !== "" || form.walkerId !== "", { path: ["code"], message: "codeRequired" }),
  translator: messagesOf("Dashboard"),
  errorKey: (code) => `checkin.${code}`,
  run: async ({ code, walkerId, method }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const locale = (await getLocale()) as "en" | "es";
    const event = await getDashboardEvent(actor, locale);
    if (!event) return { message: t("noEvent") };
    const result = await checkInWalker({ eventId: event.id, ...(walkerId ? { walkerId } : { ticketCode: code }), method, actor });
    const name = `${result.walker.firstName} ${result.walker.lastName}`;
    const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: event.timezone }).format(result.checkedInAt);
    return {
      ok: true,
      message: result.firstTime ? t("checkin.done", { name }) : t("checkin.already", { time, name }),
      // The code field starts empty for the next ticket.
      values: {},
      result: {
        kind: result.firstTime ? "done" : "already",
        ageBand: t(`ageBand.${result.walker.ageBand}`),
        tshirtSize: result.walker.tshirtSize ? t(`tshirt.${result.walker.tshirtSize}`) : "",
        guardianName: result.walker.guardianName ?? "",
      },
    };
  },
  refuse: (error, t) => {
    if (error instanceof TicketNotFound) return { message: t("checkin.notFound") };
    if (error instanceof WalkerNotConfirmed) return { message: t("checkin.notConfirmed", { status: t(`status.${error.status}`) }) };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function checkInAction(previous: FormState, formData: FormData): Promise<FormState> {
  return checkIn(previous, formData);
}

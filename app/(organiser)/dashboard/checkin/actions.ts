"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { checkInWalker, TicketNotFound, WalkerNotConfirmed } from "@/lib/checkin/mutations";
import { getDashboardEvent } from "@/lib/dashboard/context";

export interface CheckInState {
  ok: boolean;
  /** "done" | "already" | "error" */
  kind: "idle" | "done" | "already" | "error";
  message: string;
  walker?: { name: string; ageBand: string; tshirtSize: string | null; guardianName: string | null };
}

export async function checkInAction(_previous: CheckInState, formData: FormData): Promise<CheckInState> {
  const t = await getTranslations("Dashboard");
  const code = String(formData.get("code") ?? "").trim().slice(0, 64);
  const walkerId = String(formData.get("walkerId") ?? "").trim().slice(0, 64);
  const method = formData.get("method") === "QR" ? "QR" : "SEARCH";
  if (!code && !walkerId) return { ok: false, kind: "error", message: t("checkin.codeRequired") };
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    const locale = (await getLocale()) as "en" | "es";
    const event = await getDashboardEvent(actor, locale);
    if (!event) return { ok: false, kind: "error", message: t("noEvent") };
    const result = await checkInWalker({
      eventId: event.id,
      ...(walkerId ? { walkerId } : { ticketCode: code }),
      method,
      actor,
    });
    const name = `${result.walker.firstName} ${result.walker.lastName}`;
    const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: event.timezone }).format(result.checkedInAt);
    return {
      ok: true,
      kind: result.firstTime ? "done" : "already",
      message: result.firstTime ? t("checkin.done", { name }) : t("checkin.already", { time, name }),
      walker: {
        name,
        ageBand: t(`ageBand.${result.walker.ageBand}` as "ageBand.UNDER_12"),
        tshirtSize: result.walker.tshirtSize ? t(`tshirt.${result.walker.tshirtSize}` as "tshirt.M") : null,
        guardianName: result.walker.guardianName,
      },
    };
  } catch (error) {
    if (error instanceof TicketNotFound) return { ok: false, kind: "error", message: t("checkin.notFound") };
    if (error instanceof WalkerNotConfirmed) {
      return { ok: false, kind: "error", message: t("checkin.notConfirmed", { status: t(`status.${error.status}`) }) };
    }
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { ok: false, kind: "error", message: t("forbidden") };
    throw error;
  }
}

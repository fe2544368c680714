"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { BoothError, BoothTaken } from "@/lib/booths/errors";
import { approveBooking, reassignBooking, rejectBooking } from "@/lib/booths/mutations";

export interface DecisionState {
  ok: boolean;
  message?: string;
  fieldError?: string;
}

export async function decideBooking(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const t = await getTranslations("Dashboard");
  const bookingId = String(formData.get("bookingId") ?? "");
  const decision = formData.get("decision");
  const reason = String(formData.get("reason") ?? "").trim();
  if (decision === "reject" && !reason) return { ok: false, fieldError: t("booths.reasonRequired") };
  if (reason.length > 500) return { ok: false, fieldError: t("booths.reasonTooLong") };
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    if (decision === "approve") await approveBooking(actor, bookingId);
    else if (decision === "reject") await rejectBooking(actor, bookingId, reason);
    else return { ok: false, message: t("booths.unknownDecision") };
  } catch (error) {
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { ok: false, message: t("forbidden") };
    if (error instanceof BoothError) return { ok: false, message: t("booths.notPending") };
    throw error;
  }
  revalidatePath("/dashboard/booths");
  return { ok: true, message: decision === "approve" ? t("booths.approved") : t("booths.rejected") };
}

export interface ReassignState {
  ok?: boolean;
  message?: string;
}

export async function reassignAction(_previous: ReassignState, formData: FormData): Promise<ReassignState> {
  const t = await getTranslations("Dashboard.booths");
  const bookingId = String(formData.get("bookingId") ?? "");
  const boothCode = String(formData.get("boothCode") ?? "").slice(0, 10);
  if (!boothCode.trim()) return { message: t("chooseBooth") };
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    await reassignBooking(actor, bookingId, boothCode);
  } catch (error) {
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbiddenShort") };
    if (error instanceof BoothTaken) return { message: t("boothTaken") };
    if (error instanceof BoothError) return { message: t("notPending") };
    throw error;
  }
  revalidatePath("/dashboard/booths");
  return { ok: true, message: t("reassigned", { booth: boothCode.trim().toUpperCase() }) };
}

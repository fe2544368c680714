"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { BoothError, BoothTaken } from "@/lib/booths/errors";
import { approveBooking, reassignBooking, rejectBooking } from "@/lib/booths/mutations";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.slice(0, max).trim() : ""), z.string());

const decide = formAction({
  schema: z
    .object({
      bookingId: text(64),
      decision: text(10),
      reason: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(500, "reasonTooLong")),
    })
    .refine((form) => form.decision !== "reject" || form.reason !== "", { path: ["reason"], message: "reasonRequired" }),
  translator: messagesOf("Dashboard"),
  errorKey: (code) => `booths.${code}`,
  run: async ({ bookingId, decision, reason }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    if (decision === "approve") await approveBooking(actor, bookingId);
    else if (decision === "reject") await rejectBooking(actor, bookingId, reason);
    else return { message: t("booths.unknownDecision") };
    revalidatePath("/dashboard/booths");
    await publicPagesChanged(); // the public map and the listed exhibitors
    return { ok: true, message: decision === "approve" ? t("booths.approved") : t("booths.rejected") };
  },
  refuse: (error, t) => {
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
    if (error instanceof BoothError) return { message: t("booths.notPending") };
  },
});

export async function decideBooking(previous: FormState, formData: FormData): Promise<FormState> {
  return decide(previous, formData);
}

const reassign = formAction({
  schema: z.object({ bookingId: text(64), boothCode: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 10).trim() : ""), z.string().min(1, "chooseBooth")) }),
  translator: messagesOf("Dashboard.booths"),
  run: async ({ bookingId, boothCode }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    await reassignBooking(actor, bookingId, boothCode);
    revalidatePath("/dashboard/booths");
    await publicPagesChanged(); // the public map and the listed exhibitors
    return { ok: true, message: t("reassigned", { booth: boothCode.toUpperCase() }), values: {} };
  },
  refuse: (error, t) => {
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbiddenShort") };
    // The chosen booth is what is wrong: the answer is under the list of booths.
    if (error instanceof BoothTaken) return { fieldErrors: { boothCode: t("boothTaken") } };
    if (error instanceof BoothError) return { message: t("notPending") };
  },
});

export async function reassignAction(previous: FormState, formData: FormData): Promise<FormState> {
  return reassign(previous, formData);
}

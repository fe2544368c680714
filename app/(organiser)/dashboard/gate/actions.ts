"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import QRCode from "qrcode";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { env } from "@/lib/env";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { createGatePass, PassNotFound, PassWindowInvalid, revokeGatePass } from "@/lib/gate/mutations";
import { newPassSchema, revokePassSchema } from "@/lib/gate/schema";

const createPass = formAction({
  schema: newPassSchema,
  translator: messagesOf("Dashboard.gate"),
  errorKey: (code) => `errors.${code}`,
  run: async (data, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
    if (!event) return { message: t("noEvent") };
    const pass = await createGatePass(actor, event.id, data);
    const link = `${env().APP_URL.replace(/\/$/, "")}/gate/open/${pass.token}`;
    const svg = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    revalidatePath("/dashboard/gate");
    // The link exists only in this answer: the database keeps its hash.
    return { ok: true, values: {}, result: { label: pass.label, link, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` } };
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof PassWindowInvalid) return { fieldErrors: { [error.field]: t(`errors.${error.code}`) } };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function createPassAction(previous: FormState, formData: FormData): Promise<FormState> {
  return createPass(previous, formData);
}

const revokePass = formAction({
  schema: revokePassSchema,
  translator: messagesOf("Dashboard.gate"),
  run: async (data, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
    if (!event) return { message: t("noEvent") };
    await revokeGatePass(actor, event.id, data.passId);
    revalidatePath("/dashboard/gate");
    return { ok: true, message: t("revoked") };
  },
  refuse: (error, t): FormState | undefined => {
    if (error instanceof PassNotFound) return { message: t("passNotFound") };
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden") };
  },
});

export async function revokePassAction(previous: FormState, formData: FormData): Promise<FormState> {
  return revokePass(previous, formData);
}

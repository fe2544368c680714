"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { CapacityBelowConfirmed, eventSettingsSchema, updateEventSettings } from "@/lib/events/settings";

const fields = ["capacity", "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt", "boothHoldHours"] as const;
type Field = (typeof fields)[number];

export interface SettingsState {
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Partial<Record<Field, string>>;
  message?: string;
  ok?: boolean;
  attempt?: number;
}

export async function saveSettingsAction(previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const t = await getTranslations("Dashboard.settings");
  const attempt = (previous.attempt ?? 0) + 1;
  const values = Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 40)])) as Record<Field, string>;
  const parsed = eventSettingsSchema.safeParse(values);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors as Partial<Record<Field, string[]>>;
    const fieldErrors: SettingsState["fieldErrors"] = {};
    for (const f of fields) if (errors[f]?.[0]) fieldErrors[f] = t(`errors.${errors[f]![0]}` as "errors.dateInvalid");
    return { fieldErrors, values, attempt };
  }
  try {
    const actor = await requireRole(...ORGANISER_ROLES);
    const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
    if (!event) return { message: t("noEvent"), values, attempt };
    const { promoted } = await updateEventSettings(actor, event.id, values);
    revalidatePath("/dashboard");
    return { ok: true, message: promoted > 0 ? t("savedPromoted", { count: promoted }) : t("saved"), values, attempt };
  } catch (error) {
    if (error instanceof CapacityBelowConfirmed) {
      return { fieldErrors: { capacity: t("errors.belowConfirmed", { confirmed: error.confirmed }) }, values, attempt };
    }
    if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("forbidden"), values, attempt };
    throw error;
  }
}

"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { AlreadyRegisteredError, WalkerNotFound } from "@/lib/registrations/errors";
import { byOrganiser, cancelWalkers, resendTickets, updateWalker } from "@/lib/registrations/mutations";
import { fieldErrors, formDataToObject, walkerEditSchema } from "@/lib/registrations/schema";

async function context() {
  const actor = await requireRole(...ORGANISER_ROLES);
  const event = await getDashboardEvent(actor, (await getLocale()) as "en" | "es");
  if (!event) redirect("/dashboard");
  return { actor, event };
}

const walkerPath = (id: string) => `/dashboard/walkers/${encodeURIComponent(id)}`;

async function guarded(run: () => Promise<void>, walkerId: string, done: string) {
  try {
    await run();
  } catch (error) {
    if (error instanceof NotSignedIn) redirect("/login");
    if (error instanceof Forbidden) redirect("/dashboard");
    if (error instanceof WalkerNotFound) redirect("/dashboard/walkers");
    throw error;
  }
  redirect(`${walkerPath(walkerId)}?done=${done}`);
}

export async function cancelWalkerAction(formData: FormData): Promise<void> {
  const walkerId = String(formData.get("walkerId") ?? "");
  await guarded(async () => {
    const { actor, event } = await context();
    await cancelWalkers(byOrganiser(actor, event.id, walkerId), [walkerId]);
  }, walkerId, "cancelled");
}

export async function resendTicketAction(formData: FormData): Promise<void> {
  const walkerId = String(formData.get("walkerId") ?? "");
  await guarded(async () => {
    const { actor, event } = await context();
    await resendTickets(byOrganiser(actor, event.id, walkerId));
  }, walkerId, "resent");
}

export interface OrganiserEditState {
  message?: "alreadyRegistered";
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  attempt?: number;
}

export async function editWalkerAsOrganiserAction(previous: OrganiserEditState, formData: FormData): Promise<OrganiserEditState> {
  const attempt = (previous.attempt ?? 0) + 1;
  const walkerId = String(formData.get("walkerId") ?? "");
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value.slice(0, 2000);
  const parsed = walkerEditSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values, attempt };
  try {
    const { actor, event } = await context();
    await updateWalker(byOrganiser(actor, event.id, walkerId), walkerId, parsed.data);
  } catch (error) {
    if (error instanceof AlreadyRegisteredError) return { message: "alreadyRegistered", values, attempt };
    if (error instanceof NotSignedIn) redirect("/login");
    if (error instanceof Forbidden) redirect("/dashboard");
    if (error instanceof WalkerNotFound) redirect("/dashboard/walkers");
    throw error;
  }
  redirect(`${walkerPath(walkerId)}?done=saved`);
}

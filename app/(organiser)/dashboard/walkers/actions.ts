"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { AlreadyRegisteredError, WalkerNotFound } from "@/lib/registrations/errors";
import { byOrganiser, cancelWalkers, resendTickets, updateWalker } from "@/lib/registrations/mutations";
import { formAction, type FormState } from "@/lib/forms/action";
import { walkerEditForm } from "@/lib/forms/walker-edit";

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

const editWalkerAsOrganiser = formAction({
  ...walkerEditForm,
  run: async (data, { form }) => {
    const walkerId = String(form.get("walkerId") ?? "");
    const { actor, event } = await context();
    await updateWalker(byOrganiser(actor, event.id, walkerId), walkerId, data);
    redirect(`${walkerPath(walkerId)}?done=saved`);
  },
  refuse: (error, t) => {
    if (error instanceof AlreadyRegisteredError) return { message: t("messages.alreadyRegistered") };
    if (error instanceof NotSignedIn) redirect("/login");
    if (error instanceof Forbidden) redirect("/dashboard");
    if (error instanceof WalkerNotFound) redirect("/dashboard/walkers");
  },
});

export async function editWalkerAsOrganiserAction(previous: FormState, formData: FormData): Promise<FormState> {
  return editWalkerAsOrganiser(previous, formData);
}

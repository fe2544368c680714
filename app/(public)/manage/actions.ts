"use server";

import { asFormData } from "@/lib/http/form-data";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { checkPublicFormLimit } from "@/lib/rate-limit/public-forms";
import { AlreadyRegisteredError, InvalidManageLinkError } from "@/lib/registrations/errors";
import { byManageLink, cancelWalkers, resendTickets, updateWalker } from "@/lib/registrations/mutations";
import { fieldErrors, formDataToObject, walkerEditSchema } from "@/lib/registrations/schema";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function cancelAction(form: FormData): Promise<void> {
  const formData = asFormData(form);
  const token = field(formData, "token");
  const walker = field(formData, "walker");
  let outcome = "cancelled";
  try {
    const { cancelled } = await cancelWalkers(byManageLink(token), walker === "all" ? "all" : [walker]);
    if (cancelled === 0) outcome = "nothingToCancel";
  } catch (error) {
    if (error instanceof InvalidManageLinkError) redirect(`/manage/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/manage/${token}?done=${outcome}`);
}

export async function resendAction(form: FormData): Promise<void> {
  const formData = asFormData(form);
  const token = field(formData, "token");
  const limit = await checkPublicFormLimit("manage", await headers());
  if (limit.allowed) {
    try {
      await resendTickets(byManageLink(token));
    } catch (error) {
      if (!(error instanceof InvalidManageLinkError)) throw error;
    }
  }
  redirect(`/manage/${encodeURIComponent(token)}?done=resent`);
}

export interface EditState {
  message?: "alreadyRegistered" | "unexpected";
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Counts answers, so the form remounts with the submitted values. */
  attempt?: number;
}

export async function editWalkerAction(previous: EditState, formData: FormData): Promise<EditState> {
  const attempt = (Number(previous?.attempt) || 0) + 1;
  return { ...(await editWalker(asFormData(formData))), attempt };
}

async function editWalker(formData: FormData): Promise<EditState> {
  const token = field(formData, "token");
  const walkerId = field(formData, "walkerId");
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value.slice(0, 2000);
  const parsed = walkerEditSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  try {
    await updateWalker(byManageLink(token), walkerId, parsed.data);
  } catch (error) {
    if (error instanceof AlreadyRegisteredError) return { message: "alreadyRegistered", values };
    if (error instanceof InvalidManageLinkError) redirect(`/manage/${encodeURIComponent(token)}`);
    console.error(`walker update failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { message: "unexpected", values };
  }
  redirect(`/manage/${token}?done=saved`);
}

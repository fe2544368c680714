"use server";

import { asFormData } from "@/lib/http/form-data";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { checkPublicFormLimit } from "@/lib/rate-limit/public-forms";
import { AlreadyRegisteredError, InvalidManageLinkError } from "@/lib/registrations/errors";
import { byManageLink, cancelWalkers, deleteOwnData, resendTickets, updateWalker } from "@/lib/registrations/mutations";
import { formAction, type FormState } from "@/lib/forms/action";
import { walkerEditForm } from "@/lib/forms/walker-edit";

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

/** "Delete our data now", after its confirmation step. Once the group is erased its link says nothing is stored. */
export async function deleteDataAction(form: FormData): Promise<void> {
  const formData = asFormData(form);
  const token = field(formData, "token");
  const walker = field(formData, "walker");
  let outcome = "dataDeleted";
  try {
    const { deleted, groupErased } = await deleteOwnData(token, walker === "all" ? "all" : [walker]);
    if (groupErased) redirect(`/manage/${encodeURIComponent(token)}`);
    if (deleted === 0) outcome = "nothingToDelete";
  } catch (error) {
    if (error instanceof InvalidManageLinkError) redirect(`/manage/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/manage/${encodeURIComponent(token)}?done=${outcome}`);
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

const editWalker = formAction({
  ...walkerEditForm,
  run: async (data, { form }) => {
    const token = field(form, "token");
    await updateWalker(byManageLink(token), field(form, "walkerId"), data);
    redirect(`/manage/${token}?done=saved`);
  },
  refuse: (error, t, { form }) => {
    if (error instanceof AlreadyRegisteredError) return { message: t("messages.alreadyRegistered") };
    if (error instanceof InvalidManageLinkError) redirect(`/manage/${encodeURIComponent(field(form, "token"))}`);
    console.error(`walker update failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { message: t("messages.unexpected") };
  },
});

export async function editWalkerAction(previous: FormState, formData: FormData): Promise<FormState> {
  return editWalker(previous, formData);
}

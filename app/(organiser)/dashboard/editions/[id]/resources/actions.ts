"use server";

import { ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { formAction, messagesOf, type FormState } from "@/lib/forms/action";
import { itemIdField } from "@/lib/events/edition-fields";
import {
  addReportingResource,
  addReportingResourceSchema,
  editReportingResource,
  editReportingResourceSchema,
  moveReportingResource,
  removeReportingResource,
  reportingSignsSchema,
  saveReportingSigns,
} from "@/lib/events/reporting";
import { z } from "zod";
import { listActions, listChanged, refuseListChange } from "../_list/list-actions";

const resources = listActions({
  namespace: "Dashboard.resources",
  section: "resources",
  addSchema: addReportingResourceSchema,
  editSchema: editReportingResourceSchema,
  add: addReportingResource,
  edit: editReportingResource,
  move: moveReportingResource,
  remove: removeReportingResource,
});

const saveSigns = formAction({
  schema: z.intersection(z.object({ eventId: itemIdField }), reportingSignsSchema),
  translator: messagesOf("Dashboard.resources"),
  errorKey: (code) => `errors.${code}`,
  run: async ({ eventId }, { values, t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const { published } = await saveReportingSigns(actor, eventId, values);
    await listChanged(eventId, "resources", published);
    return { ok: true, message: t("signsSaved") };
  },
  refuse: refuseListChange,
});

export async function addResourceAction(previous: FormState, form: FormData): Promise<FormState> {
  return resources.add(previous, form);
}

export async function editResourceAction(previous: FormState, form: FormData): Promise<FormState> {
  return resources.edit(previous, form);
}

export async function arrangeResourceAction(previous: FormState, form: FormData): Promise<FormState> {
  return resources.arrange(previous, form);
}

export async function saveSignsAction(previous: FormState, form: FormData): Promise<FormState> {
  return saveSigns(previous, form);
}

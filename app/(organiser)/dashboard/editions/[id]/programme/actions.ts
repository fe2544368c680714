"use server";

import type { FormState, Translate } from "@/lib/forms/action";
import {
  addProgrammeItem,
  addProgrammeItemSchema,
  editProgrammeItem,
  editProgrammeItemSchema,
  moveProgrammeItem,
  ProgrammeTimeOutsideDay,
  removeProgrammeItem,
} from "@/lib/events/programme";
import { listActions } from "../_list/list-actions";

const programme = listActions({
  namespace: "Dashboard.programme",
  section: "programme",
  addSchema: addProgrammeItemSchema,
  editSchema: editProgrammeItemSchema,
  add: addProgrammeItem,
  edit: editProgrammeItem,
  move: moveProgrammeItem,
  remove: removeProgrammeItem,
  refuse: (error: unknown, t: Translate): FormState | undefined =>
    error instanceof ProgrammeTimeOutsideDay ? { fieldErrors: { time: t("errors.timeOutsideDay") } } : undefined,
});

export async function addProgrammeItemAction(previous: FormState, form: FormData): Promise<FormState> {
  return programme.add(previous, form);
}

export async function editProgrammeItemAction(previous: FormState, form: FormData): Promise<FormState> {
  return programme.edit(previous, form);
}

export async function arrangeProgrammeItemAction(previous: FormState, form: FormData): Promise<FormState> {
  return programme.arrange(previous, form);
}

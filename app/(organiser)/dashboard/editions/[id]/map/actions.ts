"use server";

import { revalidatePath } from "next/cache";
import { Forbidden, NotSignedIn, ORGANISER_ROLES, requireRole } from "@/lib/auth";
import { BOOTH_AREA } from "@/lib/booths/area";
import { BoothBooked, BoothCodeTaken, BoothNotOnMap, BoothOutsideArea, BoothOverlap } from "@/lib/booths/errors";
import { addBooth, deleteBooth, editBooth } from "@/lib/booths/layout";
import { boothDeleteForm, boothSaveForm } from "@/lib/booths/schema";
import { EditionNotFound } from "@/lib/events/edition";
import { formAction, messagesOf, type FormState, type Translate } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

/** After a change: the editor shows the new map; the public pages too when the edition is the published one. */
async function mapChanged(editionId: string, published: boolean) {
  revalidatePath(`/dashboard/editions/${editionId}/map`);
  if (published) await publicPagesChanged(); // the public booth map, and the exhibitors' booth codes
}

/** The refusals every change of the map shares, as a sentence; `code` is the booth the form is about. */
function refused(error: unknown, t: Translate, code: string): FormState | undefined {
  if (error instanceof NotSignedIn || error instanceof Forbidden) return { message: t("errors.forbidden") };
  if (error instanceof EditionNotFound) return { message: t("errors.editionNotFound") };
  if (error instanceof BoothNotOnMap) return { message: t("errors.boothNotFound") };
  if (error instanceof BoothCodeTaken) return { fieldErrors: { code: t("errors.codeTaken", { code: error.boothCode }) } };
  if (error instanceof BoothOverlap) return { message: t("errors.overlap", { code, other: error.otherCode }) };
  if (error instanceof BoothOutsideArea) return { message: t("errors.outsideArea", { code, width: BOOTH_AREA.width, height: BOOTH_AREA.height }) };
  if (error instanceof BoothBooked) return { message: t("errors.booked", { code: error.boothCode }) };
}

// A forged form (no walk or booth id) gets the sentence of a booth that is not on the map.
const translator = messagesOf("Dashboard.map", { fallback: "errors.boothNotFound" });

const save = formAction({
  schema: boothSaveForm,
  translator,
  errorKey: (key) => `fieldErrors.${key}`,
  run: async ({ editionId, boothId, ...booth }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    if (!boothId) {
      const added = await addBooth(actor, editionId, booth);
      await mapChanged(editionId, added.published);
      return { ok: true, message: t("added", { code: booth.code }), result: { boothId: added.boothId } };
    }
    const edited = await editBooth(actor, editionId, boothId, booth);
    await mapChanged(editionId, edited.published && edited.changed);
    return { ok: true, message: t(edited.emailed > 0 ? "savedEmailed" : "saved", { code: booth.code }), result: { boothId } };
  },
  refuse: (error, t, { values }) => refused(error, t, (values.code ?? "").trim().toUpperCase()),
});

export async function saveBoothAction(previous: FormState, formData: FormData): Promise<FormState> {
  return save(previous, formData);
}

const remove = formAction({
  schema: boothDeleteForm,
  translator,
  errorKey: (key) => `fieldErrors.${key}`,
  run: async ({ editionId, boothId }, { t }) => {
    const actor = await requireRole(...ORGANISER_ROLES);
    const { published, code } = await deleteBooth(actor, editionId, boothId);
    await mapChanged(editionId, published);
    return { ok: true, message: t("deleted", { code }), result: { deleted: boothId } };
  },
  refuse: (error, t) => refused(error, t, ""),
});

export async function deleteBoothAction(previous: FormState, formData: FormData): Promise<FormState> {
  return remove(previous, formData);
}

"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Forbidden, NotSignedIn, requireRole } from "@/lib/auth";
import { BoothError, BoothTaken } from "@/lib/booths/errors";
import { cancelBooking, requestBooking, saveOrganisationProfile } from "@/lib/booths/mutations";
import { bookingRequestForm, organisationProfileSchema } from "@/lib/booths/schema";
import { formAction, messagesOf, type FormState, type Translate } from "@/lib/forms/action";
import { publicPagesChanged } from "@/lib/public-pages-changed";

// The booth messages; a schema's own message (for input the form never sends) reads as "too long".
const translator = messagesOf("Booths", { fallback: "fieldErrors.tooLong" });
const errorKey = (code: string) => `fieldErrors.${code}`;
const partnerSentence = async (key: "saved" | "cancelled") => (await getTranslations("Partner"))(key);

/** What the partner is told when a change is refused; a stranger is sent to the login page. */
function refuse(error: unknown, t: Translate): FormState {
  if (error instanceof NotSignedIn) redirect("/partner/login");
  if (error instanceof Forbidden) return { message: t("errors.forbidden") };
  if (error instanceof BoothError) return { message: t(`errors.${error.code}`) };
  console.error(`booth action failed: ${error instanceof Error ? error.name : "unknown error"}`);
  return { message: t("errors.failed") };
}

const saveProfile = formAction({
  schema: organisationProfileSchema,
  translator,
  errorKey,
  run: async (data) => {
    const actor = await requireRole("PARTNER");
    await saveOrganisationProfile(actor.userId, data, (await getLocale()) === "es" ? "ES" : "EN");
    revalidatePath("/partner", "layout");
    await publicPagesChanged(); // the name, website and description of a listed exhibitor
    return { ok: true, message: await partnerSentence("saved") };
  },
  refuse,
});

export async function saveProfileAction(previous: FormState, form: FormData): Promise<FormState> {
  return saveProfile(previous, form);
}

const requestBooth = formAction({
  schema: bookingRequestForm,
  translator,
  errorKey,
  run: async (data) => {
    const actor = await requireRole("PARTNER");
    const { bookingId } = await requestBooking(actor.userId, data);
    revalidatePath("/partner", "layout");
    await publicPagesChanged(); // the booth is held on the public map
    redirect(`/partner/bookings/${bookingId}?requested=1`);
  },
  refuse: (error, t) => {
    // The map is drawn again with the booth's new state, beside the sentence that says so.
    if (error instanceof BoothTaken) revalidatePath("/partner/book");
    return refuse(error, t);
  },
});

export async function requestBoothAction(previous: FormState, form: FormData): Promise<FormState> {
  return requestBooth(previous, form);
}

const cancel = formAction({
  schema: z.object({ bookingId: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()) }),
  translator,
  run: async ({ bookingId }) => {
    const actor = await requireRole("PARTNER");
    await cancelBooking(actor.userId, bookingId);
    revalidatePath("/partner", "layout");
    await publicPagesChanged(); // the booth is free again, the exhibitor no longer listed
    return { ok: true, message: await partnerSentence("cancelled") };
  },
  refuse,
});

export async function cancelBookingAction(previous: FormState, form: FormData): Promise<FormState> {
  return cancel(previous, form);
}

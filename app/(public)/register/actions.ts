"use server";

import { asFormData } from "@/lib/http/form-data";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { checkPublicFormLimit } from "@/lib/rate-limit/public-forms";
import {
  AlreadyRegisteredError,
  GroupDoesNotFitError,
  RegistrationClosedError,
  WaiverChangedError,
} from "@/lib/registrations/errors";
import { registerWalkers } from "@/lib/registrations/mutations";
import { getRegistrationEvent } from "@/lib/registrations/queries";
import { fieldErrors, formDataToObject, registrationSchema } from "@/lib/registrations/schema";

export interface RegisterState {
  /** Message key under Register.messages */
  message?: "alreadyRegistered" | "groupDoesNotFit" | "closed" | "waiverChanged" | "rateLimited" | "unexpected";
  messageValues?: Record<string, number>;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so nothing typed is lost. */
  values?: Record<string, string>;
  /** Counts answers, so the form remounts with the submitted values (React resets a form after its action). */
  attempt?: number;
}

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION") && name !== "joinWaitingList") values[name] = value.slice(0, 2000);
  }
  return values;
}

export async function registerAction(previous: RegisterState, formData: FormData): Promise<RegisterState> {
  const attempt = (Number(previous?.attempt) || 0) + 1;
  return { ...(await register(asFormData(formData))), attempt };
}

async function register(formData: FormData): Promise<RegisterState> {
  const values = submittedValues(formData);
  const limit = await checkPublicFormLimit("register", await headers());
  if (!limit.allowed) return { message: "rateLimited", messageValues: { minutes: limit.retryMinutes }, values };

  const parsed = registrationSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };

  const locale = (await getLocale()) as "en" | "es";
  const event = await getRegistrationEvent(locale);
  if (!event) return { message: "closed", values };

  let token: string;
  try {
    token = (await registerWalkers(event.id, parsed.data)).manageToken;
  } catch (error) {
    if (error instanceof AlreadyRegisteredError) return { message: "alreadyRegistered", values };
    if (error instanceof GroupDoesNotFitError)
      return { message: "groupDoesNotFit", messageValues: { places: error.placesLeft, walkers: error.walkers }, values };
    if (error instanceof RegistrationClosedError) return { message: "closed", values };
    if (error instanceof WaiverChangedError)
      return { message: "waiverChanged", values: { ...values, waiverAccepted: "", waiverVersion: event.waiverVersion } };
    console.error(`registration failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { message: "unexpected", values };
  }
  redirect(`/manage/${token}?registered=1`);
}

import "server-only";
import { startSignUp } from "../rate-limit/public-forms";
import { AlreadyRegisteredError, GroupDoesNotFitError, RegistrationClosedError, WaiverChangedError } from "./errors";
import { registerWalkers } from "./mutations";
import { fieldErrors, formDataToObject, MAX_WALKERS, registrationSchema } from "./schema";

/** What the sign-up form shows after an unsuccessful attempt. */
export interface RegisterState {
  /** Message key under Register.messages */
  message?: "alreadyRegistered" | "groupDoesNotFit" | "closed" | "waiverChanged" | "rateLimited" | "unexpected";
  messageValues?: Record<string, number>;
  /** Field errors keyed by field name, each a message key under Register.errors. */
  fieldErrors?: Record<string, string>;
  /** What was submitted, so nothing typed is lost. */
  values?: Record<string, string>;
}

export type SubmitResult = { ok: true; manageToken: string } | { ok: false; state: RegisterState };

/** Longest value kept for showing the form again; longer ones are refused by the schema anyway. */
const MAX_KEPT_VALUE = 2000;

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && name !== "joinWaitingList" && name.length <= 100) values[name] = value.slice(0, MAX_KEPT_VALUE);
  }
  return { ...values };
}

/** How many walkers the submitted form had (the page shows that many), 1 to MAX_WALKERS. */
export function walkerCountOf(values: Record<string, string> | undefined): number {
  let count = 1;
  for (const name of Object.keys(values ?? {})) {
    const index = /^walkers\.(\d{1,2})\./.exec(name)?.[1];
    if (index !== undefined && Number(index) < MAX_WALKERS) count = Math.max(count, Number(index) + 1);
  }
  return count;
}

/**
 * One sign-up form, as posted: rate limit, validation, then the registration. Never throws for
 * anything the visitor did; the state says what to show.
 */
export async function submitRegistration(formData: FormData, headers: Headers): Promise<SubmitResult> {
  // What was typed is kept only for an answer that shows the form again, never for a sign-up.
  const fail = (state: Omit<RegisterState, "values">, kept = submittedValues(formData)): SubmitResult => ({
    ok: false,
    state: { ...state, values: kept },
  });
  // Round trip 1: the rate limit and the walk; round trip 2: the registration (one statement each).
  const { limit, event } = await startSignUp(headers);
  if (!limit.allowed) return fail({ message: "rateLimited", messageValues: { minutes: limit.retryMinutes } });

  const parsed = registrationSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail({ fieldErrors: fieldErrors(parsed.error) });
  if (!event) return fail({ message: "closed" });

  try {
    return { ok: true, manageToken: (await registerWalkers(event.id, parsed.data, new Date(), event)).manageToken };
  } catch (error) {
    if (error instanceof AlreadyRegisteredError) return fail({ message: "alreadyRegistered" });
    if (error instanceof GroupDoesNotFitError)
      return fail({ message: "groupDoesNotFit", messageValues: { places: error.placesLeft, walkers: error.walkers } });
    if (error instanceof RegistrationClosedError) return fail({ message: "closed" });
    if (error instanceof WaiverChangedError)
      return fail({ message: "waiverChanged" }, { ...submittedValues(formData), waiverAccepted: "", waiverVersion: event.waiverVersion });
    console.error(`registration failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return fail({ message: "unexpected" });
  }
}

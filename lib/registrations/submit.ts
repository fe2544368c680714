// The sign-up form as posted (pages/api/register/submit.ts): the form's fields, the rate limit and
// the registration (lib/registrations/sign-up.ts), and what the form shows when it comes back.
import type { FormFields, HeaderReader } from "../http/request-guard";
import { hitRateLimit } from "../rate-limit";
import { signUpLimitHit, verdict } from "../rate-limit/public-forms";
import { AlreadyRegisteredError, GroupDoesNotFitError, PrivacyNoticeChangedError, RegistrationClosedError, WaiverChangedError } from "./errors";
import { signUp } from "./sign-up";
import { fieldErrorsOf, submittedValues as typed } from "../forms/fields";
import { formDataToObject, MAX_WALKERS, registrationSchema } from "./schema";

/** What was typed, to show again; not the waiting-list button's value, which the visitor chooses each time. */
const submittedValues = (form: FormFields) => typed(form, ["joinWaitingList"]);

/** What the sign-up form shows after an unsuccessful attempt. */
export interface RegisterState {
  /** Message key under Register.messages */
  message?: "alreadyRegistered" | "groupDoesNotFit" | "closed" | "waiverChanged" | "privacyChanged" | "rateLimited" | "unexpected";
  messageValues?: Record<string, number>;
  /** Field errors keyed by field name, each a message key under Register.errors (the page makes them sentences). */
  fieldErrors?: Record<string, string>;
  /** What was submitted, so nothing typed is lost. */
  values?: Record<string, string>;
}

export type SubmitResult = { ok: true; manageToken: string } | { ok: false; state: RegisterState };

/** How many walkers the submitted form had (the page shows that many), 1 to MAX_WALKERS. */
export function walkerCountOf(values: Record<string, string> | undefined): number {
  let count = 1;
  for (const name of Object.keys(values ?? {})) {
    const index = /^walkers\.(\d{1,2})\./.exec(name)?.[1];
    if (index !== undefined && Number(index) < MAX_WALKERS) count = Math.max(count, Number(index) + 1);
  }
  return count;
}

/** The answer for an error a registration threw; unexpected ones are logged without personal data. */
function failureFor(error: unknown): Omit<RegisterState, "values"> {
  if (error instanceof AlreadyRegisteredError) return { message: "alreadyRegistered" };
  if (error instanceof GroupDoesNotFitError) return { message: "groupDoesNotFit", messageValues: { places: error.placesLeft, walkers: error.walkers } };
  if (error instanceof RegistrationClosedError) return { message: "closed" };
  if (error instanceof WaiverChangedError) return { message: "waiverChanged" };
  if (error instanceof PrivacyNoticeChangedError) return { message: "privacyChanged" };
  console.error(`registration failed: ${error instanceof Error ? error.name : "unknown error"}`);
  return { message: "unexpected" };
}

/**
 * One sign-up form, as posted: the rate limit (which the visitor hears of first), the form's fields,
 * then the registration. Never throws for anything the visitor did; the state says what to show.
 * A valid form is usually one statement (lib/registrations/sign-up.ts: signUp); a form with errors
 * is one too, its hit on the limit.
 */
export async function submitRegistration(formData: FormFields, headers: HeaderReader, now = new Date()): Promise<SubmitResult> {
  // What was typed is kept only for an answer that shows the form again, never for a sign-up.
  const fail = (state: Omit<RegisterState, "values">, kept = submittedValues(formData)): SubmitResult => ({
    ok: false,
    state: { ...state, values: kept },
  });
  const limited = (count: number, resetAt: Date) => {
    const limit = verdict("register", count, resetAt);
    return fail({ message: "rateLimited", messageValues: { minutes: limit.allowed ? 1 : limit.retryMinutes } });
  };
  const hit = signUpLimitHit(headers);
  const parsed = registrationSchema.safeParse(formDataToObject(formData));
  try {
    if (!parsed.success) {
      const counted = await hitRateLimit(hit.key, hit.limit, hit.windowSeconds);
      return counted.allowed ? fail({ fieldErrors: fieldErrorsOf(parsed.error, (key) => key) }) : limited(counted.count, counted.resetAt);
    }
    const outcome = await signUp(parsed.data, hit, now);
    if (outcome.kind === "limited") return limited(outcome.count, outcome.resetAt);
    return { ok: true, manageToken: outcome.result.manageToken };
  } catch (error) {
    // A changed waiver is shown again, unticked, at its new version. The database could not be
    // reached: the form comes back with everything typed.
    if (error instanceof WaiverChangedError)
      return fail(failureFor(error), { ...submittedValues(formData), waiverAccepted: "", waiverVersion: error.currentVersion });
    // So is a changed privacy notice.
    if (error instanceof PrivacyNoticeChangedError)
      return fail(failureFor(error), { ...submittedValues(formData), privacyAccepted: "", privacyVersion: error.currentVersion });
    return fail(failureFor(error));
  }
}

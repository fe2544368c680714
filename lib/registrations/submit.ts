import type { FormFields, HeaderReader } from "../http/request-guard";
import { signUpLimitHit, startSignUp, verdict, type LimitVerdict } from "../rate-limit/public-forms";
import { AlreadyRegisteredError, GroupDoesNotFitError, RegistrationClosedError, WaiverChangedError } from "./errors";
import { registerWalkers, signUpWithLimit } from "./sign-up";
import { knownSignUpEvent, rememberSignUpEvent } from "./sign-up-event";
import type { SignUpEventRow } from "./sign-up-sql";
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

function submittedValues(formData: FormFields): Record<string, string> {
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

/** The answer for an error a registration threw; unexpected ones are logged without personal data. */
function failureFor(error: unknown): Omit<RegisterState, "values"> {
  if (error instanceof AlreadyRegisteredError) return { message: "alreadyRegistered" };
  if (error instanceof GroupDoesNotFitError) return { message: "groupDoesNotFit", messageValues: { places: error.placesLeft, walkers: error.walkers } };
  if (error instanceof RegistrationClosedError) return { message: "closed" };
  if (error instanceof WaiverChangedError) return { message: "waiverChanged" };
  console.error(`registration failed: ${error instanceof Error ? error.name : "unknown error"}`);
  return { message: "unexpected" };
}

/**
 * One sign-up form, as posted: validation, the rate limit (which the visitor hears of first), then
 * the registration. Never throws for anything the visitor did; the state says what to show.
 *
 * A valid form, with the walk's row known to this process (lib/registrations/sign-up-event.ts), is
 * one statement: the rate limit's hit and the registration (SIGN_UP_SQL). Otherwise, and when that
 * copy of the walk turns out to be out of date, it is two: the hit with the walk's row
 * (SIGN_UP_START_SQL, or the row SIGN_UP_SQL handed back), then the registration (REGISTER_SQL).
 */
export async function submitRegistration(formData: FormFields, headers: HeaderReader, now = new Date()): Promise<SubmitResult> {
  // What was typed is kept only for an answer that shows the form again, never for a sign-up.
  const fail = (state: Omit<RegisterState, "values">, kept = submittedValues(formData)): SubmitResult => ({
    ok: false,
    state: { ...state, values: kept },
  });
  const failWith = (error: unknown, event: SignUpEventRow): SubmitResult =>
    error instanceof WaiverChangedError
      ? // A changed waiver is shown again, unticked, at its new version.
        fail(failureFor(error), { ...submittedValues(formData), waiverAccepted: "", waiverVersion: event.waiverVersion })
      : fail(failureFor(error));
  const limited = (limit: LimitVerdict) => fail({ message: "rateLimited", messageValues: { minutes: limit.allowed ? 1 : limit.retryMinutes } });

  const parsed = registrationSchema.safeParse(formDataToObject(formData));
  const known = knownSignUpEvent();
  let event: SignUpEventRow | null;
  if (parsed.success && known) {
    let outcome;
    try {
      outcome = await signUpWithLimit(known, parsed.data, signUpLimitHit(headers), now);
    } catch (error) {
      return failWith(error, known);
    }
    if (outcome.kind === "registered") return { ok: true, manageToken: outcome.result.manageToken };
    if (outcome.kind === "limited") return limited(verdict("register", outcome.count, outcome.resetAt));
    // The copy of the walk was out of date (the hit is counted): the current walk's row came back.
    event = outcome.current;
    rememberSignUpEvent(event);
  } else {
    // Round trip 1: the rate limit and the walk; round trip 2: the registration (one statement each).
    let start;
    try {
      start = await startSignUp(headers, now);
    } catch (error) {
      // The database could not be reached: the form comes back with everything typed.
      return fail(failureFor(error));
    }
    event = start.event;
    rememberSignUpEvent(event);
    if (!start.limit.allowed) return limited(start.limit);
    if (!parsed.success) return fail({ fieldErrors: fieldErrors(parsed.error) });
  }
  if (!event) return fail({ message: "closed" });

  try {
    return { ok: true, manageToken: (await registerWalkers(event.id, parsed.data, now, event)).manageToken };
  } catch (error) {
    return failWith(error, event);
  }
}

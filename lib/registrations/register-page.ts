// The sign-up page's data (pages/register.tsx). No "server-only" marker: Turbopack refuses it in
// the Pages Router; this runs only in getServerSideProps, which never reaches a browser bundle.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isLocale, localeCookie, localeFromAcceptLanguage, type Locale } from "../i18n/config";
import { readFormState } from "./form-cookie";
import { getRegistrationEvent } from "./registration-event";
import { MAX_WALKERS } from "./schema";
import type { RegisterState } from "./submit";

/** What the sign-up page shows; plain JSON (the page's server-side props). */
export interface RegisterPageProps {
  locale: Locale;
  messages: Record<string, unknown>;
  /** The path and query, for the language switch to come back to. */
  path: string;
  event: null | {
    name: string;
    state: string;
    waiverVersion: string;
    /** The saved waiver's text in the page's language; null: the built-in one (Register.waiverText). */
    waiverText: string | null;
    /** The privacy notice's version walkers accept now. */
    privacyVersion: string;
    timezone: string;
    registrationOpensAt: string;
    retentionDays: number;
  };
  walkerCount: number;
  submissionKey: string;
  state: RegisterState | null;
}

/**
 * The visitor's language (the cookie, then Accept-Language, as on every other page), the walk, the
 * group size (?walkers=N) and, after an unsuccessful attempt (?retry=1), the attempt kept in the
 * sealed cookie. A later plain visit starts afresh.
 */
export async function registerPageProps(
  request: IncomingMessage & { cookies: Partial<Record<string, string>> },
  query: Partial<Record<string, string | string[]>>,
  path: string,
): Promise<RegisterPageProps> {
  const chosen = request.cookies[localeCookie];
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers["accept-language"]);
  const messages = ((await import(`../../messages/${locale}.json`)) as { default: Record<string, unknown> }).default;
  const event = await getRegistrationEvent(locale);
  const requested = Number(query.walkers);
  const walkerCount = Number.isInteger(requested) && requested >= 1 && requested <= MAX_WALKERS ? requested : 1;
  return {
    locale,
    messages,
    path,
    event: event && {
      name: event.name,
      state: event.state,
      waiverVersion: event.waiverVersion,
      waiverText: event.waiverText,
      privacyVersion: event.privacyVersion,
      timezone: event.timezone,
      registrationOpensAt: event.registrationOpensAt.toISOString(),
      retentionDays: event.retentionDays,
    },
    walkerCount,
    submissionKey: randomBytes(18).toString("base64url"),
    state: query.retry === "1" ? readFormState((name) => request.cookies[name]) : null,
  };
}

// The privacy notice's versions. The built-in notice's text lives in messages/*.json ("Privacy"),
// with the walk's own retention period filled in; an organiser may save a walk's own notice
// (LegalText, lib/events/legal-texts.ts), and Event.privacyVersion then names it. Each walker
// records the version they accepted (Walker.privacyVersion). Raise PRIVACY_NOTICE_VERSION whenever
// the built-in text says something new. No "server-only": the sign-up (a Pages Router route) reads it.
export const PRIVACY_NOTICE_VERSION = "2027-2";

/**
 * The privacy notice a walk's walkers accept now: the version an organiser saved for it, else the
 * built-in notice's. Every page, form and statement that shows or records a privacy version asks
 * this, never PRIVACY_NOTICE_VERSION itself.
 */
export function privacyVersionOf(walk: { privacyVersion: string | null }): string {
  return walk.privacyVersion ?? PRIVACY_NOTICE_VERSION;
}

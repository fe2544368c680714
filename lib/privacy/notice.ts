// The privacy notice's version. The notice's text lives in messages/*.json ("Privacy"), with the
// walk's own retention period filled in; each walker records the version they accepted
// (Walker.privacyVersion). Raise it whenever the text says something new. No "server-only": the
// sign-up (a Pages Router route) records it.
export const PRIVACY_NOTICE_VERSION = "2027-2";

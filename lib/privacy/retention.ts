// The day a walk's personal data is erased: its end plus its retention period. Until then a
// walker's manage link works (to see, download or delete their data); then the purge erases it.
// No imports and no "server-only": the sign-up (a Pages Router route) mints links with it.
const DAY_MS = 86_400_000;

export function purgeDate(walk: { endsAt: Date; retentionDays: number }): Date {
  return new Date(walk.endsAt.getTime() + walk.retentionDays * DAY_MS);
}

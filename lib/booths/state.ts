// A booth's state on the map, from its live booking (if any). Pure, so the map, the list and the
// rules agree — and a hold whose time has passed reads as available even before the sweep runs.

export type BoothState = "available" | "held" | "booked";
export type EffectiveBookingStatus = "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED" | "EXPIRED";

export function boothState(active: { status: string; holdExpiresAt: Date | null } | null | undefined, now: Date): BoothState {
  if (!active) return "available";
  if (active.status === "APPROVED") return "booked";
  if (active.status === "PENDING" && active.holdExpiresAt && active.holdExpiresAt > now) return "held";
  return "available";
}

/** A pending booking whose hold has passed is expired, whether or not the sweep has marked it yet. */
export function effectiveStatus(booking: { status: EffectiveBookingStatus; holdExpiresAt: Date | null }, now: Date): EffectiveBookingStatus {
  if (booking.status === "PENDING" && (!booking.holdExpiresAt || booking.holdExpiresAt <= now)) return "EXPIRED";
  return booking.status;
}

export type RegistrationState = "notYetOpen" | "open" | "full" | "closed" | "over";

/** Where an event's registration stands at `now`. */
export function registrationState(
  event: { registrationOpensAt: Date; registrationClosesAt: Date; endsAt: Date; placesLeft: number },
  now: Date,
): RegistrationState {
  if (now >= event.endsAt) return "over";
  if (now < event.registrationOpensAt) return "notYetOpen";
  if (now >= event.registrationClosesAt) return "closed";
  return event.placesLeft > 0 ? "open" : "full";
}

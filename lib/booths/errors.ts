// Typed errors of the booth rules. Actions map each to a sentence in the page's language
// (messages: Booths.errors.<code>).

export class BoothError extends Error {
  constructor(
    readonly code: "boothTaken" | "limitReached" | "notFound" | "noOrganisation" | "notPending" | "notCancellable" | "invalidAddon" | "boothUnavailable",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another organisation holds or booked the booth (PostgreSQL refused a second live booking). */
export class BoothTaken extends BoothError {
  constructor() {
    super("boothTaken", "This booth was just taken by another organisation. The map has been refreshed: please choose another.");
  }
}

/** The organisation already has Event.maxBoothsPerOrganisation live bookings. */
export class BoothLimitReached extends BoothError {
  constructor(readonly limit: number) {
    super("limitReached", `Your organisation already has ${limit} booth bookings, the most allowed. Cancel one to request another.`);
  }
}

/** No such booking, or it belongs to another organisation (the two are indistinguishable). */
export class BookingNotFound extends BoothError {
  constructor() {
    super("notFound", "This booking does not exist.");
  }
}

/** A partner must save the organisation profile before requesting a booth. */
export class NoOrganisation extends BoothError {
  constructor() {
    super("noOrganisation", "Please fill in your organisation's profile before requesting a booth.");
  }
}

/** The booking is no longer waiting for a decision (decided, cancelled or expired). */
export class BookingNotPending extends BoothError {
  constructor() {
    super("notPending", "This request is no longer waiting for a decision.");
  }
}

/** Only pending or approved bookings can be cancelled. */
export class BookingNotCancellable extends BoothError {
  constructor() {
    super("notCancellable", "This booking has already ended and cannot be cancelled.");
  }
}

/** An add-on that does not exist for this walk, or a quantity above its limit. */
export class InvalidAddon extends BoothError {
  constructor() {
    super("invalidAddon", "Please choose add-on quantities within the limits shown.");
  }
}

/** No such booth at the current walk. */
export class BoothUnavailable extends BoothError {
  constructor() {
    super("boothUnavailable", "This booth does not exist. Please choose one on the map.");
  }
}

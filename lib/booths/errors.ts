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

// The booth map editor's refusals (lib/booths/layout.ts). Actions map each to a sentence in the
// page's language (messages: Dashboard.map.errors.<code>); nothing is changed when one is thrown.

export class BoothLayoutError extends Error {
  constructor(
    readonly code: "overlap" | "outsideArea" | "codeTaken" | "booked" | "boothNotFound",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The booth would share ground with another booth of the walk (named by its code). */
export class BoothOverlap extends BoothLayoutError {
  constructor(readonly otherCode: string) {
    super("overlap", `The booth would overlap booth ${otherCode}.`);
  }
}

/** The booth would not lie fully inside the booth area (lib/booths/area.ts). */
export class BoothOutsideArea extends BoothLayoutError {
  constructor() {
    super("outsideArea", "The booth must lie fully inside the booth area.");
  }
}

/** Another booth of the same walk already has this code. */
export class BoothCodeTaken extends BoothLayoutError {
  constructor(readonly boothCode: string) {
    super("codeTaken", `Another booth of this walk is already called ${boothCode}.`);
  }
}

/** The booth has a pending or approved booking, so it cannot be deleted. */
export class BoothBooked extends BoothLayoutError {
  constructor(readonly boothCode: string) {
    super("booked", `Booth ${boothCode} has a pending or approved booking.`);
  }
}

/** No such booth on this walk's map (another walk's booth, or none at all): nothing is touched. */
export class BoothNotOnMap extends BoothLayoutError {
  constructor() {
    super("boothNotFound", "This booth is not on this walk's map.");
  }
}

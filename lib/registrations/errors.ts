// Typed outcomes a sign-up or a manage action can end in; actions map them to sentences.
export class RegistrationClosedError extends Error {
  constructor() {
    super("Registration is not open.");
    this.name = "RegistrationClosedError";
  }
}
export class AlreadyRegisteredError extends Error {
  constructor() {
    super("This person already holds a registration for the walk.");
    this.name = "AlreadyRegisteredError";
  }
}
export class GroupDoesNotFitError extends Error {
  constructor(public readonly placesLeft: number, public readonly walkers: number) {
    super("Not enough places left for every walker in the form.");
    this.name = "GroupDoesNotFitError";
  }
}
export class WaiverChangedError extends Error {
  /** The waiver's version now, which the form shows again. */
  constructor(public readonly currentVersion: string) {
    super("The waiver changed since the form was loaded.");
    this.name = "WaiverChangedError";
  }
}
export class PrivacyNoticeChangedError extends Error {
  /** The privacy notice's version now, which the form shows again. */
  constructor(public readonly currentVersion: string) {
    super("The privacy notice changed since the form was loaded.");
    this.name = "PrivacyNoticeChangedError";
  }
}
/** An organiser named a walker who is not one of the walk's. */
export class WalkerNotFound extends Error {
  constructor() {
    super("No such walker in this walk.");
    this.name = "WalkerNotFound";
  }
}
export class InvalidManageLinkError extends Error {
  constructor() {
    super("The manage link is not valid.");
    this.name = "InvalidManageLinkError";
  }
}

import type { SignUpEventRow } from "./sign-up-sql";

// This process's copy of the walk sign-ups go to, with its digest (SIGN_UP_SQL). With it, a
// sign-up's emails and manage link are built before the one statement that registers it; the
// statement checks the digest, so an edited walk, a walk that has ended or another walk that now
// comes first is never used: the statement then hands back the current row, which replaces this
// copy. No expiry is needed, and every app instance keeps its own.
let known: SignUpEventRow | null = null;

export function knownSignUpEvent(): SignUpEventRow | null {
  return known;
}

export function rememberSignUpEvent(event: SignUpEventRow | null): void {
  known = event;
}

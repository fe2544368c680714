import { CredentialsSignin } from "@auth/core/errors";

/**
 * Auth.js's error logger. A refused password is an everyday event, not a server error; other
 * errors are logged by their Auth.js type only ("AdapterError", "Verification", …), since their
 * messages can carry an email address. The type, not the class name: the production build
 * shortens class names, so an Auth.js error's `name` reads "j" there.
 */
export function logAuthError(error: Error): void {
  if (error instanceof CredentialsSignin) return;
  const type = (error as Error & { type?: unknown }).type;
  // Not an Auth.js error: the name of a built-in error (TypeError, …) says what happened.
  console.error(`[auth] ${typeof type === "string" ? type : error.name}`);
}

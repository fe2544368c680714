import { CredentialsSignin } from "@auth/core/errors";

/** The sign-in was refused because the account is locked after too many failures. */
export class AccountLocked extends CredentialsSignin {
  override code = "locked";
}

import { AdapterError, CredentialsSignin, Verification } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AccountLocked } from "./errors";
import { logAuthError } from "./log";

/** What the production build makes of an error: its class name shortened. */
function minified<T extends Error>(error: T): T {
  Object.defineProperty(error, "name", { value: "j" });
  return error;
}

describe("logAuthError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("stays quiet about refused passwords and locked accounts, even with shortened class names", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    logAuthError(minified(new CredentialsSignin()));
    logAuthError(minified(new AccountLocked()));
    expect(log).not.toHaveBeenCalled();
  });

  it("names other errors by their Auth.js type, never by message", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    logAuthError(minified(new AdapterError("walker@example.org not found")));
    logAuthError(minified(new Verification()));
    logAuthError(new TypeError("walker@example.org"));
    expect(log.mock.calls).toEqual([["[auth] AdapterError"], ["[auth] Verification"], ["[auth] TypeError"]]);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearFormStateCookies, FORM_COOKIE, formStateCookies, readFormState } from "./form-cookie";

/** The browser's side: Set-Cookie values applied to a jar. */
function apply(jar: Map<string, string>, setCookies: string[]) {
  for (const header of setCookies) {
    const [pair = "", ...attributes] = header.split("; ");
    const [name = "", value = ""] = pair.split(/=(.*)/s);
    if (attributes.includes("Max-Age=0")) jar.delete(name);
    else jar.set(name, value);
  }
}

describe("the sign-up form's kept attempt", () => {
  const state = { fieldErrors: { contactEmail: "emailInvalid" }, values: { contactEmail: "not-an-email", "walkers.0.firstName": "Zoë" } };

  it("is kept in HttpOnly cookies for /register only, and read back as it was", () => {
    const jar = new Map<string, string>();
    const cookies = formStateCookies(state, true, () => false);
    for (const cookie of cookies) expect(cookie).toMatch(/; Path=\/register; Max-Age=1800; HttpOnly; SameSite=Lax; Secure$/);
    apply(jar, cookies);
    expect(readFormState((name) => jar.get(name))).toEqual(state);
    expect([...jar.values()].join("")).not.toContain("not-an-email");
  });

  it("removes the chunks a longer attempt left behind, and everything once the sign-up succeeds", () => {
    const jar = new Map<string, string>();
    const long = { ...state, values: { ...state.values, "walkers.0.accessibilityNeeds": randomBytes(4000).toString("hex") } };
    apply(jar, formStateCookies(long, false, () => false));
    expect(jar.size).toBeGreaterThan(1);
    apply(jar, formStateCookies(state, false, (name) => jar.has(name)));
    expect([...jar.keys()]).toEqual([`${FORM_COOKIE}.0`]);
    expect(readFormState((name) => jar.get(name))).toEqual(state);
    apply(jar, clearFormStateCookies(false, (name) => jar.has(name)));
    expect(jar.size).toBe(0);
    expect(readFormState((name) => jar.get(name))).toBeNull();
  });
});

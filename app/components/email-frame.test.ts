import { describe, expect, it } from "vitest";
import { emailDocument } from "./EmailFrame";

describe("emailDocument", () => {
  it("puts a no-script, no-network policy at the top of the message's head", () => {
    const doc = emailDocument('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><script>x()</script></body></html>');
    expect(doc).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><title>/);
  });

  it("still applies the policy to a fragment without a head", () => {
    expect(emailDocument("<p>hi</p>")).toMatch(/^<meta http-equiv="Content-Security-Policy"[^>]*><p>hi<\/p>$/);
  });
});

import { describe, expect, it } from "vitest";
import { classifyFailure, redactAddresses, retryDelayMs } from "./delivery-policy";

describe("retryDelayMs", () => {
  const settings = { baseMs: 1_000, maxMs: 60_000 };

  it("doubles with each attempt, between half and all of the exponential delay", () => {
    expect(retryDelayMs(1, settings, () => 0)).toBe(500);
    expect(retryDelayMs(1, settings, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, settings, () => 0)).toBe(1_000);
    expect(retryDelayMs(4, settings, () => 1)).toBe(8_000);
  });

  it("never exceeds the maximum", () => {
    expect(retryDelayMs(30, settings, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, settings, () => 0)).toBe(30_000);
  });

  it("spreads retries with jitter", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, settings)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2_000);
  });
});

describe("classifyFailure", () => {
  it("treats SMTP 5xx replies as permanent and keeps the reply without the address", () => {
    const failure = classifyFailure({
      code: "EENVELOPE",
      responseCode: 550,
      response: "550 Mailbox nobody@example.org does not exist",
      message: "Can't send mail - all recipients were rejected",
    });
    expect(failure).toEqual({ permanent: true, reason: "550 Mailbox <recipient> does not exist" });
  });

  it("treats 4xx replies, refused connections and timeouts as transient", () => {
    expect(classifyFailure({ responseCode: 451, response: "451 Try again later" }).permanent).toBe(false);
    expect(classifyFailure({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:2525" }).permanent).toBe(false);
    expect(classifyFailure({ code: "ETIMEDOUT", message: "Greeting never received" }).permanent).toBe(false);
  });

  it("retries authentication failures, which an operator can fix", () => {
    expect(classifyFailure({ code: "EAUTH", responseCode: 535, response: "535 Authentication failed" }).permanent).toBe(false);
  });

  it("treats messages nodemailer refuses to build as permanent", () => {
    expect(classifyFailure({ code: "EENVELOPE", message: "No recipients defined" }).permanent).toBe(true);
    expect(classifyFailure(new Error("There is no email template named \"x\".")).permanent).toBe(false);
  });
});

describe("redactAddresses", () => {
  it("removes every address", () => {
    expect(redactAddresses("RCPT <a.b+c@mail.example.org> and x@y.co rejected")).toBe("RCPT <recipient> and <recipient> rejected");
  });
});

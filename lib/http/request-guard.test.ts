import { describe, expect, it } from "vitest";
import { checkBodySize, checkPath, isFormPost, isSameOrigin, MAX_FORM_BYTES } from "./request-guard";

describe("request guard", () => {
  it("refuses paths whose percent-encoding is not valid UTF-8, and accepts odd but valid ones", () => {
    expect(checkPath("/manage/%F0%9F%98%80%00%C0")?.status).toBe(400);
    expect(checkPath("/api/auth/%00%ff")?.status).toBe(400);
    expect(checkPath("/manage/%F0%9F%98%80")).toBeNull();
    expect(checkPath("/register?walkers=3")).toBeNull();
  });

  it("refuses a POST body over the limit with 413, by its declared length", () => {
    expect(checkBodySize("POST", String(MAX_FORM_BYTES + 1))).toMatchObject({ status: 413 });
    expect(checkBodySize("POST", "not a number")).toMatchObject({ status: 413 });
    expect(checkBodySize("POST", String(MAX_FORM_BYTES))).toBeNull();
    expect(checkBodySize("GET", String(MAX_FORM_BYTES * 10))).toBeNull();
    expect(checkBodySize("POST", null)).toBeNull();
  });

  it("knows a form post", () => {
    expect(isFormPost("POST", "multipart/form-data; boundary=x")).toBe(true);
    expect(isFormPost("POST", "application/x-www-form-urlencoded")).toBe(true);
    expect(isFormPost("POST", "text/plain;charset=UTF-8")).toBe(false);
    expect(isFormPost("GET", "multipart/form-data")).toBe(false);
  });
});

describe("isSameOrigin", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it("accepts this site's pages and requests without Origin", () => {
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://funwalk.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "funwalk.example", origin: "https://funwalk.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "funwalk.example" }))).toBe(true);
  });
  it("refuses another site, an opaque origin and nonsense", () => {
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://elsewhere.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "https://funwalk.example.elsewhere.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "funwalk.example", origin: "null" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "https://funwalk.example" }))).toBe(false);
  });
});

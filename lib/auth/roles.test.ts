import { describe, expect, it } from "vitest";
import { loginPathFor, rolesFor } from "./roles";

describe("loginPathFor", () => {
  it("protects the dashboard and the partner pages, but not the partner login", () => {
    expect(loginPathFor("/dashboard")).toBe("/login");
    expect(loginPathFor("/dashboard/booths")).toBe("/login");
    expect(loginPathFor("/partner")).toBe("/partner/login");
    expect(loginPathFor("/partner/bookings/123")).toBe("/partner/login");
    expect(loginPathFor("/partner/login")).toBeNull();
    expect(loginPathFor("/partner/login/check-email")).toBeNull();
  });
  it("leaves public pages alone", () => {
    for (const path of ["/", "/booths", "/login", "/register", "/partnership", "/dashboards"]) {
      expect(loginPathFor(path)).toBeNull();
    }
  });
  it("names the roles of each area", () => {
    expect(rolesFor("/dashboard/walkers")).toEqual(["ORGANISER", "ADMIN"]);
    expect(rolesFor("/partner/bookings")).toEqual(["PARTNER"]);
  });
});

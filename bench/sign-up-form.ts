// The sign-up form as a browser posts it (a plain HTML form, the same with JavaScript on or off):
// one walker with made-up details, a new address and submission key each time. Used by the bench
// (bench.ts) and the rush (rush.ts).
import { privacyVersionOf } from "../lib/privacy/notice";

let counter = 0;

/** `privacyVersion`: the walk's Event.privacyVersion (null: the built-in notice, as on a freshly seeded walk). */
export function signUpBody(waiverVersion: string, privacyVersion: string | null = null): string {
  const n = `${process.pid}${Date.now().toString(36)}${(counter++).toString(36)}`;
  return new URLSearchParams([
    ["submissionKey", `bench${n}`.padEnd(20, "x").slice(0, 64)],
    ["waiverVersion", waiverVersion],
    ["privacyVersion", privacyVersionOf({ privacyVersion })],
    ["website", ""],
    ["walkers.0.firstName", "Bench"],
    ["walkers.0.lastName", `Walker ${n}`],
    ["contactEmail", `bench-${n}@example.org`],
    ["walkers.0.phone", ""],
    ["walkers.0.ageBand", "AGE_35_54"],
    ["walkers.0.tshirtSize", "M"],
    ["walkers.0.emergencyContactName", "Someone Else"],
    ["walkers.0.emergencyContactPhone", "6201234"],
    ["walkers.0.accessibilityNeeds", ""],
    ["language", "EN"],
    ["waiverAccepted", "on"],
    ["privacyAccepted", "on"],
  ]).toString();
}

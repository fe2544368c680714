import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { e2e } from "./e2e/support/env";

const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A journey takes 10–25 s here on a quiet machine, and up to five times that when the machine is
  // busy with other work (a CI run once took 20 s for a 3 s test): the limit is for hung tests, not
  // for speed, which the benchmarks measure. The same goes for the waits below (and for an email's
  // arrival: e2e/support/mailbox.ts).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: e2e.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Specs that change the walk's places run after the read-only ones, one project at a time,
  // so a test that reads "800 places left" or makes the walk full never races another.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: [/gate-phone\.spec/, /register\.spec/, /waiting-list\.spec/, /privacy\.spec/, /dashboard\.spec/, /hostile-input\.spec/, /server-log\.spec/, /walk-.*\.spec/] },
    { name: "registration", use: { ...devices["Desktop Chrome"] }, testMatch: /register\.spec/, dependencies: ["desktop"] },
    { name: "waiting-list", use: { ...devices["Desktop Chrome"] }, testMatch: /waiting-list\.spec/, dependencies: ["registration"] },
    { name: "privacy", use: { ...devices["Desktop Chrome"] }, testMatch: /privacy\.spec/, dependencies: ["waiting-list"] },
    // The organiser journeys add walkers and check-ins of their own, so they come last.
    { name: "organiser", use: { ...devices["Desktop Chrome"] }, testMatch: /dashboard\.spec/, dependencies: ["privacy"] },
    // The gate's phones check walkers in (each test makes walkers and passes of its own).
    { name: "gate-phone", use: { ...devices["Desktop Chrome"] }, testMatch: /gate-phone\.spec/, dependencies: ["organiser"] },
    // Hostile input compares row counts before and after: it runs alone, after everything else.
    { name: "hostile-input", use: { ...devices["Desktop Chrome"] }, testMatch: /hostile-input\.spec/, dependencies: ["gate-phone"] },
    // Last: the server's log of the whole run holds no walker's name or email address.
    // The walk editor changes what the public pages show, so it runs after every spec that reads them;
    // publishing next year's walk (walk-editions) changes the current walk itself, so it comes last.
    // The content and the reporting resources share the walk's version check, so their specs never run
    // at the same time (one would find the walk changed under its open form): each runs beside a spec
    // that leaves that version alone.
    { name: "walk-editor", use: { ...devices["Desktop Chrome"] }, testMatch: /walk-(content|map)\.spec/, dependencies: ["hostile-input"] },
    { name: "walk-editor-2", use: { ...devices["Desktop Chrome"] }, testMatch: /walk-(resources|programme|texts)\.spec/, dependencies: ["walk-editor"] },
    { name: "walk-editions", use: { ...devices["Desktop Chrome"] }, testMatch: /walk-editions\.spec/, dependencies: ["walk-editor-2"] },
    { name: "server-log", testMatch: /server-log\.spec/, dependencies: ["walk-editions"] },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs e2e/support/server.ts",
    url: `${e2e.baseURL}/api/health`,
    // The first start builds the app (next build), which takes longer as the app grows and on a busy machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});

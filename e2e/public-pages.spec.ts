// Every public page, as the browser's network tab and console see it: after it has loaded and every
// link has been scrolled into view and hovered (which makes the App Router prefetch), nothing is
// left pending 5 s later, and nothing was logged as an error (a missing icon included).
import { devices, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { e2e } from "./support/env";
import { watchNetwork } from "./support/network";

const PUBLIC_PAGES = [
  "/",
  "/booths",
  "/register",
  "/register?size=3",
  "/lost-link",
  "/login",
  "/partner/login",
  "/partner/login/check-email",
  "/manage/not-a-real-link",
  "/dev/mailbox",
];

// A forged manage link answers 404 with a sentence (the page is still a whole page).
const STATUS: Record<string, number> = { "/manage/not-a-real-link": 404 };

async function hoverEveryLink(page: Page) {
  const links = page.locator("a[href]");
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    if (!(await link.isVisible())) continue;
    await link.scrollIntoViewIfNeeded();
    // The skip link is a 1-pixel box off-screen until focused: nothing a pointer reaches.
    const box = await link.boundingBox();
    if (!box || box.width < 2 || box.height < 2) continue;
    // force: a link may sit under another element (the skip link is off-screen until focused); the
    // pointer still moves over its place, as a person's would.
    await link.hover({ force: true, timeout: 5_000 });
  }
}

// On a phone: the pages a walker or partner opens from a shared link.
const PHONE_PAGES = ["/", "/register", "/booths"];
const phone = devices["Pixel 7"];
const phoneOptions = () => ({ viewport: phone.viewport, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor, isMobile: true, hasTouch: true });

for (const [viewport, options, paths] of [
  ["desktop", {}, PUBLIC_PAGES],
  ["phone", phoneOptions(), PHONE_PAGES],
] as const) {
  test(`every public page on a ${viewport} leaves no request pending and logs no error`, async ({ browser }) => {
    // One tab per page, all left open, so that the 5 s of quiet are waited once for all of them
    // (pages in a context the test opens are audited for accessibility too: support/fixtures.ts).
    const context = await browser.newContext({ ...options, baseURL: e2e.baseURL });
    const opened = [];
    for (const path of paths) {
      const page = await context.newPage();
      const watch = watchNetwork(page);
      const response = await page.goto(path);
      const status = STATUS[path] ?? 200;
      expect(response?.status(), path).toBe(status);
      await page.waitForLoadState("load");
      await hoverEveryLink(page);
      opened.push({ path, page, watch, status });
    }
    // Every tab has been left alone at least 5 s after its links were hovered (the first ones longer).
    await opened.at(-1)!.page.waitForTimeout(5_000);
    for (const { path, page, watch, status } of opened) {
      expect(watch.pending(), `${path}: requests still pending`).toEqual([]);
      // The browser reports a page's own 404 as an error; that one is the point, nothing else may be.
      const own = `the server responded with a status of ${status} (Not Found) (${page.url()})`;
      expect(watch.consoleErrors().filter((error) => !(status === 404 && error.endsWith(own))), `${path}: console errors`).toEqual([]);
    }
  });
}

test("the site has an icon, a home-screen icon and a manifest, on App Router and Pages Router pages alike", async ({ page, request }) => {
  for (const path of ["/", "/register"]) {
    await page.goto(path);
    for (const rel of ["icon", "apple-touch-icon", "manifest"]) {
      const hrefs = await page.locator(`head link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(hrefs.length, `${path} names its ${rel}`).toBeGreaterThan(0);
      for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
    }
  }
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.name).toContain("Fun Walk");
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string }[]) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
});

// Lighthouse (npm run bench:lighthouse) found /es jumping 40 px on a phone: its header laid out in the
// system font wraps the language switch onto a second line, and when the site's font arrived and
// replaced it, the switch moved up and the whole page with it, as someone began to read. A phone on a
// slow connection gets the font late; here it comes 1.5 s after the page. Cumulative layout shift
// stays under 0.1 (web.dev's "good"); before app/fonts.ts chose `display: optional` /es scored 0.26.
test("on a phone whose font comes late, the walk's pages do not move once shown", async ({ browser }) => {
  const context = await browser.newContext({ ...phoneOptions(), baseURL: e2e.baseURL });
  await context.route(/\.woff2$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await context.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of ["/es", "/", "/register", "/booths"]) {
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The font's 1.5 s, and a little more for it to be applied if it were going to be.
    await page.waitForTimeout(2_000);
    const shift = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0));
    expect(shift, `${path}: cumulative layout shift`).toBeLessThan(0.1);
    await page.close();
  }
  await context.close();
});

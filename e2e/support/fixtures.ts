// The test fixture every spec uses: each page a test loads is checked with axe, and the test fails
// on any serious or critical accessibility violation.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export interface AxeFinding {
  url: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

async function analyze(page: Page, url: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // A client-side navigation that began during the audit (the test clicked on): what axe saw was
  // half of one page and half of the next, so the page is audited again once it has settled.
  if (page.url() !== url) throw new Error("the page changed during the audit");
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function audit(page: Page): Promise<AxeFinding[]> {
  const url = page.url();
  let violations = await analyze(page, url);
  // Between two App Router pages the old <title> goes before the new one comes (its metadata is
  // streamed): a page whose title arrives within 5 s is audited again, one that never gets one fails.
  if (violations.some((v) => v.id === "document-title")) {
    const titled = await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (titled) violations = await analyze(page, url);
  }
  return violations.map((v) => ({ url, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

export const test = base.extend<{ axeChecked: void }>({
  axeChecked: [
    async ({ page, browser }, use) => {
      const findings: AxeFinding[] = [];
      const checks: Promise<void>[] = [];
      const pages = new Set<Page>();
      const audited = new WeakMap<Page, Set<string>>();
      const check = (target: Page) => {
        const url = target.url();
        const seen = audited.get(target) ?? new Set<string>();
        audited.set(target, seen);
        if (seen.has(url) || !url.startsWith("http")) return;
        seen.add(url);
        // A page the test leaves before axe finishes is audited again at teardown or its next load.
        checks.push(
          audit(target).then(
            (found) => void findings.push(...found),
            () => void seen.delete(url),
          ),
        );
      };
      const track = (target: Page) => {
        pages.add(target);
        target.on("load", () => check(target));
      };
      track(page);
      // Pages in contexts a test opens itself (another locale, JavaScript off) are audited too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        // axe runs inside the page, so pages with JavaScript off cannot be audited (their
        // markup is the same server-rendered HTML that the JavaScript-on tests audit).
        if (args[0]?.javaScriptEnabled !== false) context.on("page", track);
        return context;
      };
      await use();
      browser.newContext = newContext;
      await Promise.all(checks);
      for (const target of pages) {
        if (target.isClosed() || !target.url().startsWith("http")) continue;
        if (audited.get(target)?.has(target.url())) continue;
        findings.push(...(await audit(target).catch(() => [])));
      }
      expect(findings, "serious or critical accessibility violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

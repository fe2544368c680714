// The race-day gate on a volunteer's phone: a pass made in the dashboard, its link opened on a phone,
// the list kept on the phone, check-ins with no network, sent when it returns, exactly once.
import { devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { toZonedInput } from "../lib/gate/time";
import { insertWalkers } from "../test/support/walkers";
import { expect, test } from "./support/fixtures";
import { createOrganiser, currentEventId, e2eDb } from "./support/organiser";

test.describe.configure({ mode: "serial" });

const phone = devices["Pixel 7"];
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const PHONE_NUMBER = /\+\d{8,15}/;

/** Every answer of the gate's API a phone received, to look for contact details in. */
const gateBodies: string[] = [];

async function signIn(page: Page) {
  const account = await createOrganiser();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** An organiser makes a pass on the dashboard's Gate page; its link, shown once. */
async function makePass(page: Page, label: string): Promise<string> {
  await page.goto("/dashboard/gate");
  await page.getByLabel("Label").fill(label);
  const walk = await e2eDb().event.findUniqueOrThrow({ where: { id: await currentEventId() }, select: { timezone: true } });
  // Open from an hour ago (by default it opens at 04:00 on the walk's day).
  await page.getByLabel("Works from").fill(toZonedInput(new Date(Date.now() - 3_600_000), walk.timezone));
  await page.getByRole("button", { name: "Make the pass" }).click();
  const link = page.getByLabel("Link for the volunteer's phone");
  await expect(link).toHaveValue(/\/gate\/open\//);
  return link.inputValue();
}

const count = (n: number) => new Intl.NumberFormat("en").format(n);

/** A volunteer's phone: a fresh browser with a phone's screen, the pass's link opened, the list downloaded. */
async function openPhone(browser: Browser, link: string, walkers: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...phone });
  const page = await context.newPage();
  page.on("response", async (response) => {
    if (!new URL(response.url()).pathname.startsWith("/api/gate/")) return;
    gateBodies.push(await response.text().catch(() => ""));
  });
  await page.goto(link);
  await expect(page).toHaveURL(/\/gate$/);
  await expect(page.getByRole("heading", { name: "Gate check-in" })).toBeVisible();
  // As the page writes it: "1,033" once the earlier specs have signed up a thousand walkers.
  await expect(page.getByTestId("gate-refreshed")).toContainText(`${count(walkers)} walkers on this phone`);
  // The service worker is installed (the page and its files are kept) before the network goes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return { context, page };
}

async function checkIn(page: Page, code: string) {
  await page.getByLabel("Ticket code").fill(code);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
}

/** What IndexedDB holds for the gate on this phone. */
function stored(page: Page): Promise<{ walkers: number; queue: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("funwalk-gate");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("walkers")) return resolve({ walkers: 0, queue: 0 });
          const tx = db.transaction(["walkers", "queue"]);
          const walkers = tx.objectStore("walkers").count();
          const queue = tx.objectStore("queue").count();
          tx.oncomplete = () => resolve({ walkers: walkers.result, queue: queue.result });
        };
      }),
  );
}

/** How many walkers the phone's list holds: every walker of the walk not erased. */
async function listSizeNow(): Promise<number> {
  return e2eDb().walker.count({ where: { eventId: await currentEventId(), erasedAt: null } });
}

let passLink = "";
let passId = "";
let codes: string[] = [];

test("a volunteer checks three walkers in with no network; back online, the database holds exactly those three, once", async ({ page, browser }) => {
  const db = e2eDb();
  const eventId = await currentEventId();
  const marker = randomUUID().slice(0, 6);
  const walkers = await insertWalkers(db, eventId, [
    { firstName: `Ana${marker}`, lastName: "Pérez" },
    { firstName: `Luis${marker}`, lastName: "Gómez", ageBand: "UNDER_12", guardianName: "Rosa Gómez" },
    { firstName: `Eva${marker}`, lastName: "Reyes" },
    { firstName: `Tom${marker}`, lastName: "Reyes", status: "CANCELLED" },
    { firstName: `Sol${marker}`, lastName: "Díaz" },
  ]);
  codes = walkers.map((w) => w.ticketCode!);
  const listSize = await listSizeNow();

  await signIn(page);
  const label = `North gate ${marker}`;
  passLink = await makePass(page, label);
  passId = (await db.gatePass.findFirstOrThrow({ where: { label } })).id;

  const { context, page: gate } = await openPhone(browser, passLink, listSize);
  // Installable as the gate alone.
  await expect(gate.locator('link[rel="manifest"]')).toHaveAttribute("href", "/gate/manifest.webmanifest");
  const manifest = await (await gate.request.get("/gate/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/gate", scope: "/gate", display: "standalone" });
  // Offline, the page and everything its head links (the site's icons too) come from the phone: nothing
  // fails to load, which the browser would report as a console error.
  const failedOffline: string[] = [];
  gate.on("requestfailed", (request) => failedOffline.push(new URL(request.url()).pathname));
  await context.setOffline(true);
  await gate.reload();
  await expect(gate.getByTestId("gate-network")).toHaveText(/Offline/);
  await expect(gate.getByTestId("gate-refreshed")).toContainText(`${count(listSize)} walkers on this phone`);

  const result = gate.getByTestId("gate-result");
  await checkIn(gate, codes[0]!);
  await expect(result).toContainText(`Admitted: Ana${marker} Pérez`);
  await checkIn(gate, codes[1]!.toLowerCase());
  await expect(result).toContainText(`Admitted: Luis${marker} Gómez`);
  await expect(result).toContainText("Rosa Gómez");
  // By name: three letters are enough.
  await gate.getByLabel("First or last name (3 letters or more)").fill(`eva${marker}`);
  await gate.getByRole("button", { name: `Check in Eva${marker} Reyes` }).click();
  await expect(result).toContainText(`Admitted: Eva${marker} Reyes`);
  await checkIn(gate, codes[3]!);
  await expect(result).toContainText("registration was cancelled");
  await checkIn(gate, "ZZZZ999999");
  await expect(result).toContainText("No ticket ZZZZ999999 on this phone's list");
  await checkIn(gate, codes[0]!);
  await expect(result).toContainText(`Already checked in on this phone at`);
  await expect(gate.getByTestId("gate-waiting")).toHaveText("3 check-ins waiting to be sent");
  expect(await db.checkIn.count({ where: { gatePassId: passId } })).toBe(0);
  expect(failedOffline).toEqual([]);

  await context.setOffline(false);
  await expect(gate.getByTestId("gate-network")).toHaveText("Online");
  await expect(gate.getByTestId("gate-waiting")).toHaveText("Nothing waiting to be sent", { timeout: 30_000 });
  const checkIns = await db.checkIn.findMany({ where: { gatePassId: passId }, include: { walker: true } });
  expect(checkIns.map((c) => c.walker.ticketCode).sort()).toEqual(codes.slice(0, 3).sort());

  // The same queue, sent three times more: nothing changes.
  const outcomes = await gate.evaluate(async () => {
    const items = await new Promise<unknown[]>((resolve) => {
      const open = indexedDB.open("funwalk-gate");
      open.onsuccess = () => {
        const request = open.result.transaction("queue").objectStore("queue").getAll();
        request.onsuccess = () => resolve((request.result as { payload: unknown }[]).map((i) => i.payload));
      };
    });
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch("/api/gate/sync", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ items }) });
      answers.push(...((await response.json()) as { results: { outcome?: string }[] }).results.map((r) => r.outcome));
    }
    return answers;
  });
  expect(outcomes).toEqual(Array(9).fill("already"));
  expect(await db.checkIn.count({ where: { gatePassId: passId } })).toBe(3);
  await context.close();
});

test("two phones offline admit the same ticket: one check-in and one double scan", async ({ page, browser }) => {
  const db = e2eDb();
  await signIn(page);
  const marker = randomUUID().slice(0, 6);
  const links = [await makePass(page, `East gate ${marker}`), await makePass(page, `West gate ${marker}`)];
  const listSize = await listSizeNow();
  const phones = [await openPhone(browser, links[0]!, listSize), await openPhone(browser, links[1]!, listSize)];
  const ticket = codes[4]!;
  for (const { context, page: gate } of phones) {
    await context.setOffline(true);
    await checkIn(gate, ticket);
    await expect(gate.getByTestId("gate-result")).toContainText(`Admitted: Sol`);
  }
  for (const { context, page: gate } of phones) {
    await context.setOffline(false);
    await expect(gate.getByTestId("gate-waiting")).toHaveText("Nothing waiting to be sent", { timeout: 30_000 });
  }
  const walker = await db.walker.findFirstOrThrow({ where: { ticketCode: ticket } });
  expect(await db.checkIn.count({ where: { walkerId: walker.id } })).toBe(1);
  expect(await db.duplicateScan.count({ where: { walkerId: walker.id } })).toBe(1);
  // The phone that came second says so.
  await expect(phones[1]!.page.getByTestId("gate-answers")).toContainText(`Ticket ${ticket} had already been checked in`);
  for (const { context } of phones) await context.close();
});

test("offline, a volunteer undoes a check-in and registers a walk-up in Spanish; online, the walk-up is a walker checked in by the pass", async ({ page, browser }) => {
  const db = e2eDb();
  await signIn(page);
  const marker = randomUUID().slice(0, 6);
  const label = `South gate ${marker}`;
  const link = await makePass(page, label);
  const pass = await db.gatePass.findFirstOrThrow({ where: { label } });
  const [walker] = await insertWalkers(db, await currentEventId(), [{ firstName: `Ivo${marker}`, lastName: "Ruiz" }]);
  const { context, page: gate } = await openPhone(browser, link, await listSizeNow());
  await context.addCookies([{ name: "NEXT_LOCALE", value: "es", url: new URL(link).origin }]);
  await gate.reload();
  await expect(gate.getByRole("heading", { name: "Control de entrada" })).toBeVisible();
  await context.setOffline(true);
  await gate.reload();
  await expect(gate.getByTestId("gate-network")).toHaveText(/Sin conexión/);

  // Checked in by mistake, undone before it was ever sent.
  await gate.getByLabel("Código del boleto").fill(walker!.ticketCode!);
  await gate.getByRole("button", { name: "Registrar llegada", exact: true }).click();
  await expect(gate.getByTestId("gate-result")).toContainText(`Admitido: Ivo${marker} Ruiz`);
  await gate.getByRole("button", { name: "Deshacer esta llegada" }).click();
  await expect(gate.getByTestId("gate-result")).toContainText(`Llegada deshecha: Ivo${marker} Ruiz`);
  await expect(gate.getByTestId("gate-waiting")).toHaveText("Nada pendiente de envío");

  // A walk-up: a minor needs a guardian's name and consent.
  await gate.getByText("Inscripción en el momento").click();
  await gate.getByLabel("Nombre", { exact: true }).fill(`Kai${marker}`);
  await gate.getByLabel("Apellido", { exact: true }).fill("Mora");
  await gate.getByLabel("Grupo de edad").selectOption("AGE_12_17");
  await gate.getByLabel("Contacto de emergencia", { exact: true }).fill("Lía Mora");
  await gate.getByLabel("Teléfono del contacto de emergencia").fill("620 1234");
  await gate.getByLabel("El caminante leyó y acepta el descargo de responsabilidad").check();
  await gate.getByLabel("El caminante leyó el aviso de privacidad").check();
  await gate.getByRole("button", { name: "Inscribir y admitir" }).click();
  await expect(gate.getByText("Los menores de 18 años necesitan el nombre y la autorización").first()).toBeVisible();
  await gate.getByLabel("Nombre del padre, madre o tutor").fill("Lía Mora");
  await gate.getByLabel("El padre, la madre o el tutor autoriza la participación").check();
  await gate.getByRole("button", { name: "Inscribir y admitir" }).click();
  await expect(gate.getByTestId("gate-result")).toContainText(`Admitido con inscripción en el momento: Kai${marker} Mora`);
  await expect(gate.getByTestId("gate-waiting")).toHaveText("1 llegada pendiente de envío");

  await context.setOffline(false);
  await expect(gate.getByTestId("gate-waiting")).toHaveText("Nada pendiente de envío", { timeout: 30_000 });
  const walkUp = await db.walker.findFirstOrThrow({ where: { firstName: `Kai${marker}` }, include: { checkIn: true } });
  expect(walkUp).toMatchObject({ lastName: "Mora", status: "CONFIRMED", email: "", guardianName: "Lía Mora" });
  expect(walkUp.checkIn?.gatePassId).toBe(pass.id);
  await expect(gate.getByTestId("gate-answers")).toContainText(`boleto ${walkUp.ticketCode}`);
  // The undone check-in never reached the server; the walk-up's emergency contact is no longer on the phone.
  expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(0);
  const queued = await gate.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("funwalk-gate");
        open.onsuccess = () => {
          const request = open.result.transaction("queue").objectStore("queue").getAll();
          request.onsuccess = () => resolve(JSON.stringify(request.result));
        };
      }),
  );
  expect(queued).not.toContain("emergencyContact");
  expect(queued).not.toContain("Lía");
  await context.close();
});

test("Forget this walk warns about unsent check-ins, then deletes everything; a pass whose window has ended leaves nothing on the phone", async ({ page, browser }) => {
  const db = e2eDb();
  await signIn(page);
  const marker = randomUUID().slice(0, 6);
  const [walker] = await insertWalkers(db, await currentEventId(), [{ firstName: `Noa${marker}`, lastName: "Lee" }]);
  const links = [await makePass(page, `Forget ${marker}`), await makePass(page, `Ended ${marker}`)];

  // Forget this walk, offline, with a check-in still waiting.
  const first = await openPhone(browser, links[0]!, await listSizeNow());
  await first.context.setOffline(true);
  await checkIn(first.page, walker!.ticketCode!);
  await expect(first.page.getByTestId("gate-waiting")).toHaveText("1 check-in waiting to be sent");
  await first.page.getByRole("button", { name: "Forget this walk" }).click();
  await expect(first.page.getByText("1 check-in has not been sent and would be lost. Delete everything anyway?")).toBeVisible();
  await first.page.getByRole("button", { name: "Keep them" }).click();
  expect((await stored(first.page)).queue).toBe(1);
  await first.page.getByRole("button", { name: "Forget this walk" }).click();
  await first.page.getByRole("button", { name: "Delete everything" }).click();
  await expect(first.page.getByTestId("gate-stopped")).toHaveText("Everything the gate stored on this phone has been deleted.");
  expect(await stored(first.page)).toEqual({ walkers: 0, queue: 0 });
  // Back online and opened again, the phone does not download the forgotten walk's list by itself.
  await first.context.setOffline(false);
  await first.page.reload();
  await expect(first.page.getByTestId("gate-stopped")).toHaveText("Everything the gate stored on this phone has been deleted.");
  expect(await stored(first.page)).toEqual({ walkers: 0, queue: 0 });
  expect(await db.checkIn.count({ where: { walkerId: walker!.id } })).toBe(0);
  await first.context.close();

  // The pass's window ends while the phone is offline: its own clock is enough to delete the list.
  const second = await openPhone(browser, links[1]!, await listSizeNow());
  await second.context.setOffline(true);
  await second.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open("funwalk-gate");
        open.onsuccess = () => {
          const meta = open.result.transaction("meta", "readwrite").objectStore("meta");
          const read = meta.get("pass");
          read.onsuccess = () => {
            const row = read.result as { key: string; value: { closesAt: string } };
            meta.put({ ...row, value: { ...row.value, closesAt: new Date(Date.now() - 1000).toISOString() } }).onsuccess = () => resolve();
          };
        };
      }),
  );
  await expect(second.page.getByTestId("gate-stopped")).toHaveText(/time at the gate is over/, { timeout: 20_000 });
  expect(await stored(second.page)).toEqual({ walkers: 0, queue: 0 });
  await second.context.close();
});

test("a revoked pass is refused at its next contact and the phone's list is deleted; no gate answer held an email address or phone number", async ({ page, browser }) => {
  const listSize = await listSizeNow();
  const { context, page: gate } = await openPhone(browser, passLink, listSize);
  expect((await stored(gate)).walkers).toBe(listSize);

  await signIn(page);
  await page.goto("/dashboard/gate");
  const label = (await e2eDb().gatePass.findUniqueOrThrow({ where: { id: passId } })).label;
  await page.getByRole("button", { name: `Revoke the pass ${label}` }).click();
  await expect(page.getByText("Pass revoked")).toBeVisible();

  await gate.getByRole("button", { name: "Refresh now" }).click();
  await expect(gate.getByTestId("gate-stopped")).toContainText("revoked");
  expect(await stored(gate)).toEqual({ walkers: 0, queue: 0 });
  await context.close();

  expect(gateBodies.length).toBeGreaterThan(5);
  for (const body of gateBodies) {
    expect(body).not.toMatch(EMAIL);
    expect(body).not.toMatch(PHONE_NUMBER);
  }
});

import { expect, test } from "./support/fixtures";
import { linkIn, waitForMessage } from "./support/mailbox";
import { acceptTerms, fillWalker, testEmail } from "./support/register-form";
import { withDatabase } from "./support/db";
import { e2e } from "./support/env";

// Registrations change the walk's places: this file runs in its own Playwright project, after the
// read-only specs; its tests run one after another in one worker (fullyParallel is off).

test("a walker registers, gets the confirmation email, edits and cancels through the manage link", async ({ page }) => {
  const email = testEmail("ana");
  await page.goto("/");
  await page.getByRole("link", { name: "Register to walk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register to walk" })).toBeVisible();
  await fillWalker(page, 0, { firstName: "Ana", lastName: "Walker", email, phone: "620 1234", ageBand: "AGE_18_34" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();

  await expect(page.getByText("Thank you! You are registered.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ana Walker" })).toBeVisible();
  await expect(page.getByTestId("walker-status")).toHaveText("Confirmed");
  const code = (await page.getByTestId("ticket-code").textContent())!;
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  await expect(page.getByRole("img", { name: `QR code of ticket ${code}` })).toBeVisible();
  const manageUrl = page.url().replace(/\?.*$/, "");
  // The page carries the texts its forms use and not the whole language: every App Router page
  // used to carry every message (the organisers' too), which doubled the manage page's weight.
  const managePage = await (await page.request.get(manageUrl)).text();
  expect(managePage).toContain("Save changes");
  expect(managePage).not.toContain("The camera cannot be used here.");
  // The sign-up's rate limit counted this browser by its address (the socket's, as Next.js passes
  // it on), not as an unknown client sharing one count with everyone.
  const limitKeys = await withDatabase(async (client) =>
    (await client.query<{ key: string }>(`SELECT "key" FROM "RateLimit" WHERE "key" LIKE 'register:%'`)).rows.map((row) => row.key),
  );
  expect(limitKeys).toContainEqual(expect.stringMatching(/^register:((::ffff:)?127\.0\.0\.1|::1)$/));
  expect(limitKeys).not.toContain("register:unknown");

  // The confirmation email carries the ticket as an inline QR image, a calendar file and the manage link.
  const confirmation = await waitForMessage({ to: email, subject: /^You are registered/ });
  expect(confirmation.text).toContain(code);
  expect(confirmation.attachments.map((a) => a.contentType)).toEqual(expect.arrayContaining(["image/png", expect.stringMatching(/^text\/calendar/)]));
  // The QR is an inline image (the mailbox shows cid: images as data: URLs).
  expect(confirmation.html).toMatch(new RegExp(`<img src="(cid:|data:image/png)[^"]*"[^>]*alt="QR code of ticket ${code}"`));
  const link = linkIn(confirmation, `${e2e.baseURL}/manage/`);
  expect(link).toBe(manageUrl);

  await page.goto(link);
  await page.getByRole("link", { name: "Edit details: Ana Walker" }).click();
  await page.getByLabel("First name", { exact: true }).fill("Anabel");
  await page.getByLabel("T-shirt size (optional)").selectOption("M");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Anabel Walker" })).toBeVisible();

  await page.getByRole("link", { name: "Cancel the whole registration" }).click();
  await expect(page.getByText("You are about to cancel: Anabel Walker.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, cancel" }).click();
  await expect(page.getByText("The registration was cancelled.")).toBeVisible();
  await expect(page.getByTestId("walker-status")).toHaveText("Cancelled");
  await waitForMessage({ to: email, subject: /^Registration cancelled/ });
});

test("a sign-up page opened before the form moved to /api/register/submit still signs up", async ({ page }) => {
  await page.goto("/register");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Register", exact: true }) });
  await expect(form).toHaveAttribute("action", "/api/register/submit");
  // The form's earlier address, as a page loaded before the change still has it.
  await form.evaluate((element) => element.setAttribute("action", "/register/submit"));
  await fillWalker(page, 0, { firstName: "Earlier", lastName: "Address", email: testEmail("earlier"), phone: "620 1234", ageBand: "AGE_35_54" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText("Thank you! You are registered.")).toBeVisible();
  await expect(page).toHaveURL(/\/manage\/[^/?]+\?registered=1$/);
  await expect(page.getByRole("heading", { name: "Earlier Address" })).toBeVisible();
});

test("a group of three gets three tickets and one email to the leader", async ({ page }) => {
  const email = testEmail("school");
  await page.goto("/register");
  await page.getByLabel("Number of walkers").selectOption("3");
  await page.getByRole("button", { name: "Show the form" }).click();
  await expect(page.getByRole("group", { name: "Walker 3", exact: true })).toBeVisible();
  await fillWalker(page, 0, { firstName: "Teacher", lastName: "Lead", email, ageBand: "AGE_35_54" });
  await fillWalker(page, 1, { firstName: "Pupil", lastName: "One", ageBand: "AGE_12_17", guardianName: "Teacher Lead" });
  await fillWalker(page, 2, { firstName: "Pupil", lastName: "Two", ageBand: "UNDER_12", guardianName: "Teacher Lead" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();

  await expect(page.getByText("Thank you! You are registered.")).toBeVisible();
  await expect(page.getByTestId("walker-status")).toHaveText(["Confirmed", "Confirmed", "Confirmed"]);
  const codes = await page.getByTestId("ticket-code").allTextContents();
  expect(new Set(codes).size).toBe(3);

  const message = await waitForMessage({ to: email, subject: /^You are registered/ });
  for (const code of codes) expect(message.text).toContain(code);
  expect(message.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(3);
});

test("the whole flow in Spanish", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  const email = testEmail("lucia");
  await page.goto("/");
  await page.getByRole("link", { name: "Inscribirme en la caminata" }).click();
  await page.getByRole("button", { name: "Inscribirme", exact: true }).click();
  await expect(page.getByText("Este campo es obligatorio.").first()).toBeVisible();
  await expect(page.getByText("Acepte la exoneración para inscribirse.")).toBeVisible();

  await fillWalker(page, 0, { firstName: "Lucía", lastName: "Pérez", email, phone: "+58 412 555 1234", ageBand: "AGE_18_34" }, "es");
  await acceptTerms(page, "es");
  await page.getByRole("button", { name: "Inscribirme", exact: true }).click();
  await expect(page.getByText("¡Gracias! Está inscrito.")).toBeVisible();
  await expect(page.getByTestId("walker-status")).toHaveText("Confirmado");

  await page.getByRole("link", { name: "Editar datos: Lucía Pérez" }).click();
  await page.getByLabel("Teléfono (opcional)").fill("abc");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByLabel("Teléfono (opcional)")).toHaveAccessibleDescription(/Escriba un teléfono/);
  await expect(page.getByLabel("Teléfono (opcional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Teléfono (opcional)")).toHaveValue("abc");
  await page.getByRole("alert").filter({ hasText: "Revise estos campos:" }).getByRole("link", { name: "Teléfono (opcional)" }).click();
  await expect(page.getByLabel("Teléfono (opcional)")).toBeFocused();
  await page.getByLabel("Teléfono (opcional)").fill("");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByText("Sus cambios están guardados.")).toBeVisible();
  await page.getByRole("link", { name: "Cancelar toda la inscripción" }).click();
  await page.getByRole("button", { name: "Sí, cancelar" }).click();
  await expect(page.getByTestId("walker-status")).toHaveText("Cancelado");

  const message = await waitForMessage({ to: email, subject: /^Está inscrito/ });
  expect(message.text).toContain("Ver o cambiar la inscripción");
  await waitForMessage({ to: email, subject: /^Inscripción cancelada/ });
  await context.close();
});

test("the sign-up page loads no JavaScript at all, and its form still does everything", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/register?walkers=2");
  await expect(page.getByRole("heading", { level: 1, name: "Register to walk" })).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
  expect(scripts).toEqual([]);
  // The group size and the language switch are plain forms too.
  await page.getByLabel("Number of walkers").selectOption("3");
  await page.getByRole("button", { name: "Show the form" }).click();
  await expect(page.getByRole("group", { name: "Walker 3", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Switch language to Español" }).click();
  await expect(page).toHaveURL(/\/register\?walkers=3$/);
  await expect(page.getByRole("group", { name: "Caminante 3", exact: true })).toBeVisible();
  await page.getByRole("button", { name: /English/ }).click();
  expect(scripts).toEqual([]);
});

test("every field error is shown next to its field", async ({ page }) => {
  await page.goto("/register?walkers=2");
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText(/fields need your attention/)).toBeVisible();

  const walker1 = page.getByRole("group", { name: "Walker 1", exact: true });
  for (const label of ["First name", "Last name", "Email", "Emergency contact name", "Emergency contact phone"]) {
    await expect(walker1.getByLabel(label, { exact: true })).toHaveAccessibleDescription(/This field is required\./);
  }
  await expect(walker1.getByLabel("Age group")).toHaveAccessibleDescription("Choose an age group.");
  await expect(page.getByLabel(/I have read and accept the waiver/)).toHaveAccessibleDescription("Accept the waiver to register.");
  await expect(page.getByLabel("I have read the privacy notice")).toHaveAccessibleDescription(
    "Confirm that you have read the privacy notice.",
  );

  // Bad formats and a minor without a guardian; what was typed stays in the form.
  await walker1.getByLabel("Email", { exact: true }).fill("not-an-email");
  await walker1.getByLabel("Phone (optional)").fill("12345");
  await walker1.getByLabel("Age group").selectOption("AGE_12_17");
  const walker2 = page.getByRole("group", { name: "Walker 2", exact: true });
  // Long enough that the sealed cookie's random ciphertext cannot contain it by chance ("Kid" once did).
  await walker2.getByLabel("First name", { exact: true }).fill("Kimberleigh");
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(walker1.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(/Enter an email address/);
  await expect(walker1.getByLabel("Phone (optional)")).toHaveAccessibleDescription(/Enter a phone number/);
  await expect(walker1.getByLabel("Parent or guardian's name")).toHaveAccessibleDescription(
    "Walkers under 18 need a parent or guardian's name.",
  );
  await expect(walker1.getByLabel("As parent or guardian, I consent to this walker taking part")).toHaveAccessibleDescription(
    "Walkers under 18 need a parent or guardian's consent.",
  );
  await expect(walker1.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");
  await expect(walker2.getByLabel("First name", { exact: true })).toHaveValue("Kimberleigh");
  // What was typed travels in a sealed cookie, never in the address; the summary is the target.
  expect(page.url()).toMatch(/\/register\?walkers=2&retry=1#form-summary$/);
  const cookies = await page.context().cookies();
  const kept = cookies.filter((c) => c.name.startsWith("funwalk-register."));
  expect(kept.length).toBeGreaterThan(0);
  for (const cookie of kept) {
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/register" });
    expect(cookie.value).not.toMatch(/not-an-email|Kimberleigh/);
  }
  // A later visit starts afresh.
  await page.goto("/register?walkers=2");
  await expect(page.getByText(/fields need your attention/)).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Walker 2", exact: true }).getByLabel("First name", { exact: true })).toHaveValue("");
});

test("registering twice is refused and points to the lost-link page, which answers the same for any address", async ({ page }) => {
  const email = testEmail("twice");
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.goto("/register");
    await fillWalker(page, 0, { firstName: "Tomas", lastName: "Twice", email, ageBand: "AGE_55_PLUS" });
    await acceptTerms(page);
    await page.getByRole("button", { name: "Register", exact: true }).click();
  }
  await expect(page.getByText(/One of these walkers is already registered/)).toBeVisible();
  await page.getByRole("link", { name: "Lost your link?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lost your link?" })).toBeVisible();
  // An address that is not one: said under the field, linked from the top, and kept to correct.
  await page.getByLabel("Email").fill("tomas.twice");
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address such as name@example.com.");
  await expect(page.getByLabel("Email")).toHaveValue("tomas.twice");
  await expect(page.getByRole("alert").filter({ hasText: "Check these fields:" }).getByRole("link", { name: "Email" })).toHaveAttribute("href", "#email");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  const answer = page.getByText("If this address has a registration, an email with its link is on its way.");
  await expect(answer).toBeVisible();
  await page.goto("/lost-link");
  await page.getByLabel("Email").fill(testEmail("nobody"));
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(answer).toBeVisible();
  const message = await waitForMessage({ to: email, subject: /^Your link to manage the registration/ });
  await page.goto(linkIn(message, `${e2e.baseURL}/manage/`));
  await expect(page.getByRole("heading", { name: "Tomas Twice" })).toBeVisible();
});

test("with JavaScript off, a family of two registers", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("Number of walkers").selectOption("2");
  await page.getByRole("button", { name: "Show the form" }).click();
  await fillWalker(page, 0, { firstName: "Nojs", lastName: "Parent", email: testEmail("nojs"), ageBand: "AGE_35_54" });
  await fillWalker(page, 1, { firstName: "Nojs", lastName: "Child", ageBand: "UNDER_12" });
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  // The server's errors come back on a full page, with what was typed kept.
  const child = page.getByRole("group", { name: "Walker 2", exact: true });
  await expect(child.getByText("Walkers under 18 need a parent or guardian's name.")).toBeVisible();
  await expect(child.getByLabel("First name", { exact: true })).toHaveValue("Nojs");
  await child.getByLabel("Parent or guardian's name").fill("Nojs Parent");
  await child.getByLabel("As parent or guardian, I consent to this walker taking part").check();
  await acceptTerms(page);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText("Thank you! You are registered.")).toBeVisible();
  await expect(page.getByTestId("walker-status")).toHaveText(["Confirmed", "Confirmed"]);
  await context.close();
});

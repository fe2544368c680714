import { redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { formAction, messagesOf, submittedValues } from "./action";
import { fieldId } from "./fields";

vi.mock("next-intl/server", () => ({
  // A namespace with one message, as next-intl's translator answers it.
  getTranslations: async () => Object.assign((key: string) => (key === "known" ? "A known sentence." : `MISSING ${key}`), { has: (key: string) => key === "known" }),
}));

class Taken extends Error {}

const schema = z.object({ email: z.email("emailInvalid"), password: z.string().min(12, "tooShort") });
const translator = async () => (key: string, values?: Record<string, string | number>) => `[${key}${values ? ` ${JSON.stringify(values)}` : ""}]`;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  data.set("$ACTION_ID_abc", "");
  return data;
}

describe("formAction", () => {
  const action = formAction({
    schema,
    translator,
    errorKey: (code) => `errors.${code}`,
    secret: ["password"],
    run: async (data) => {
      if (data.email === "taken@example.org") throw new Taken();
      if (data.email === "away@example.org") redirect("/elsewhere");
      return { ok: true, message: "saved" };
    },
    refuse: (error, t) => (error instanceof Taken ? { fieldErrors: { email: t("errors.taken") } } : undefined),
  });

  it("answers each field's first error as a sentence, keeps what was typed but never a secret, and counts attempts", async () => {
    const state = await action({ attempt: 2 }, form({ email: "nope", password: "short" }));
    expect(state).toEqual({
      fieldErrors: { email: "[errors.emailInvalid]", password: "[errors.tooShort]" },
      values: { email: "nope" },
      attempt: 3,
    });
  });

  it("runs the change with the parsed data, and maps a typed domain error to what the form shows", async () => {
    expect(await action({}, form({ email: "new@example.org", password: "long-enough-pass" }))).toMatchObject({ ok: true, message: "saved", attempt: 1 });
    expect(await action({}, form({ email: "taken@example.org", password: "long-enough-pass" }))).toEqual({
      fieldErrors: { email: "[errors.taken]" },
      values: { email: "taken@example.org" },
      attempt: 1,
    });
  });

  it("checks and runs long texts whole, and shows them again up to valueLength", async () => {
    const received: string[] = [];
    const long = formAction({
      schema: z.object({ text: z.string().max(5_000, "tooLong") }),
      translator,
      valueLength: 6_000,
      run: async (data) => (received.push(data.text), { ok: true }),
    });
    expect(await long({}, form({ text: "a".repeat(4_000) }))).toMatchObject({ ok: true });
    expect(received).toEqual(["a".repeat(4_000)]);
    const refused = await long({}, form({ text: "b".repeat(5_500) }));
    expect(refused).toMatchObject({ fieldErrors: { text: "[tooLong]" } });
    expect(refused.values?.text).toHaveLength(5_500);
    // Without valueLength, what comes back is cut at 2,000 characters; the check still saw it whole.
    const short = formAction({ schema: z.object({ text: z.string().max(3_000, "tooLong") }), translator, run: async () => ({ ok: true }) });
    const cut = await short({}, form({ text: "c".repeat(3_001) }));
    expect(cut).toMatchObject({ fieldErrors: { text: "[tooLong]" } });
    expect(cut.values?.text).toHaveLength(2_000);
  });

  it("lets a redirect through, and throws on an error it does not know", async () => {
    await expect(action({}, form({ email: "away@example.org", password: "long-enough-pass" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const failing = formAction({ schema, translator, run: async () => Promise.reject(new Error("database down")) });
    await expect(failing({}, form({ email: "a@example.org", password: "long-enough-pass" }))).rejects.toThrow("database down");
  });
});

describe("formAction's other steps", () => {
  it("asks `before` first, for every attempt, well-formed or not: its answer stops the form", async () => {
    let asked = 0;
    let ran = 0;
    const limited = formAction({
      schema,
      translator,
      secret: ["password"],
      before: async ({ values, t }) => (++asked > 1 ? { message: t("rateLimited", { email: values.email ?? "" }) } : undefined),
      run: async () => {
        ran++;
        return { ok: true };
      },
    });
    expect(await limited({}, form({ email: "nope", password: "x" }))).toMatchObject({ fieldErrors: { email: "[emailInvalid]" } });
    expect(await limited({}, form({ email: "a@example.org", password: "long-enough-pass" }))).toEqual({
      message: '[rateLimited {"email":"a@example.org"}]',
      values: { email: "a@example.org" },
      attempt: 1,
    });
    expect([asked, ran]).toEqual([2, 0]);
  });

  it("counts attempts only from a number, whatever the browser sends back as the previous answer", async () => {
    const action = formAction({ schema, translator, run: async () => ({ ok: true }) });
    const fields = form({ email: "a@example.org", password: "long-enough-pass" });
    for (const previous of [null, { attempt: "x" }, { attempt: { valueOf: 5 } }, "text"]) {
      expect((await action(previous as never, fields)).attempt).toBe(1);
    }
    expect((await action({ attempt: 4 }, fields)).attempt).toBe(5);
  });

  it("hands `refuse` the form, so a refusal can name what was sent", async () => {
    const action = formAction({
      schema,
      translator,
      run: async () => Promise.reject(new Taken()),
      refuse: (_error, _t, { form }) => ({ message: `taken: ${String(form.get("email"))}` }),
    });
    expect(await action({}, form({ email: "a@example.org", password: "long-enough-pass" }))).toMatchObject({ message: "taken: a@example.org" });
  });
});

describe("messagesOf", () => {
  it("translates a key of the namespace, and with a fallback answers a key it lacks with the fallback's sentence", async () => {
    const plain = await messagesOf("Any")();
    const safe = await messagesOf("Any", { fallback: "known" })();
    expect(plain("known")).toBe("A known sentence.");
    expect(safe("known")).toBe("A known sentence.");
    expect(safe("Invalid input: expected string")).toBe("A known sentence.");
  });
});

describe("fieldId", () => {
  it("makes an id of any field name, the same way for the input, its error and the summary's link", () => {
    expect(fieldId("walkers.0.firstName")).toBe("walkers-0-firstName");
    expect(fieldId("addon:0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22")).toBe("addon-0e4a1c1e-5a35-4b77-8f0a-2f7e8a1d9b22");
    expect(fieldId("reason", "7d3c2a5e")).toBe("reason-7d3c2a5e");
  });
});

describe("submittedValues", () => {
  it("keeps text fields, cut to a length, without Next.js's own fields", () => {
    const data = form({ name: "x".repeat(50) });
    data.append("photo", new Blob(["binary"]));
    expect(submittedValues(data, [], 10)).toEqual({ name: "x".repeat(10) });
  });
});

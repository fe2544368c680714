import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formAction, submittedValues } from "./action";

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

  it("lets a redirect through, and throws on an error it does not know", async () => {
    await expect(action({}, form({ email: "away@example.org", password: "long-enough-pass" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const failing = formAction({ schema, translator, run: async () => Promise.reject(new Error("database down")) });
    await expect(failing({}, form({ email: "a@example.org", password: "long-enough-pass" }))).rejects.toThrow("database down");
  });
});

describe("submittedValues", () => {
  it("keeps text fields, cut to a length, without Next.js's own fields", () => {
    const data = form({ name: "x".repeat(50) });
    data.append("photo", new Blob(["binary"]));
    expect(submittedValues(data, [], 10)).toEqual({ name: "x".repeat(10) });
  });
});

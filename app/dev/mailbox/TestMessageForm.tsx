"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendTestMessageAction, type TestMessageState } from "./actions";

export function TestMessageForm({ defaultLanguage }: { defaultLanguage: "EN" | "ES" }) {
  const t = useTranslations("DevMailbox.send");
  const [state, action, pending] = useActionState<TestMessageState, FormData>(sendTestMessageAction, { ok: false });
  const toError = state.fieldErrors?.to;
  const languageError = state.fieldErrors?.language;
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm" noValidate>
      <div>
        <label htmlFor="test-to" className="block font-semibold">
          {t("to")}
        </label>
        <input
          id="test-to"
          name="to"
          type="email"
          autoComplete="off"
          defaultValue={state.values?.to ?? ""}
          aria-invalid={toError ? true : undefined}
          aria-describedby={toError ? "test-to-error" : undefined}
          className="mt-1 w-full max-w-md rounded border border-slate-400 px-3 py-2"
        />
        {toError && (
          <p id="test-to-error" className="mt-1 text-sm text-red-800">
            {toError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="test-language" className="block font-semibold">
          {t("language")}
        </label>
        <select
          id="test-language"
          name="language"
          defaultValue={state.values?.language ?? defaultLanguage}
          aria-invalid={languageError ? true : undefined}
          aria-describedby={languageError ? "test-language-error" : undefined}
          className="mt-1 rounded border border-slate-400 px-3 py-2"
        >
          <option value="EN">{t("en")}</option>
          <option value="ES">{t("es")}</option>
        </select>
        {languageError && (
          <p id="test-language-error" className="mt-1 text-sm text-red-800">
            {languageError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-800 px-5 py-2 font-semibold text-white disabled:opacity-70"
      >
        {pending ? t("pending") : t("submit")}
      </button>
      <p role="status" className={state.ok ? "text-green-800" : "text-red-800"}>
        {state.message ?? ""}
      </p>
    </form>
  );
}

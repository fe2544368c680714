"use client";

import { FieldError } from "@/app/components/FieldError";
import type { useFormAction } from "./useFormAction";

/** The email field of the sign-in forms, with its error under it. */
export function EmailField({ form, label, autoComplete }: { form: ReturnType<typeof useFormAction>; label: string; autoComplete: string }) {
  return (
    <div>
      <label htmlFor="email" className="font-medium">
        {label}
      </label>
      <input {...form.field("email")} type="email" autoComplete={autoComplete} required className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
      <FieldError id="email-error" message={form.error("email")} />
    </div>
  );
}

"use client";

import { useFormStatus } from "react-dom";

/** A submit button that says what is happening while the form is sent. */
export function SubmitButton({ label, pendingLabel, className }: { label: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={className ?? "rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

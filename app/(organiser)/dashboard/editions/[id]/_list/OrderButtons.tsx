"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFormAction } from "@/app/components/forms/useFormAction";
import type { FormState } from "@/lib/forms/action";
import type { ListNamespace } from "./ListItemForm";

type Op = "up" | "down" | "remove";

/**
 * Move up, move down and remove: plain buttons in one form (no drag-only control), named with the
 * item's name for screen readers. After a move the pressed button keeps the focus, so a keyboard user
 * can press it again.
 */
export function OrderButtons({
  action,
  namespace,
  eventId,
  itemId,
  version,
  name,
  first,
  last,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  namespace: ListNamespace;
  eventId: string;
  itemId: string;
  version: number;
  /** The item as a person reads it (its time and title, its name). */
  name: string;
  first: boolean;
  last: boolean;
}) {
  const t = useTranslations(namespace);
  const form = useFormAction(action, { scope: `order-${itemId}` });
  const pressed = useRef<Op | null>(null);
  const buttons = useRef<Partial<Record<Op, HTMLButtonElement | null>>>({});

  useEffect(() => {
    const op = pressed.current;
    if (!form.state.attempt || !op) return;
    const target = buttons.current[op];
    const other = buttons.current[op === "up" ? "down" : "up"];
    (target && !target.disabled ? target : other)?.focus();
  }, [form.state.attempt]);

  const button = (op: Op, disabled: boolean) => (
    <button
      ref={(element) => {
        buttons.current[op] = element;
      }}
      type="submit"
      name="op"
      value={op}
      disabled={disabled || form.pending}
      onClick={() => {
        pressed.current = op;
      }}
      aria-label={t(op === "up" ? "moveUpLabel" : op === "down" ? "moveDownLabel" : "removeLabel", { name })}
      className={
        op === "remove"
          ? "rounded border border-red-700 px-3 py-1 text-red-800 disabled:opacity-50"
          : "rounded border border-brand-700 px-3 py-1 text-brand-700 disabled:opacity-50"
      }
    >
      {t(op === "up" ? "moveUp" : op === "down" ? "moveDown" : "remove")}
    </button>
  );

  return (
    <form action={form.action} aria-label={t("actionsLabel", { name })} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      {button("up", first)}
      {button("down", last)}
      {button("remove", false)}
      {form.state.message && (
        <span role={form.state.ok ? "status" : "alert"} className={form.state.ok ? "text-sm" : "text-sm font-medium text-red-800"}>
          {form.state.message}
        </span>
      )}
    </form>
  );
}

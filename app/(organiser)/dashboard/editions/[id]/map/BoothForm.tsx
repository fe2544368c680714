"use client";

// One booth's form (or a new booth's): code, size, tent, price notes and its place on the map in
// whole metres. The four numbers are controlled by the editor, so that dragging on the map fills
// them in; they are what is saved. Deleting is a form of its own below.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { BOOTH_SIZES, type BoothSizeName } from "@/lib/booths/area";
import type { LayoutBooth } from "@/lib/booths/layout";
import type { FormState } from "@/lib/forms/action";
import { deleteBoothAction, saveBoothAction } from "./actions";

/** The four numbers of a booth's place, as typed. */
export interface Place {
  mapX: string;
  mapY: string;
  mapWidth: string;
  mapHeight: string;
}

const placeFields = ["mapX", "mapY", "mapWidth", "mapHeight"] as const;
const textFields = ["code", "size", "tentSupplied", "priceNoteEn", "priceNoteEs"] as const;
const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

/** Calls `handle` once with each new answer of a form (not again on a later render). */
function useAnswer(state: FormState, handle: (state: FormState) => void) {
  const seen = useRef(state.attempt ?? 0);
  useEffect(() => {
    if ((state.attempt ?? 0) === seen.current) return;
    seen.current = state.attempt ?? 0;
    handle(state);
  });
}

export function BoothForm({
  editionId,
  booth,
  place,
  onPlace,
  onCode,
  onDone,
}: {
  editionId: string;
  /** null: a booth being added. */
  booth: LayoutBooth | null;
  place: Place;
  onPlace: (place: Place) => void;
  onCode: (code: string) => void;
  onDone: (result: { message: string; boothId?: string; deleted?: boolean }) => void;
}) {
  const t = useTranslations("Dashboard.map");
  const form = useFormAction(saveBoothAction);
  const removal = useFormAction(deleteBoothAction, { scope: "delete" });
  useAnswer(form.state, (state) => {
    if (state.ok && state.message) onDone({ message: state.message, boothId: state.result?.boothId });
  });
  useAnswer(removal.state, (state) => {
    if (state.ok && state.message) onDone({ message: state.message, deleted: true });
  });

  const labels = Object.fromEntries([...textFields, ...placeFields].map((name) => [name, t(`labels.${name}`)]));
  const typed = form.state.values;
  const code = booth?.code ?? "";
  const label = (name: string, text: string) => (
    <label htmlFor={form.id(name)} className="block font-medium">
      {text}
    </label>
  );
  const hintOrError = (name: string, hint?: string) => {
    const error = form.error(name);
    if (error) return <FieldError id={`${form.id(name)}-error`} message={error} />;
    return hint ? (
      <p id={`${form.id(name)}-hint`} className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
    ) : null;
  };

  return (
    <section aria-labelledby="booth-form-title" className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="booth-form-title" className="text-lg font-semibold">
        {booth ? t("formEdit", { code }) : t("formNew")}
      </h2>
      {booth?.booking && (
        <p className="rounded border border-amber-600 bg-amber-50 p-3 text-sm">
          {t("bookedNote", { code, status: t(`bookingStatus.${booth.booking.status}`), organisation: booth.booking.organisation })}
        </p>
      )}
      <form key={form.state.attempt ?? 0} action={form.action} noValidate className="space-y-4" aria-labelledby="booth-form-title">
        <FormSummary state={form.state.ok ? {} : form.state} labels={labels} />
        <input type="hidden" name="editionId" value={editionId} />
        {booth && <input type="hidden" name="boothId" value={booth.id} />}
        <div>
          {label("code", t("labels.code"))}
          <input
            {...form.field("code", { fallback: code, hint: true })}
            type="text"
            maxLength={10}
            autoComplete="off"
            required
            onChange={(event) => onCode(event.target.value)}
            className={`${inputClass} max-w-40 uppercase`}
          />
          {hintOrError("code", t("hints.code"))}
        </div>
        <div>
          {label("size", t("labels.size"))}
          <select
            {...form.field("size", { fallback: booth?.size ?? "STANDARD", hint: true })}
            onChange={(event) => {
              const size = BOOTH_SIZES[event.target.value as BoothSizeName];
              if (size) onPlace({ ...place, mapWidth: String(size.width), mapHeight: String(size.height) });
            }}
            className={`${inputClass} max-w-xs`}
          >
            {(Object.keys(BOOTH_SIZES) as BoothSizeName[]).map((size) => (
              <option key={size} value={size}>
                {t(`sizes.${size}`)}
              </option>
            ))}
          </select>
          {hintOrError("size", t("hints.size"))}
        </div>
        <div className="flex items-center gap-2">
          <input
            id={form.id("tentSupplied")}
            name="tentSupplied"
            type="checkbox"
            defaultChecked={typed ? typed.tentSupplied === "on" : (booth?.tentSupplied ?? false)}
            className="h-5 w-5"
          />
          <label htmlFor={form.id("tentSupplied")}>{t("labels.tentSupplied")}</label>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["priceNoteEn", "priceNoteEs"] as const).map((name) => (
            <div key={name}>
              {label(name, t(`labels.${name}`))}
              <input
                {...form.field(name, { fallback: booth?.[name] ?? "", hint: true })}
                type="text"
                maxLength={200}
                lang={name === "priceNoteEn" ? "en" : "es"}
                className={inputClass}
              />
              {hintOrError(name, t("hints.priceNote"))}
            </div>
          ))}
        </div>
        <fieldset className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("placeLegend")}</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {placeFields.map((name) => {
              const { defaultValue: _typed, ...field } = form.field(name);
              void _typed;
              return (
                <div key={name}>
                  {label(name, t(`labels.${name}`))}
                  <input
                    {...field}
                    type="number"
                    inputMode="numeric"
                    step={1}
                    min={name === "mapX" || name === "mapY" ? 0 : 1}
                    value={place[name]}
                    onChange={(event) => onPlace({ ...place, [name]: event.target.value })}
                    className={inputClass}
                  />
                  {hintOrError(name)}
                </div>
              );
            })}
          </div>
        </fieldset>
        <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {booth ? t("save") : t("create")}
        </button>
      </form>
      {booth && (
        <form key={`delete-${removal.state.attempt ?? 0}`} action={removal.action} noValidate className="space-y-2 border-t border-slate-200 pt-3">
          <input type="hidden" name="editionId" value={editionId} />
          <input type="hidden" name="boothId" value={booth.id} />
          {!removal.state.ok && removal.state.message && (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
              {removal.state.message}
            </p>
          )}
          <button type="submit" disabled={removal.pending} className="rounded border border-red-700 px-3 py-1.5 text-red-800 disabled:opacity-60">
            {t("delete", { code })}
          </button>
        </form>
      )}
    </section>
  );
}

"use client";

// The booth map editor: the map (DragMap), the list of booths with a button each (the keyboard's
// way to choose one), and the chosen booth's form (BoothForm). The booth being edited is drawn
// where the form's numbers put it, so a drag and the typed numbers always agree.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { BOOTH_SIZES } from "@/lib/booths/area";
import { freePlace, layoutProblem, type Rect } from "@/lib/booths/geometry";
import type { LayoutBooth } from "@/lib/booths/layout";
import { BoothForm, type Place } from "./BoothForm";
import { DragMap } from "./DragMap";

const placeOf = (rect: Rect): Place => ({ mapX: String(rect.x), mapY: String(rect.y), mapWidth: String(rect.width), mapHeight: String(rect.height) });

/** The place the numbers say, when each is a whole number (what the map can draw). */
function rectOf(place: Place): Rect | null {
  const [x, y, width, height] = [place.mapX, place.mapY, place.mapWidth, place.mapHeight].map((v) => (/^-?\d{1,4}$/.test(v.trim()) ? Number(v) : NaN));
  return [x, y, width, height].every((n) => Number.isInteger(n)) ? { x: x!, y: y!, width: width!, height: height! } : null;
}

const boothRect = (b: LayoutBooth): Rect => ({ x: b.mapX, y: b.mapY, width: b.mapWidth, height: b.mapHeight });

interface Selection {
  /** A booth's id, "new" for a booth being added, or null. */
  id: string | null;
  place: Place;
  /** Bumped on each selection, so the form starts afresh. */
  round: number;
}

export function BoothMapEditor({ editionId, booths }: { editionId: string; booths: LayoutBooth[] }) {
  const t = useTranslations("Dashboard.map");
  const [selection, setSelection] = useState<Selection>({ id: null, place: placeOf({ x: 0, y: 0, ...BOOTH_SIZES.STANDARD }), round: 0 });
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string | null>(null);

  const booth = booths.find((b) => b.id === selection.id) ?? null;
  const select = (id: string | null, place?: Place, chosenCode?: string) => {
    const chosen = booths.find((b) => b.id === id);
    setSelection((s) => ({ id, place: place ?? (chosen ? placeOf(boothRect(chosen)) : s.place), round: s.round + 1 }));
    setCode(chosenCode ?? chosen?.code ?? "");
  };
  const addNew = () => {
    const place = freePlace(BOOTH_SIZES.STANDARD, booths.map(boothRect)) ?? { x: 0, y: 0, ...BOOTH_SIZES.STANDARD };
    setNotice(null);
    select("new", placeOf(place));
  };

  const draft = selection.id ? rectOf(selection.place) : null;
  const others = booths.filter((b) => b.id !== selection.id).map(boothRect);
  const problem = draft ? layoutProblem(draft, others) !== null : false;

  return (
    <div className="space-y-4">
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {notice}
        </p>
      )}
      <DragMap
        booths={booths}
        selectedId={selection.id}
        selectedCode={code}
        draft={draft}
        problem={problem}
        onSelect={(id) => {
          setNotice(null);
          select(id);
        }}
        onDraft={(rect) => setSelection((s) => ({ ...s, place: placeOf(rect) }))}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <section aria-labelledby="booth-list-title" className="space-y-2">
          <h2 id="booth-list-title" className="text-lg font-semibold">
            {t("listTitle")}
          </h2>
          <button type="button" onClick={addNew} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {t("add")}
          </button>
          {booths.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
              {booths.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 p-2" aria-current={b.id === selection.id ? "true" : undefined}>
                  <span>
                    <span className="font-semibold">{b.code}</span> · {t("place", { width: b.mapWidth, height: b.mapHeight, x: b.mapX, y: b.mapY })}
                    {b.booking && (
                      <span className="block text-sm text-slate-700">
                        {t("booking", { status: t(`bookingStatus.${b.booking.status}`), organisation: b.booking.organisation })}
                      </span>
                    )}
                  </span>
                  <button
                    type="button"
                    onClick={() => {
                      setNotice(null);
                      select(b.id);
                    }}
                    className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-800"
                  >
                    {t("edit", { code: b.code })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {selection.id && (selection.id === "new" || booth) && (
          <BoothForm
            key={`${selection.id}-${selection.round}`}
            editionId={editionId}
            booth={booth}
            place={selection.place}
            onPlace={(place) => setSelection((s) => ({ ...s, place }))}
            onCode={setCode}
            onDone={(result) => {
              setNotice(result.message);
              if (result.deleted) select(null);
              else if (result.boothId && selection.id === "new") select(result.boothId, selection.place, code.trim().toUpperCase());
            }}
          />
        )}
      </div>
    </div>
  );
}

import { useTranslations } from "next-intl";
import type { BoothView } from "@/lib/booths/queries";
import type { BoothState } from "@/lib/booths/state";
import { BoothArea, boothLook } from "./BoothArea";

/** Who reads the map: partners choose a booth on it; organisers follow bookings from it. */
export type BoothMapAudience = "partner" | "organiser";

/**
 * The link a booth leads to. For partners: the booking form when available, its row in the list
 * otherwise. For organisers: the booth's live request or booking on the dashboard's booths page
 * (`bookingAnchor`); an available booth has nothing to open, so it is no link.
 */
export function boothHref(booth: BoothView, audience: BoothMapAudience = "partner"): string | null {
  if (audience === "organiser") return booth.state === "available" ? null : `#${bookingAnchor(booth.code)}`;
  return booth.state === "available" ? `/partner/book?booth=${encodeURIComponent(booth.code)}#request` : `#booth-${booth.code}`;
}

/** The id of a booth's live request or booking on the dashboard's booths page. */
export function bookingAnchor(boothCode: string): string {
  return `booking-${boothCode}`;
}

/**
 * The booth area as an SVG site map (1 unit = 1 m). Each booth is a link with a full accessible
 * name; its state shows as colour, pattern and a mark, so colour is never the only cue.
 */
export function BoothMap({
  booths,
  selectedCode,
  audience = "partner",
}: {
  booths: BoothView[];
  selectedCode?: string;
  audience?: BoothMapAudience;
}) {
  const t = useTranslations("Booths");

  return (
    <figure className="space-y-3">
      <figcaption className="text-sm text-slate-700">{t(audience === "organiser" ? "mapHelpOrganiser" : "mapHelp")}</figcaption>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white p-2">
        <BoothArea label={t("mapTitle")} pathLabel={t("path")} className="h-auto w-full min-w-[640px]" testId="booth-map">
          {booths.map((booth) => {
            const look = boothLook[booth.state];
            const selected = booth.code === selectedCode;
            const name = t("boothName", {
              code: booth.code,
              size: t(`sizes.${booth.size}`),
              tent: booth.tentSupplied ? t("tentSupplied") : t("noTent"),
              state: t(`states.${booth.state}`),
            });
            const href = boothHref(booth, audience);
            const Shape = href ? "a" : "g";
            return (
              <Shape
                key={booth.id}
                href={href ?? undefined}
                role={href ? undefined : "img"}
                aria-label={name}
                aria-current={selected ? "true" : undefined}
                className={href ? "booth-link" : undefined}
                data-state={booth.state}
              >
                <rect
                  x={booth.mapX}
                  y={booth.mapY}
                  width={booth.mapWidth}
                  height={booth.mapHeight}
                  fill={look.pattern ?? look.fill}
                  stroke={selected ? "#0b4f8a" : look.stroke}
                  strokeWidth={selected ? 0.45 : 0.15}
                  rx="0.2"
                />
                <text
                  x={booth.mapX + booth.mapWidth / 2}
                  y={booth.mapY + 1.3}
                  textAnchor="middle"
                  fontSize="1"
                  fontWeight="700"
                  fill="#0f172a"
                  aria-hidden="true"
                >
                  {booth.code}
                </text>
                <text
                  x={booth.mapX + booth.mapWidth / 2}
                  y={booth.mapY + 2.5}
                  textAnchor="middle"
                  fontSize="0.9"
                  fill="#0f172a"
                  aria-hidden="true"
                >
                  {t(`marks.${booth.state}`)}
                </text>
              </Shape>
            );
          })}
        </BoothArea>
      </div>
      <BoothLegend />
    </figure>
  );
}

function BoothLegend() {
  const t = useTranslations("Booths");
  const states: BoothState[] = ["available", "held", "booked"];
  return (
    <div>
      <h3 className="text-sm font-semibold">{t("legend")}</h3>
      <ul className="mt-1 flex flex-wrap gap-4 text-sm">
        {states.map((state) => (
          <li key={state} className="flex items-center gap-2">
            <svg width="28" height="20" viewBox="0 0 3 2" aria-hidden="true">
              <rect x="0.05" y="0.05" width="2.9" height="1.9" fill={boothLook[state].pattern ?? boothLook[state].fill} stroke={boothLook[state].stroke} strokeWidth="0.1" />
              <text x="1.5" y="1.35" textAnchor="middle" fontSize="1" fill="#0f172a">
                {t(`marks.${state}`)}
              </text>
            </svg>
            <span>
              {t(`states.${state}`)} ({t(`patterns.${state}`)}, {t(`marks.${state}`)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

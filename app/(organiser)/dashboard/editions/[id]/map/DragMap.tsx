"use client";

// The editor's site map: a click (or tap) on a booth selects it; dragging it moves it, dragging the
// selected booth's corner handle resizes it, both on the 1 m grid and inside the area. A drag only
// changes the form's numbers (onDraft): the numbers are what is saved, and the keyboard's way.
import { useTranslations } from "next-intl";
import { useRef, type PointerEvent } from "react";
import { BoothArea, boothLook } from "@/app/components/booths/BoothArea";
import { BOOTH_AREA } from "@/lib/booths/area";
import { clampInto, snap, type Rect } from "@/lib/booths/geometry";
import type { LayoutBooth } from "@/lib/booths/layout";

interface Drag {
  mode: "move" | "resize";
  pointerId: number;
  from: { x: number; y: number };
  start: Rect;
}

const rectOf = (b: LayoutBooth): Rect => ({ x: b.mapX, y: b.mapY, width: b.mapWidth, height: b.mapHeight });

export function DragMap({
  booths,
  selectedId,
  selectedCode,
  draft,
  problem,
  onSelect,
  onDraft,
}: {
  booths: LayoutBooth[];
  /** The booth being edited ("new" for one being added), drawn at `draft`. */
  selectedId: string | null;
  selectedCode: string;
  draft: Rect | null;
  /** The draft overlaps another booth or leaves the area: drawn with a dashed red outline. */
  problem: boolean;
  onSelect: (id: string) => void;
  onDraft: (rect: Rect) => void;
}) {
  const t = useTranslations("Dashboard.map");
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);

  /** The pointer's place in map units. */
  const point = (event: PointerEvent) => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  };

  const begin = (event: PointerEvent, mode: Drag["mode"], start: Rect) => {
    const from = point(event);
    if (!from || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    svg.current?.setPointerCapture(event.pointerId);
    drag.current = { mode, pointerId: event.pointerId, from, start };
  };

  const move = (event: PointerEvent) => {
    const current = drag.current;
    const at = current && current.pointerId === event.pointerId ? point(event) : null;
    if (!current || !at) return;
    const dx = at.x - current.from.x;
    const dy = at.y - current.from.y;
    const { start } = current;
    const next =
      current.mode === "move"
        ? clampInto({ ...start, x: snap(start.x + dx), y: snap(start.y + dy) })
        : {
            ...start,
            width: Math.min(Math.max(snap(start.width + dx), 1), BOOTH_AREA.width - start.x),
            height: Math.min(Math.max(snap(start.height + dy), 1), BOOTH_AREA.height - start.y),
          };
    if (next.x !== draft?.x || next.y !== draft?.y || next.width !== draft?.width || next.height !== draft?.height) onDraft(next);
  };

  const end = (event: PointerEvent) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    if (svg.current?.hasPointerCapture(event.pointerId)) svg.current.releasePointerCapture(event.pointerId);
  };

  const shown = booths.map((b) => ({ booth: b, rect: b.id === selectedId && draft ? draft : rectOf(b) }));
  const adding = selectedId === "new" && draft;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white p-2">
      <BoothArea
        ref={svg}
        label={t("mapLabel")}
        pathLabel={t("path")}
        grid
        testId="booth-map-editor"
        className="h-auto w-full min-w-[640px] touch-none select-none"
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      >
        {shown.map(({ booth, rect }) => {
          const selected = booth.id === selectedId;
          const look = boothLook[booth.state];
          return (
            <g
              key={booth.id}
              role="img"
              aria-label={t("boothName", { code: booth.code, width: rect.width, height: rect.height, x: rect.x, y: rect.y, state: t(`states.${booth.state}`) })}
              data-code={booth.code}
              className="cursor-move"
              onPointerDown={(event) => {
                if (!selected) onSelect(booth.id);
                begin(event, "move", rect);
              }}
            >
              <BoothShape rect={rect} code={selected ? selectedCode || booth.code : booth.code} fill={look.pattern ?? look.fill} stroke={look.stroke} selected={selected} problem={selected && problem} />
            </g>
          );
        })}
        {adding && (
          <g role="img" aria-label={t("formNew")} className="cursor-move" onPointerDown={(event) => begin(event, "move", draft)}>
            <BoothShape rect={draft} code={selectedCode || "+"} fill="#dbeafe" stroke="#1d4ed8" selected problem={problem} />
          </g>
        )}
        {draft && selectedId && (
          <rect
            x={draft.x + draft.width - 0.6}
            y={draft.y + draft.height - 0.6}
            width="1"
            height="1"
            fill="#0b4f8a"
            className="cursor-nwse-resize"
            role="img"
            aria-label={t("resizeHandle", { code: selectedCode })}
            data-testid="resize-handle"
            onPointerDown={(event) => begin(event, "resize", draft)}
          />
        )}
      </BoothArea>
    </div>
  );
}

function BoothShape({ rect, code, fill, stroke, selected, problem }: { rect: Rect; code: string; fill: string; stroke: string; selected: boolean; problem: boolean }) {
  return (
    <>
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill={fill}
        stroke={problem ? "#b91c1c" : selected ? "#0b4f8a" : stroke}
        strokeWidth={selected ? 0.4 : 0.15}
        strokeDasharray={problem ? "0.6 0.3" : undefined}
        rx="0.2"
      />
      <text x={rect.x + rect.width / 2} y={rect.y + Math.min(1.3, rect.height / 2 + 0.35)} textAnchor="middle" fontSize="1" fontWeight="700" fill="#0f172a" aria-hidden="true">
        {code}
      </text>
    </>
  );
}

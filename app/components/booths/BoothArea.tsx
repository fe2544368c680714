// The booth area as an SVG (1 unit = 1 m, lib/booths/area.ts): its size, the walking path, the
// patterns of held and booked booths, and, for the organisers' editor, a 1 m grid. The public site
// map (BoothMap) and the editor (dashboard/editions/[id]/map) draw their booths inside it. No hooks,
// so both a server component and a client component can use it.
import type { Ref, SVGProps } from "react";
import { BOOTH_AREA } from "@/lib/booths/area";
import type { BoothState } from "@/lib/booths/state";

/** How a booth in each state looks: colour and pattern (its mark says it in words too). */
export const boothLook: Record<BoothState, { fill: string; stroke: string; pattern?: string }> = {
  available: { fill: "#dcfce7", stroke: "#166534" },
  held: { fill: "#fef3c7", stroke: "#92400e", pattern: "url(#booth-held)" },
  booked: { fill: "#e2e8f0", stroke: "#334155", pattern: "url(#booth-booked)" },
};

export function BoothArea({
  label,
  pathLabel,
  grid = false,
  testId,
  ref,
  children,
  ...svg
}: {
  label: string;
  pathLabel: string;
  grid?: boolean;
  testId?: string;
  ref?: Ref<SVGSVGElement>;
  children: React.ReactNode;
} & Omit<SVGProps<SVGSVGElement>, "ref" | "viewBox" | "role" | "aria-label" | "children">) {
  const { width, height, path } = BOOTH_AREA;
  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} data-testid={testId} {...svg}>
      <defs>
        <pattern id="booth-held" width="1" height="1" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="1" height="1" fill={boothLook.held.fill} />
          <line x1="0" y1="0" x2="0" y2="1" stroke="#b45309" strokeWidth="0.25" />
        </pattern>
        <pattern id="booth-booked" width="0.9" height="0.9" patternUnits="userSpaceOnUse">
          <rect width="0.9" height="0.9" fill={boothLook.booked.fill} />
          <path d="M0 0L0.9 0.9M0.9 0L0 0.9" stroke="#64748b" strokeWidth="0.12" />
        </pattern>
        {grid && (
          <pattern id="booth-grid" width="1" height="1" patternUnits="userSpaceOnUse">
            <path d="M1 0L0 0L0 1" fill="none" stroke="#cbd5e1" strokeWidth="0.05" />
          </pattern>
        )}
      </defs>
      {grid && <rect x="0" y="0" width={width} height={height} fill="url(#booth-grid)" aria-hidden="true" />}
      <rect x="0" y={path.y} width={width} height={path.height} fill="#e7e5e4" fillOpacity={grid ? 0.7 : 1} aria-hidden="true" />
      <text x={width / 2} y={path.y + path.height / 2 + 0.4} textAnchor="middle" fontSize="1.1" fill="#44403c" aria-hidden="true">
        {pathLabel}
      </text>
      {children}
    </svg>
  );
}

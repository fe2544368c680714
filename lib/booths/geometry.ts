// The booth map's geometry rules, pure (no database, no React): a booth lies fully inside the area
// and overlaps no other booth of its walk. lib/booths/layout.ts checks them in its transaction; the
// editor's drag (a client component) snaps and clamps with them.
import { BOOTH_AREA } from "./area";

/** A booth's footprint on the map, in whole map units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Area {
  width: number;
  height: number;
}

/** Inside the area, edges included, with a positive size. */
export function insideArea(rect: Rect, area: Area = BOOTH_AREA): boolean {
  return rect.width > 0 && rect.height > 0 && rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= area.width && rect.y + rect.height <= area.height;
}

/** The two footprints share some surface (booths that only touch along an edge do not overlap). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export type LayoutProblem<T> = { kind: "outsideArea" } | { kind: "overlap"; other: T };

/**
 * What is wrong with placing `rect` among `others` (the walk's other booths, the one being moved
 * left out), or null: outside the area first, then the first booth it would overlap.
 */
export function layoutProblem<T extends Rect>(rect: Rect, others: readonly T[], area: Area = BOOTH_AREA): LayoutProblem<T> | null {
  if (!insideArea(rect, area)) return { kind: "outsideArea" };
  const other = others.find((o) => overlaps(rect, o));
  return other ? { kind: "overlap", other } : null;
}

/** A value on the snap grid (whole units by default). */
export function snap(value: number, grid = 1): number {
  return Math.round(value / grid) * grid || 0; // never -0
}

/** The footprint moved (not resized) so that it lies inside the area, as far as its size allows. */
export function clampInto(rect: Rect, area: Area = BOOTH_AREA): Rect {
  const x = Math.min(Math.max(rect.x, 0), Math.max(area.width - rect.width, 0));
  const y = Math.min(Math.max(rect.y, 0), Math.max(area.height - rect.height, 0));
  return { ...rect, x, y };
}

/** The first free place for a booth of this size, row by row from the top left, or null when none is. */
export function freePlace(size: { width: number; height: number }, others: readonly Rect[], area: Area = BOOTH_AREA): Rect | null {
  for (let y = 0; y + size.height <= area.height; y++) {
    for (let x = 0; x + size.width <= area.width; x++) {
      const rect = { x, y, ...size };
      if (!others.some((o) => overlaps(rect, o))) return rect;
    }
  }
  return null;
}

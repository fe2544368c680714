// The booth area's size and the booth sizes on offer, in map units (1 unit = 1 m). One place for
// both the public site map (app/components/booths/BoothMap.tsx) and the organisers' map editor, so
// that what an organiser places inside the area is what everyone sees. No server code: the editor's
// client component reads it too.

/** The exhibition area beside the walk: booths lie fully inside 0..width × 0..height. */
export const BOOTH_AREA = {
  width: 64,
  height: 20,
  /** The walking path across the area (drawn on the map; booths are not refused on it). */
  path: { y: 6.5, height: 3 },
} as const;

/** The footprint each booth size stands for (a booth's own width and height may differ). */
export const BOOTH_SIZES = {
  STANDARD: { width: 3, height: 3 },
  LARGE: { width: 6, height: 3 },
} as const;

export type BoothSizeName = keyof typeof BOOTH_SIZES;

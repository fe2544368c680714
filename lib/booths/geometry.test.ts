import { describe, expect, it } from "vitest";
import { funWalkBooths } from "../events/seed-data";
import { BOOTH_AREA } from "./area";
import { clampInto, freePlace, insideArea, layoutProblem, overlaps, snap } from "./geometry";

const area = { width: 20, height: 10 };
const booth = (code: string, x: number, y: number, width = 3, height = 3) => ({ code, x, y, width, height });

describe("insideArea", () => {
  it("accepts a booth touching the area's edges", () => {
    expect(insideArea(booth("A1", 0, 0), area)).toBe(true);
    expect(insideArea(booth("A1", 17, 7), area)).toBe(true);
  });

  it("refuses a booth that sticks out on any side, or has no size", () => {
    expect(insideArea(booth("A1", -1, 0), area)).toBe(false);
    expect(insideArea(booth("A1", 0, -1), area)).toBe(false);
    expect(insideArea(booth("A1", 18, 0), area)).toBe(false);
    expect(insideArea(booth("A1", 0, 8), area)).toBe(false);
    expect(insideArea(booth("A1", 0, 0, 0, 3), area)).toBe(false);
    expect(insideArea(booth("A1", 0, 0, 3, 0), area)).toBe(false);
  });

  it("holds every seeded booth of the walk", () => {
    for (const b of funWalkBooths()) expect(insideArea({ x: b.mapX, y: b.mapY, width: b.mapWidth, height: b.mapHeight })).toBe(true);
  });
});

describe("overlaps", () => {
  it("sees a shared surface, in either order", () => {
    expect(overlaps(booth("A", 0, 0), booth("B", 2, 2))).toBe(true);
    expect(overlaps(booth("B", 2, 2), booth("A", 0, 0))).toBe(true);
    expect(overlaps(booth("A", 0, 0, 10, 10), booth("B", 2, 2, 1, 1))).toBe(true);
  });

  it("lets booths touch along an edge or at a corner", () => {
    expect(overlaps(booth("A", 0, 0), booth("B", 3, 0))).toBe(false);
    expect(overlaps(booth("A", 0, 0), booth("B", 0, 3))).toBe(false);
    expect(overlaps(booth("A", 0, 0), booth("B", 3, 3))).toBe(false);
  });
});

describe("layoutProblem", () => {
  const others = [booth("A1", 0, 0), booth("A2", 5, 0), booth("A3", 10, 0, 6, 3)];

  it("is none for a free place inside the area", () => {
    expect(layoutProblem(booth("N", 3, 0, 2, 3), others, area)).toBeNull();
    expect(layoutProblem(booth("N", 0, 4), others, area)).toBeNull();
  });

  it("names the first booth the place overlaps", () => {
    expect(layoutProblem(booth("N", 12, 1), others, area)).toEqual({ kind: "overlap", other: others[2] });
    expect(layoutProblem(booth("N", 4, 0), others, area)).toEqual({ kind: "overlap", other: others[1] });
  });

  it("says outside the area before any overlap", () => {
    expect(layoutProblem(booth("N", 18, 0), others, area)).toEqual({ kind: "outsideArea" });
  });

  it("uses the walk's booth area by default", () => {
    expect(layoutProblem(booth("N", BOOTH_AREA.width - 3, BOOTH_AREA.height - 3), [])).toBeNull();
    expect(layoutProblem(booth("N", BOOTH_AREA.width - 2, 0), [])).toEqual({ kind: "outsideArea" });
  });
});

describe("the drag's helpers", () => {
  it("snaps to whole units", () => {
    expect(snap(2.4)).toBe(2);
    expect(snap(2.6)).toBe(3);
    expect(snap(-0.4)).toBe(0);
    expect(snap(7, 5)).toBe(5);
  });

  it("keeps a dragged booth inside the area without resizing it", () => {
    expect(clampInto(booth("A", -4, 9), area)).toMatchObject({ x: 0, y: 7, width: 3, height: 3 });
    expect(clampInto(booth("A", 30, -2, 6, 3), area)).toMatchObject({ x: 14, y: 0, width: 6, height: 3 });
  });

  it("finds the first free place for a new booth, or none", () => {
    expect(freePlace({ width: 3, height: 3 }, [booth("A1", 0, 0)], area)).toEqual({ x: 3, y: 0, width: 3, height: 3 });
    expect(freePlace({ width: 3, height: 3 }, [booth("X", 0, 0, 20, 10)], area)).toBeNull();
  });
});

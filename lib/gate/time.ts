// Wall-clock times in a walk's own time zone, for the gate pass's window (a datetime-local field).
// Pure; Intl knows the zones, so a zone with summer time is converted right on either side of a change.

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsIn(date: Date, timeZone: string): Parts {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const get = (type: string) => Number(format.formatToParts(date).find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm" in the zone (a datetime-local value). */
export function toZonedInput(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a "YYYY-MM-DDTHH:mm" wall-clock time in the zone stands for; null when malformed. */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at a guess, then at the corrected instant (they differ only across a change).
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(instant), timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(instant / 60_000) * 60_000;
    instant = wall - offset;
  }
  return new Date(instant);
}

/** A pass's default window: from 04:00 on the walk's day (in its zone) to the walk's end. */
export function defaultPassWindow(walk: { startsAt: Date; endsAt: Date; timezone: string }): { opensAt: Date; closesAt: Date } {
  const day = toZonedInput(walk.startsAt, walk.timezone).slice(0, 10);
  const opensAt = fromZonedInput(`${day}T04:00`, walk.timezone) ?? walk.startsAt;
  return { opensAt: opensAt < walk.startsAt ? opensAt : walk.startsAt, closesAt: walk.endsAt };
}

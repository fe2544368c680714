// The Fun Walk the seed creates: pure data, so it is easy to read and to test.

/** Sunday nearest to 30 July of the first year whose 30 July is still ahead of `now`. */
export function upcomingWalkDate(now: Date): { year: number; month: number; day: number } {
  let year = now.getUTCFullYear();
  if (now.getTime() > Date.UTC(year, 6, 30, 23, 59)) year += 1;
  const july30 = new Date(Date.UTC(year, 6, 30));
  const weekday = july30.getUTCDay(); // 0 = Sunday
  const shift = weekday <= 3 ? -weekday : 7 - weekday;
  const sunday = new Date(Date.UTC(year, 6, 30 + shift));
  return { year: sunday.getUTCFullYear(), month: sunday.getUTCMonth() + 1, day: sunday.getUTCDate() };
}

/** A wall-clock time in Port of Spain (UTC−4 all year, no daylight saving) as an instant. */
export function portOfSpainTime(date: { year: number; month: number; day: number }, hour: number, minute = 0): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, hour + 4, minute));
}

export const WAIVER_VERSION = "2027-1";

export function funWalkEvent(now: Date) {
  const day = upcomingWalkDate(now);
  const at = (h: number, m = 0) => portOfSpainTime(day, h, m);
  const closes = portOfSpainTime({ ...day, day: day.day }, 0); // midnight before the walk
  return {
    slug: `fun-walk-${day.year}`,
    nameEn: "World Day Against Trafficking in Persons 5K Fun Walk",
    nameEs: "Caminata Recreativa 5K del Día Mundial contra la Trata de Personas",
    themeEn: "Reach every victim of trafficking. Leave no one behind.",
    themeEs: "Llegar a todas las víctimas de la trata. No dejar a nadie atrás.",
    hostsEn: "Hosted by the UN migration agency with the Counter Trafficking Unit of Trinidad and Tobago",
    hostsEs: "Organizada por la agencia de la ONU para la migración con la Unidad contra la Trata de Trinidad y Tobago",
    venueName: "Queen's Park Savannah",
    venueNameEs: "Queen's Park Savannah",
    venueAddress: "Queen's Park Savannah, Port of Spain, Trinidad and Tobago",
    venueAddressEs: "Queen's Park Savannah, Puerto España, Trinidad y Tobago",
    mapUrl: "https://www.openstreetmap.org/search?query=Queen%27s%20Park%20Savannah%2C%20Port%20of%20Spain",
    timezone: "America/Port_of_Spain",
    startsAt: at(6, 0),
    endsAt: at(11, 0),
    capacity: 800,
    registrationOpensAt: new Date(Math.min(now.getTime(), at(6).getTime() - 90 * 86_400_000)),
    registrationClosesAt: closes,
    boothHoldHours: 72,
    maxBoothsPerOrganisation: 2,
    waiverVersion: WAIVER_VERSION,
    programme: [
      { startsAt: at(6, 0), titleEn: "Registration and warm-up", titleEs: "Inscripción y calentamiento" },
      { startsAt: at(7, 0), titleEn: "5K walk around the Savannah", titleEs: "Caminata de 5 km alrededor del Savannah" },
      { startsAt: at(8, 15), titleEn: "Aerobics and Zumba burnout", titleEs: "Aeróbicos y Zumba" },
      { startsAt: at(9, 0), titleEn: "Exhibition booths", titleEs: "Stands de exposición" },
    ],
  };
}

/** 24 booths in two rows along the Savannah's path: 16 standard (3×3 m) and 8 large (3×6 m). */
export function funWalkBooths() {
  const booths: { code: string; size: "STANDARD" | "LARGE"; tentSupplied: boolean; mapX: number; mapY: number; mapWidth: number; mapHeight: number }[] = [];
  let x = 2;
  for (let i = 1; i <= 12; i++) {
    const large = i % 3 === 0;
    const width = large ? 6 : 3;
    booths.push({ code: `A${i}`, size: large ? "LARGE" : "STANDARD", tentSupplied: i % 2 === 1, mapX: x, mapY: 2, mapWidth: width, mapHeight: 3 });
    booths.push({ code: `B${i}`, size: large ? "LARGE" : "STANDARD", tentSupplied: i % 2 === 0, mapX: x, mapY: 11, mapWidth: width, mapHeight: 3 });
    x += width + 1;
  }
  return booths;
}

export const funWalkAddons = [
  { code: "power", nameEn: "Power outlet", nameEs: "Toma de corriente", maxPerBooking: 1 },
  { code: "table", nameEn: "Table", nameEs: "Mesa", maxPerBooking: 2 },
  { code: "chairs", nameEn: "Chairs", nameEs: "Sillas", maxPerBooking: 4 },
];

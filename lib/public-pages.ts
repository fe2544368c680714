// The public pages rendered once for everyone: the walk's page and the booth map (pages/public/,
// Pages Router pages with incremental static regeneration; decision 008). Their data, as plain JSON,
// for one language; the paths they are cached under; and the last good data, served when the
// database cannot be read, so that an outage never replaces a page visitors already had.
import type { BoothOverview, Exhibitor } from "./booths/queries";
import { getBoothOverview, listPublicExhibitors } from "./booths/queries";
import { getCurrentEvent, type PublicEvent } from "./events/queries";
import type { Locale } from "./i18n/config";
import { locales } from "./i18n/config";

/** A value as it arrives in a page's props: dates become ISO strings. */
export type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

const jsonified = <T>(value: T): Jsonified<T> => JSON.parse(JSON.stringify(value)) as Jsonified<T>;

/** The message namespaces the public pages use (the whole file is not sent with each page). */
const NAMESPACES = ["Site", "Language", "Event", "Reporting", "Exhibitors", "Partner", "Booths"] as const;

async function messagesFor(locale: Locale): Promise<Record<string, unknown>> {
  const all = ((await import(`../messages/${locale}.json`)) as { default: Record<string, unknown> }).default;
  return Object.fromEntries(NAMESPACES.map((namespace) => [namespace, all[namespace]]));
}

export interface HomePageProps {
  locale: Locale;
  messages: Record<string, unknown>;
  event: Jsonified<PublicEvent> | null;
  exhibitors: Exhibitor[];
  /** When the data was read (ISO); stale data after an outage shows its age in the page's source. */
  readAt: string;
}

export interface BoothsPageProps {
  locale: Locale;
  messages: Record<string, unknown>;
  overview: Jsonified<BoothOverview> | null;
  readAt: string;
}

// The last data read for each page and language, in this process.
const lastGood = new Map<string, unknown>();

async function withLastGood<T>(key: string, read: () => Promise<T>): Promise<T> {
  try {
    const value = await read();
    lastGood.set(key, value);
    return value;
  } catch (error) {
    const kept = lastGood.get(key) as T | undefined;
    if (kept === undefined) throw error;
    console.warn(`public page ${key}: the database could not be read (${(error as Error).message}); serving the data read at ${(kept as { readAt: string }).readAt}`);
    return kept;
  }
}

export function homePageProps(locale: Locale, now = new Date()): Promise<HomePageProps> {
  return withLastGood(`home:${locale}`, async () => {
    const event = await getCurrentEvent(locale, now);
    const exhibitors = event ? await listPublicExhibitors(event.id) : [];
    return { locale, messages: await messagesFor(locale), event: event && jsonified(event), exhibitors, readAt: now.toISOString() };
  });
}

export function boothsPageProps(locale: Locale, now = new Date()): Promise<BoothsPageProps> {
  return withLastGood(`booths:${locale}`, async () => {
    const overview = await getBoothOverview(locale, now);
    return { locale, messages: await messagesFor(locale), overview: overview && jsonified(overview), readAt: now.toISOString() };
  });
}

/** Where each public page is cached (next.config.ts serves /, /es, /booths, /es/booths… from these). */
export const PUBLIC_PAGE_PATHS = locales.flatMap((locale) => [`/public/${locale}`, `/public/${locale}/booths`]);

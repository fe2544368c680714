export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The best supported language in an Accept-Language header, or the default. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? defaultLocale;
}

/**
 * The same choice as localeFromAcceptLanguage, as a regular expression over the whole header, for
 * next.config.ts, whose rewrites can only match: Spanish when it is listed before English and after
 * only languages we do not have. Browsers list languages best first, so the two agree on what
 * browsers send (a test holds them together); a header not in quality order may be read differently.
 */
export const SPANISH_FIRST_ACCEPT_LANGUAGE = "(?:\\s*(?![Ee][Nn](?![A-Za-z]))[A-Za-z*]{1,8}(?:-[A-Za-z0-9]{1,8})*\\s*(?:;[^,]*)?,)*\\s*[Ee][Ss](?![A-Za-z]).*";

// The gate's sentences in both languages: an item's refusal carries both (the phone shows the
// visitor's), a refused request the one of its visitor. No React: route handlers and lib/ use them.
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import type { Locale } from "../i18n/config";

type Values = Record<string, string | number>;

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "Gate" }),
  es: createTranslator({ locale: "es", messages: es, namespace: "Gate" }),
};

export type GateMessageKey = Parameters<(typeof translators)["en"]>[0];

export function gateSentence(locale: Locale, key: GateMessageKey, values?: Values): string {
  return (translators[locale] as (key: string, values?: Values) => string)(key, values);
}

/** The sentence in English and Spanish, each with its values (dates formatted per language). */
export function gateSentences(key: GateMessageKey, values?: (locale: Locale) => Values): { en: string; es: string } {
  return { en: gateSentence("en", key, values?.("en")), es: gateSentence("es", key, values?.("es")) };
}

/** A date and time as people at the walk read it, in its own time zone. */
export function walkTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-TT" : "en-TT", { dateStyle: "full", timeStyle: "short", timeZone }).format(date);
}

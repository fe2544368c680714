// Email texts live with every other user-facing string in messages/{en,es}.json (namespace "Email").
// createTranslator needs no React, so templates render the same in the app, the worker and tests.
import { createTranslator } from "next-intl";
import en from "../messages/en.json";
import es from "../messages/es.json";
import type { EmailLanguage } from "./types";

export type EmailMessages = typeof en;

export function localeOf(language: EmailLanguage): "en" | "es" {
  return language === "ES" ? "es" : "en";
}

/** A translator over the whole message catalogue in the recipient's language. */
export function emailTranslator(language: EmailLanguage) {
  return createTranslator({
    locale: localeOf(language),
    messages: (language === "ES" ? es : en) as EmailMessages,
  });
}

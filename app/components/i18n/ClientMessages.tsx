import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type en from "@/messages/en.json";

export type MessageNamespace = keyof typeof en;

// The texts the client components below may use, and no more. A provider without `messages` sends
// every message of the language (about 40 kB) in each App Router page's payload, rendered, written
// and kept for every request (docs/PERFORMANCE.md, the rush). An inner provider replaces an outer
// one, so each list names all the namespaces of its part of the site; "Forms" (the form summary)
// is always there.
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessageNamespace[]; children: React.ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(["Forms", ...namespaces].map((namespace) => [namespace, all[namespace]]));
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}

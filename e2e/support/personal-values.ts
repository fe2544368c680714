// The names and addresses specs type, kept in a file of the run's (beside its server log) so the
// server-log spec looks for them too: walkers whose data a spec deleted are no longer in the
// database, but what the server wrote about them would still be in its log.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { e2e } from "./env";

export function rememberPersonalValues(...values: string[]): void {
  appendFileSync(e2e.personalValuesFile, values.map((value) => `${value}\n`).join(""));
}

export function rememberedPersonalValues(): string[] {
  if (!existsSync(e2e.personalValuesFile)) return [];
  return readFileSync(e2e.personalValuesFile, "utf8").split("\n").filter((value) => value.trim().length > 0);
}

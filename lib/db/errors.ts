// One detector for "a unique index refused this row", whichever way the error arrived: from pg
// (PostgreSQL's SQLSTATE 23505, on the plain-SQL paths), from a Prisma query (P2002), or from
// Prisma's raw queries (P2010 carrying 23505). No "server-only" marker: the sign-up path uses it.

/** Whether `error` is a unique violation, optionally on a constraint, index or column whose name contains `name`. */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown; meta?: unknown; message?: unknown };
  let text: string;
  if (e.code === "23505") text = `${String(e.constraint ?? "")} ${String(e.detail ?? "")}`;
  else if (e.code === "P2002" || e.code === "P2010") {
    text = `${JSON.stringify(e.meta ?? {})} ${String(e.message ?? "")}`;
    if (e.code === "P2010" && !/23505|unique constraint/i.test(text)) return false;
  } else return false;
  return !name || text.includes(name);
}

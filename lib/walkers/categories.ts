// The walkers' categories, in the order pages and forms list them: one definition for the sign-up
// form, the dashboard's breakdowns and filters, and the queries. Pure (types only from the
// database's enums), so client components import it too. lib/walkers/categories.test.ts checks
// that each list holds exactly the database enum's values.
import type { AgeBand, TshirtSize, WalkerStatus } from "../generated/prisma/enums";

export const AGE_BANDS = ["UNDER_12", "AGE_12_17", "AGE_18_34", "AGE_35_54", "AGE_55_PLUS"] as const satisfies readonly AgeBand[];

/** Walkers in these bands need a parent or guardian's name and consent. */
export const MINOR_AGE_BANDS: readonly AgeBand[] = ["UNDER_12", "AGE_12_17"];

export function isMinor(ageBand: string): boolean {
  return (MINOR_AGE_BANDS as readonly string[]).includes(ageBand);
}

export const TSHIRT_SIZES = ["YOUTH_S", "YOUTH_M", "YOUTH_L", "XS", "S", "M", "L", "XL", "XXL", "XXXL"] as const satisfies readonly TshirtSize[];

/** The dashboard's T-shirt breakdown counts walkers who chose no size under this key. */
export const NO_TSHIRT = "NONE";

export const WALKER_STATUSES = ["CONFIRMED", "WAITING", "CANCELLED"] as const satisfies readonly WalkerStatus[];

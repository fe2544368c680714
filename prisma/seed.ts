// npm run db:seed — seeds DATABASE_URL (idempotent).
import { createPrismaClient } from "../lib/db/client";
import { seed } from "../lib/events/seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: set it to the PostgreSQL database to seed.");
  process.exit(1);
}
const db = createPrismaClient(url, 2);
try {
  const result = await seed(db, { organiserEmail: process.env.SEED_ORGANISER_EMAIL });
  console.log(result.eventCreated ? `Created event ${result.eventSlug}.` : `Event ${result.eventSlug} already exists.`);
  if (result.organiser) {
    console.log(`Organiser account ${result.organiser.email} — one-time password: ${result.organiser.oneTimePassword}`);
    console.log("This password is shown once. Sign in at /login and choose a new one.");
  }
} finally {
  await db.$disconnect();
}

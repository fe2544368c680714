// npm run organiser:create -- <email> [--admin] [--name "Full Name"]
// Creates an organiser (or admin) account and prints its one-time password once.
import { createPrismaClient } from "../lib/db/client";
import { hashPassword, oneTimePassword } from "../lib/organisers/passwords";

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--name")?.trim().toLowerCase();
const nameIndex = args.indexOf("--name");
const name = nameIndex >= 0 ? args[nameIndex + 1] : undefined;
const role = args.includes("--admin") ? "ADMIN" : "ORGANISER";

if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error("Give the new organiser's email: npm run organiser:create -- name@example.org [--admin] [--name \"Full Name\"]");
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: set it to the app's PostgreSQL database.");
  process.exit(1);
}
const db = createPrismaClient(url, 1);
try {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    console.error(`An account with that email already exists. Nothing was changed.`);
    process.exitCode = 1;
  } else {
    const password = oneTimePassword();
    await db.user.create({ data: { email, name: name ?? null, role, passwordHash: await hashPassword(password), mustChangePassword: true } });
    console.log(`Created ${role === "ADMIN" ? "admin" : "organiser"} ${email}.`);
    console.log(`One-time password: ${password}`);
    console.log("Shown once. Sign in at /login; you will be asked to choose your own password.");
  }
} finally {
  await db.$disconnect();
}

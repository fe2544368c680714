import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ADMIN_DATABASE_URL = inject("adminDatabaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
process.env.EMAIL_WORKER = "off";

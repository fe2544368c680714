import { describe, expect, it } from "vitest";
import { EnvError, heapFlags, parseEnv, parseStartEnv } from "./env-schema";

const valid = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/funwalk" };

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.EMAIL_WORKER).toBe("process");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.RATE_LIMIT_SIGNUPS).toBe(30);
  });

  it("reads a raised sign-up limit for load tests and refuses a nonsense one", () => {
    expect(parseEnv({ ...valid, RATE_LIMIT_SIGNUPS: "1000000" }).RATE_LIMIT_SIGNUPS).toBe(1_000_000);
    expect(() => parseEnv({ ...valid, RATE_LIMIT_SIGNUPS: "0" })).toThrow(/RATE_LIMIT_SIGNUPS must be at least 1/);
  });

  it("gives the registrations one connection of their own unless told otherwise, and refuses a nonsense count", () => {
    expect(parseEnv(valid).DATABASE_SIGN_UP_POOL_SIZE).toBe(1);
    expect(parseEnv({ ...valid, DATABASE_SIGN_UP_POOL_SIZE: "3" }).DATABASE_SIGN_UP_POOL_SIZE).toBe(3);
    expect(() => parseEnv({ ...valid, DATABASE_SIGN_UP_POOL_SIZE: "0" })).toThrow(/DATABASE_SIGN_UP_POOL_SIZE must be at least 1/);
    expect(() => parseEnv({ ...valid, DATABASE_SIGN_UP_POOL_SIZE: "many" })).toThrow(/DATABASE_SIGN_UP_POOL_SIZE/);
    expect(parseEnv(valid).DATABASE_SIGN_UP_BATCH_SIZE).toBe(8);
    expect(parseEnv({ ...valid, DATABASE_SIGN_UP_BATCH_SIZE: "1" }).DATABASE_SIGN_UP_BATCH_SIZE).toBe(1);
    expect(() => parseEnv({ ...valid, DATABASE_SIGN_UP_BATCH_SIZE: "0" })).toThrow(/DATABASE_SIGN_UP_BATCH_SIZE must be at least 1/);
  });

  it("gives the web server a heap budget of 256 MB unless told otherwise, and refuses a nonsense one", () => {
    expect(parseEnv(valid).FUNWALK_HEAP_MB).toBe(256);
    expect(heapFlags({})).toEqual(["--max-old-space-size=256", "--min-semi-space-size=16", "--max-semi-space-size=32"]);
    expect(heapFlags({ FUNWALK_HEAP_MB: "1024" })).toEqual(["--max-old-space-size=1024", "--min-semi-space-size=16", "--max-semi-space-size=32"]);
    expect(() => heapFlags({ FUNWALK_HEAP_MB: "64" })).toThrow(/FUNWALK_HEAP_MB must be at least 128/);
    expect(() => heapFlags({ FUNWALK_HEAP_MB: "lots" })).toThrow(/FUNWALK_HEAP_MB/);
  });

  it("names a missing DATABASE_URL in a sentence", () => {
    expect(() => parseEnv({})).toThrow(EnvError);
    expect(() => parseEnv({})).toThrow("DATABASE_URL is missing.");
  });

  it("names each bad value and says what is expected", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", SMTP_URL: "mail.example.org", DATABASE_POOL_SIZE: "0" });
      expect.unreachable();
    } catch (error) {
      const message = (error as EnvError).message;
      expect(message).toContain("DATABASE_URL must be a PostgreSQL URL");
      expect(message).toContain("SMTP_URL must be an SMTP URL");
      expect(message).toContain("DATABASE_POOL_SIZE must be at least 1");
    }
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production" })).toThrow(/AUTH_SECRET is missing/);
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it("treats empty values as unset and trims a trailing slash from APP_URL", () => {
    const env = parseEnv({ ...valid, SMTP_URL: "", APP_URL: "https://walk.example.org/" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.APP_URL).toBe("https://walk.example.org");
  });

  it("says one sentence per bad variable, with the value it was given, and never repeats a secret", () => {
    try {
      parseEnv({
        DATABASE_URL: "mysql://admin:hunter2@db",
        AUTH_SECRET: "short-secret",
        RATE_LIMIT_SIGNUPS: "100000000",
        EMAIL_WORKER: "sometimes",
        DATABASE_POOL_SIZE: "ten",
        PORT: "eighty",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toEqual([
        "DATABASE_URL must be a PostgreSQL URL such as postgresql://user@host:5432/funwalk.",
        "DATABASE_POOL_SIZE must be a whole number, not \"ten\".",
        "PORT must be a port number between 1 and 65535, not \"eighty\".",
        "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32).",
        "EMAIL_WORKER must be \"process\", \"inline\" or \"off\", not \"sometimes\".",
        "RATE_LIMIT_SIGNUPS must be at most 1000000, not \"100000000\".",
      ]);
      expect((error as EnvError).message.split("\n")).toHaveLength(6);
      expect((error as EnvError).message).not.toContain("hunter2");
      expect((error as EnvError).message).not.toContain("short-secret");
    }
  });
});

describe("parseStartEnv", () => {
  it("needs no DATABASE_URL or AUTH_SECRET (npm start makes them) and reads npm start's own settings", () => {
    const env = parseStartEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.DEV_SMTP_PORT).toBe(2525);
    expect(parseStartEnv({ FORCE_BUILD: "1", SEED_ORGANISER_EMAIL: "lead@example.org" })).toMatchObject({ FORCE_BUILD: "1", SEED_ORGANISER_EMAIL: "lead@example.org" });
  });

  it("checks the server's settings as well as its own", () => {
    expect(() => parseStartEnv({ RATE_LIMIT_SIGNUPS: "100000000" })).toThrow('RATE_LIMIT_SIGNUPS must be at most 1000000, not "100000000".');
    expect(() => parseStartEnv({ EMBEDDED_PG_PORT: "70000", SEED_ORGANISER_EMAIL: "nobody" })).toThrow(
      'EMBEDDED_PG_PORT must be a port number between 1 and 65535, not "70000".\nSEED_ORGANISER_EMAIL must be an email address, not "nobody".',
    );
  });
});

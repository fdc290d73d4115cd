// Threat: crafted input (wrong types, huge strings, control and invisible characters) crashes a
// flow into a 500, burns CPU, or reaches the database. Guarantee: a failure value, never a throw.
import { describe, expect, it } from "vitest";
import type { ZodMiniType as ZodType } from "zod/mini";
import { resendConfirmation } from "@/lib/security/accounts/confirmation";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { requestPasswordReset } from "@/lib/security/passwords/reset";
import { registerUser } from "@/lib/security/registration/register";
import { changePasswordSchema, emailOnlySchema, loginSchema, registerSchema, resetPasswordSchema, verifySchema } from "@/lib/security/core/schemas";
import { countUsersWithEmail, mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail } from "../support/flows";

const MB = 1024 * 1024;
const HUGE = "a".repeat(MB);
// Shaped to make a backtracking email pattern go quadratic: many "x." after the "@", then a "@".
const HUGE_EMAIL_SHAPED = `a@${"a.".repeat(MB / 2)}@`;

interface SchemaCase {
  name: string;
  schema: ZodType;
  valid: Record<string, unknown>;
  required: string[];
  /** Fields that legitimately accept a boolean. */
  booleans?: string[];
}

const SCHEMAS: SchemaCase[] = [
  {
    name: "loginSchema",
    schema: loginSchema,
    valid: { identity: "someone@example.com", password: "anything", remember: "on", next: "/account" },
    required: ["identity", "password"],
    booleans: ["remember"],
  },
  {
    name: "registerSchema",
    schema: registerSchema,
    valid: { email: "someone@example.com", username: "someone", password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD, next: "/" },
    required: ["email", "password", "passwordConfirm"],
  },
  { name: "emailOnlySchema", schema: emailOnlySchema, valid: { email: "someone@example.com" }, required: ["email"] },
  {
    name: "resetPasswordSchema",
    schema: resetPasswordSchema,
    valid: { token: "A".repeat(43), password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD },
    required: ["token", "password", "passwordConfirm"],
  },
  {
    name: "changePasswordSchema",
    schema: changePasswordSchema,
    valid: { password: "old-password-1", newPassword: STRONG_PASSWORD, newPasswordConfirm: STRONG_PASSWORD },
    required: ["password", "newPassword", "newPasswordConfirm"],
  },
  { name: "verifySchema", schema: verifySchema, valid: { password: "anything", next: "/account" }, required: ["password"] },
];

function refusedOn(schema: ZodType, input: unknown, field?: string): void {
  let result: ReturnType<ZodType["safeParse"]> | undefined;
  expect(() => {
    result = schema.safeParse(input);
  }).not.toThrow();
  expect(result?.success).toBe(false);
  if (field && result && !result.success) {
    expect(result.error.issues.some((issue) => issue.path[0] === field)).toBe(true);
  }
}

describe.each(SCHEMAS)("$name", ({ schema, valid, required, booleans = [] }) => {
  it("accepts its valid sample (so the refusals below are about the bad field)", () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each([null, undefined, 42, "string", [], [valid], true])("refuses a non-object body: %j", (body) => {
    refusedOn(schema, body);
  });

  it.each(required)("refuses a body missing %s", (field) => {
    const { [field]: _dropped, ...rest } = valid;
    refusedOn(schema, rest, field);
  });

  const fields = Object.keys(valid);
  it.each(fields)("refuses wrong types in %s", (field) => {
    const wrong: unknown[] = [42, 0, NaN, [], ["x"], {}, { toString: "x" }, null];
    if (!booleans.includes(field)) wrong.push(true, false);
    for (const value of wrong) refusedOn(schema, { ...valid, [field]: value }, field);
  });

  it.each(fields)("refuses a 1 MB string in %s quickly", (field) => {
    const started = performance.now();
    refusedOn(schema, { ...valid, [field]: HUGE }, field);
    refusedOn(schema, { ...valid, [field]: HUGE_EMAIL_SHAPED }, field);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

const ODD_IDENTITIES: [string, string][] = [
  ["RTL override", "\u202Eadmin@example.com"],
  ["zero-width joiner", "ad\u200Dmin@example.com"],
  ["NUL byte", "admin\u0000@example.com"],
  ["only NUL", "\u0000"],
  ["lone high surrogate", "\uD800@example.com"],
  ["lone low surrogate", "admin@example.com\uDFFF"],
  ["1 MB", `${HUGE}@example.com`],
  ["empty", ""],
  ["whitespace", " \t\n "],
  ["just @", "@"],
  ["SQL", "' OR '1'='1@example.com"],
  ["header injection", "admin@example.com\r\nBcc: victim@example.com"],
];

describe("loginWithPassword with odd identities", () => {
  it.each(ODD_IDENTITIES)("returns a failure for %s, never throws", async (_label, identity) => {
    const result = await loginWithPassword({ identity, password: "whatever-1", remember: false }, newCtx());
    expect(result).toMatchObject({ ok: false, code: "GENERIC_AUTHN_FAILED" });
  });

  it.each([
    ["a NUL byte", "\u0000"],
    ["a lone surrogate", "\uD800"],
    ["an RTL override", "\u202E"],
    ["a 1 MB run", "a".repeat(MB)],
  ])("returns a failure for a password with %s", async (_label, password) => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const result = await loginWithPassword({ identity: email, password: `${STRONG_PASSWORD}${password}`, remember: false }, newCtx());
    expect(result).toMatchObject({ ok: false, code: "GENERIC_AUTHN_FAILED" });
  });

  it.each([
    ["RTL override", (e: string) => `\u202E${e}`],
    ["zero-width joiner", (e: string) => e.replace("@", "\u200D@")],
    ["zero-width space", (e: string) => e.replace("@", "\u200B@")],
    ["NUL byte", (e: string) => e.replace("@", "\u0000@")],
  ])("does not let an invisible %s reach a real account", async (_label, disguise) => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const result = await loginWithPassword({ identity: disguise(email), password: STRONG_PASSWORD, remember: false }, newCtx());
    expect(result).toMatchObject({ ok: false, code: "GENERIC_AUTHN_FAILED" });
  });
});

describe("registerUser with hostile emails", () => {
  it.each([
    ["1 MB", `${HUGE}@example.com`],
    ["1 MB, pattern-shaped", HUGE_EMAIL_SHAPED],
    ["NUL", `nul\u0000${crypto.randomUUID()}@example.com`],
    ["header injection", `a${crypto.randomUUID()}@example.com\r\nBcc: victim@example.com`],
    ["RTL override inside", `a\u202E${crypto.randomUUID()}@example.com`],
    ["lone surrogate", `\uD800${crypto.randomUUID()}@example.com`],
  ])("refuses a %s address on the email field", async (_label, email) => {
    const started = performance.now();
    const result = await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.email?.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a 1 MB password on the password field", async () => {
    const email = uniqueEmail();
    const result = await registerUser({ email, password: "Zq7#".repeat(MB / 4) }, newCtx());
    expect(result.ok === false && result.fieldErrors?.password?.length).toBeGreaterThan(0);
    expect(await countUsersWithEmail(email)).toBe(0);
  });
});

describe("email-only flows with hostile emails", () => {
  it.each([
    ["NUL", "victim\u0000@example.com"],
    ["1 MB", `${HUGE}@example.com`],
    ["header injection", "victim@example.com\r\nBcc: attacker@example.com"],
  ])("reset and resend refuse a %s address with a field error and send nothing", async (_label, email) => {
    for (const flow of [requestPasswordReset, resendConfirmation]) {
      const result = await flow(email, newCtx());
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.fieldErrors?.email?.length).toBeGreaterThan(0);
    }
    expect(await mailsTo("attacker@example.com")).toHaveLength(0);
  });
});

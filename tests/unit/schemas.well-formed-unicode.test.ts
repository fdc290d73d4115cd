// Threat: a string with a lone surrogate reaches the core, which stores or logs it (jsonb refuses
// it: a 500 after the write). Guarantee: every schema's every text field refuses it with a field error.
import { describe, expect, it } from "vitest";
import { invalidInput } from "@/lib/view/form-state";
import * as schemas from "@/lib/security/core/schemas";
import { INVALID_TEXT_MESSAGE } from "@/lib/security/core/schemas";

interface Parser {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: { path: readonly PropertyKey[]; message: string }[] } };
}

const STRONG = "Correct horse battery 42";
const CODE = "123456";
const ID = "00000000-0000-0000-0000-000000000000";

/** A valid sample for every schema the module exports (a new schema without one fails the completeness test). */
const SAMPLES: Record<string, Record<string, unknown> | string> = {
  emailField: "someone@example.com",
  loginSchema: { identity: "someone@example.com", password: "anything", remember: "on", next: "/account" },
  registerSchema: { email: "someone@example.com", username: "someone", password: STRONG, passwordConfirm: STRONG, next: "/" },
  registerPasswordlessSchema: { email: "someone@example.com", username: "someone", password: STRONG, passwordConfirm: STRONG, next: "/" },
  passcodeLoginSchema: { identity: "someone@example.com", passcode: "anything", remember: "on", next: "/account" },
  changeUsernameSchema: { username: "someone" },
  deleteAccountSchema: { confirmation: "someone@example.com" },
  sendCodeSchema: { identity: "someone@example.com", method: "email" },
  emailOnlySchema: { email: "someone@example.com" },
  resetPasswordSchema: { token: "A".repeat(43), password: STRONG, passwordConfirm: STRONG },
  changePasswordSchema: { password: "old password 1", newPassword: STRONG, newPasswordConfirm: STRONG },
  verifySchema: { password: "anything", next: "/account" },
  twoFactorSetupSchema: { method: "sms", phone: "+44 7700 900123" },
  codeSetupConfirmSchema: { setupToken: "setup-token", code: CODE },
  twoFactorCodeSchema: { code: CODE },
  verifyCodeSchema: { code: CODE, next: "/account" },
  recoveryCodeSchema: { code: "1a2b-3c4d-5e6f" },
  passkeyNameSchema: { name: "Phone" },
  addPasskeySchema: { name: "Phone", usage: "first" },
  renamePasskeySchema: { id: ID, name: "Phone" },
  ceremonyAnswerSchema: { state: "ceremony-state", credential: {} },
  passkeySignInSchema: { state: "ceremony-state", credential: {}, remember: "on", next: "/account" },
  signInMethodSetupSchema: { method: "sms", phone: "+44 7700 900123" },
  signInMethodRemoveSchema: { method: "email" },
  setPasswordSchema: { newPassword: STRONG, newPasswordConfirm: STRONG },
};
// Fields whose values are a fixed list (an enum or a checkbox): refused as "not one of them" instead.
const CHOICES = new Set(["method", "usage", "remember"]);
// Fields with a format of their own (digits, an address, a path, an id): free text would fail anyway.
const FORMATTED = new Set([...CHOICES, "email", "phone", "next", "id", "code"]);
const MALFORMED = ["x\ud800y", "\udfff", "trailing high \ud83d", "\udc00\ud800"];

const exported = Object.entries(schemas as Record<string, unknown>).filter(
  (entry): entry is [string, Parser] => typeof (entry[1] as Partial<Parser>)?.safeParse === "function",
);

it("every exported schema has a sample here", () => {
  expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(SAMPLES).sort());
});

describe.each(exported)("%s", (name, schema) => {
  const sample = SAMPLES[name]!;

  it("accepts its sample, and well-formed emoji and other scripts in its text fields", () => {
    expect(schema.safeParse(sample).success).toBe(true);
    if (typeof sample === "string") return;
    for (const [field, value] of Object.entries(sample)) {
      // A confirmation field changes with its password (below).
      if (typeof value !== "string" || FORMATTED.has(field) || field.endsWith("Confirm")) continue;
      const friendly = `${value} 🔑 ключ 鍵`;
      const withFriendly = { ...sample, [field]: friendly, ...(field === "password" || field === "newPassword" ? { [`${field}Confirm`]: friendly } : {}) };
      expect(schema.safeParse(withFriendly).success, `${name}.${field}`).toBe(true);
    }
  });

  const fields = typeof sample === "string" ? [""] : Object.keys(sample).filter((field) => typeof sample[field] === "string");
  it.each(fields)("refuses a lone surrogate in %s with INVALID_INPUT", (field) => {
    for (const bad of MALFORMED) {
      const input = typeof sample === "string" ? bad : { ...sample, [field]: bad };
      const result = schema.safeParse(input);
      expect(result.success, `${name}.${field} = ${JSON.stringify(bad)}`).toBe(false);
      if (result.success || CHOICES.has(field)) continue;
      const issues = result.error.issues.filter((issue) => (typeof sample === "string" ? true : issue.path[0] === field));
      expect(issues.map((issue) => issue.message)).toEqual([INVALID_TEXT_MESSAGE]);
      expect(invalidInput(result.error)).toMatchObject({ code: "INVALID_INPUT" });
    }
  });
});

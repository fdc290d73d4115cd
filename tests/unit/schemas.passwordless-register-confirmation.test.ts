// Threat: with passwords optional (SECURITY_PASSWORD_REQUIRED=false) the register form sends an empty
// password and an empty confirmation; refusing that pair locks out every password-less sign-up.
import { describe, expect, it } from "vitest";
import { registerPasswordlessSchema } from "@/lib/security/core/schemas";

const email = "someone@example.com";
const STRONG = "correct horse battery staple";

function messages(input: object): Record<string, string[]> {
  const result = registerPasswordlessSchema.safeParse({ email, ...input });
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe("a password-less registration's confirmation", () => {
  it("accepts no password with an empty or missing confirmation (what the form and the JSON API send)", () => {
    expect(messages({ password: "", passwordConfirm: "" })).toEqual({});
    expect(messages({})).toEqual({});
  });

  it("asks for the confirmation of a chosen password once, as the reference's PASSWORD_NOT_PROVIDED", () => {
    expect(messages({ password: STRONG, passwordConfirm: "" })).toEqual({ passwordConfirm: ["Password not provided"] });
    expect(messages({ password: STRONG })).toEqual({ passwordConfirm: ["Password not provided"] });
  });

  it("refuses a confirmation that differs, also one given without a password", () => {
    expect(messages({ password: STRONG, passwordConfirm: `${STRONG}!` })).toEqual({ passwordConfirm: ["Passwords do not match"] });
    expect(messages({ password: "", passwordConfirm: STRONG })).toEqual({ passwordConfirm: ["Passwords do not match"] });
    expect(messages({ password: STRONG, passwordConfirm: STRONG })).toEqual({});
  });
});

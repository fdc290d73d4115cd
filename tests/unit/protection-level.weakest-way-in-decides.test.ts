// Threat: the security page tells a person they are well protected while a password alone (or an
// emailed code alone) still opens the account, so they stop short of turning on a second step.
// The level is decided by the weakest way in: a passkey counts only when nothing weaker remains.
import { describe, expect, it } from "vitest";
import { protectionLevel, type ProtectionFacts } from "@/lib/view/protection-level";

const none: ProtectionFacts = { hasPassword: true, signInPasskeys: 0, secondStepPasskeys: 0, twoStepMethod: null, signInCodeMethods: 0 };

describe("the protection level", () => {
  it("is one step for a password alone, or sign-in codes alone", () => {
    expect(protectionLevel(none)).toBe("one-step");
    expect(protectionLevel({ ...none, hasPassword: false, signInCodeMethods: 1 })).toBe("one-step");
  });

  it("stays one step with a passkey while the password still works alone", () => {
    expect(protectionLevel({ ...none, signInPasskeys: 2 })).toBe("one-step");
    expect(protectionLevel({ ...none, hasPassword: false, signInCodeMethods: 1, signInPasskeys: 1 })).toBe("one-step");
  });

  it("is two-step with a two-step method or a second-factor passkey", () => {
    expect(protectionLevel({ ...none, twoStepMethod: "authenticator" })).toBe("two-step");
    expect(protectionLevel({ ...none, twoStepMethod: "sms" })).toBe("two-step");
    expect(protectionLevel({ ...none, secondStepPasskeys: 1 })).toBe("two-step");
  });

  it("is passkey when a sign-in passkey exists and every other way in needs a second step", () => {
    expect(protectionLevel({ ...none, signInPasskeys: 1, twoStepMethod: "authenticator" })).toBe("passkey");
    expect(protectionLevel({ ...none, signInPasskeys: 1, secondStepPasskeys: 1, signInCodeMethods: 2 })).toBe("passkey");
  });

  it("is passkey for an account whose only ways in are passkeys", () => {
    expect(protectionLevel({ ...none, hasPassword: false, signInPasskeys: 1 })).toBe("passkey");
    expect(protectionLevel({ ...none, hasPassword: false, signInPasskeys: 0 })).toBe("one-step");
  });
});

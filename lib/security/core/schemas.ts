import * as z from "zod/mini";

/**
 * Input shapes shared by the client forms (react-hook-form resolver) and the server actions.
 * They check shape and size only; the server-side policy (common passwords, breaches, existing
 * accounts) lives in the core. Generous upper bounds stop huge inputs before any hashing.
 * Written with zod/mini: the same checks as full zod at a fraction of the browser bundle.
 */
const INPUT_MAX = 1024;

// A lone surrogate ("x\ud800y") is not text: no UTF-8 form, so PostgreSQL refuses it in JSON (the activity log's data) and
// drivers quietly turn it into U+FFFD in text columns. isWellFormed where the engine has it (Node 20), else the same by pattern.
const LONE_SURROGATE = /\p{Cs}/u;
export const INVALID_TEXT_MESSAGE = "Contains characters that are not valid text";

function isWellFormed(value: string): boolean {
  return typeof value.isWellFormed === "function" ? value.isWellFormed() : !LONE_SURROGATE.test(value);
}

/**
 * The building block of every string field below: well-formed Unicode first (abort: the field's
 * own checks never see a malformed string), then whatever the field adds with `.check()`.
 */
export function wellFormedString(error?: string): z.ZodMiniString<string> {
  return z.string(error === undefined ? undefined : { error }).check(z.refine(isWellFormed, { message: INVALID_TEXT_MESSAGE, abort: true }));
}

const text = (required: string) =>
  wellFormedString(required).check(
    z.maxLength(INPUT_MAX, "Value entered is too long"),
    z.refine((v) => v.trim().length > 0, required),
  );

export const emailField = wellFormedString("Email not provided").check(
  z.trim(),
  z.minLength(1, "Email not provided"),
  // abort: the pattern below must never run on a huge string (it is quadratic on crafted input).
  z.maxLength(254, { message: "Invalid email address", abort: true }),
  z.refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Invalid email address"),
);

/** Passwords are never trimmed (whitespace is significant) and capped at 128 code points by policy. */
const password = (required: string) =>
  wellFormedString(required).check(z.minLength(1, required), z.maxLength(INPUT_MAX, "Password must be at most 128 characters"));

const newPassword = wellFormedString("Password not provided").check(
  z.minLength(1, "Password not provided"),
  z.maxLength(INPUT_MAX, { message: "Password must be at most 128 characters", abort: true }),
  z.refine((v) => [...v.normalize("NFKD")].length >= 8, "Password must be at least 8 characters"),
  z.refine((v) => [...v.normalize("NFKD")].length <= 128, "Password must be at most 128 characters"),
);

// Flask-Security: missing or empty is PASSWORD_NOT_PROVIDED's words (and not also a mismatch, see `matches`).
const confirmation = wellFormedString("Password not provided").check(z.minLength(1, "Password not provided"), z.maxLength(INPUT_MAX));

const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])),
  z.transform((v) => v === true || v === "on" || v === "true"),
);

const optionalNext = z.optional(wellFormedString().check(z.maxLength(2048)));

const matches = <T extends object>(a: keyof T & string, b: keyof T & string) =>
  z.refine<T>((v) => v[b] === "" || v[a] === v[b], { path: [b], message: "Passwords do not match" });

export const loginSchema = z.object({
  identity: text("Email not provided"),
  password: password("Password not provided"),
  remember: checkbox,
  next: optionalNext,
});

export const registerSchema = z
  .object({
    email: emailField,
    username: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX))),
    password: newPassword,
    passwordConfirm: confirmation,
    next: optionalNext,
  })
  .check(matches("password", "passwordConfirm"));

/** SECURITY_PASSWORD_REQUIRED=false: the password may be left empty (the account signs in by code or link), and its confirmation with it. */
export const registerPasswordlessSchema = z
  .object({
    email: emailField,
    username: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX))),
    password: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX, "Password must be at most 128 characters"))),
    passwordConfirm: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX))),
    next: optionalNext,
  })
  .check(
    z.refine((v) => !v.password || [...v.password.normalize("NFKD")].length >= 8, { path: ["password"], message: "Password must be at least 8 characters" }),
    z.refine((v) => !v.password || Boolean(v.passwordConfirm), { path: ["passwordConfirm"], message: "Password not provided" }),
    z.refine((v) => !v.passwordConfirm || (v.password ?? "") === v.passwordConfirm, { path: ["passwordConfirm"], message: "Passwords do not match" }),
  );

export const sendCodeSchema = z.object({
  identity: text("You must specify a valid identity to sign in"),
  method: z.enum(["email", "sms"], { error: "Requested method is not valid" }),
});

/**
 * The unified sign-in box as the JSON API sends it (Flask-Security's us-signin: identity, passcode).
 * Empty fields are left to the flow, which words them as Flask-Security does (US_SPECIFY_IDENTITY,
 * INVALID_PASSWORD_CODE).
 */
export const passcodeLoginSchema = z.object({
  identity: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX, "Value entered is too long"))),
  passcode: z.optional(wellFormedString().check(z.maxLength(INPUT_MAX, "Value entered is too long"))),
  remember: checkbox,
  next: optionalNext,
});

export const emailOnlySchema = z.object({ email: emailField });
/** A username (empty removes it; the rules are validateUsername's), and /account/delete's typed address. */
export const changeUsernameSchema = z.object({ username: wellFormedString().check(z.maxLength(INPUT_MAX, "Value entered is too long")) });
export const deleteAccountSchema = z.object({ confirmation: text("Type your email address to confirm") });

export const resetPasswordSchema = z
  .object({ token: wellFormedString().check(z.maxLength(256)), password: newPassword, passwordConfirm: confirmation })
  .check(matches("password", "passwordConfirm"));

export const changePasswordSchema = z.object({ password: password("Current password not provided"), newPassword, newPasswordConfirm: confirmation }).check(
  matches("newPassword", "newPasswordConfirm"),
  z.refine((v) => v.newPassword !== v.password, {
    path: ["newPassword"],
    message: "Your new password must be different than your previous password.",
  }),
);

export const verifySchema = z.object({ password: password("Password not provided"), next: optionalNext });

/** Mirrors config's TWO_FACTOR_METHODS (config is server-only; this file is shared with forms). */
const twoFactorMethod = z.enum(["authenticator", "email", "sms"], { error: "Choose a two-factor method" });

export const twoFactorSetupSchema = z
  .object({
    method: twoFactorMethod,
    phone: z.optional(wellFormedString().check(z.maxLength(64, "Phone number not valid e.g. missing country code"))),
  })
  .check(z.refine((v) => v.method !== "sms" || (v.phone ?? "").trim().length > 0, { path: ["phone"], message: "Phone number not provided" }));

/** Six digits; people may type spaces or a dash between the groups. */
const oneTimeCode = wellFormedString("Code not provided").check(
  z.maxLength(32, { message: "Invalid code", abort: true }),
  z.refine((v) => v.trim().length > 0, { message: "Code not provided", abort: true }),
  z.refine((v) => /^\d{6}$/.test(v.replace(/[\s-]/g, "")), "Invalid code"),
);

/** Step 2 of setting up a code method, either purpose: the set-up token and a code from the new method. */
export const codeSetupConfirmSchema = z.object({
  setupToken: wellFormedString().check(z.minLength(1), z.maxLength(256)),
  code: oneTimeCode,
});

/** Recovery codes as people type or paste them ("1a2b-3c4d-5e6f"); the core normalises and checks them. */
const recoveryCode = wellFormedString("Recovery code not provided").check(
  z.trim(),
  z.minLength(1, "Recovery code not provided"),
  z.maxLength(64, "Recovery code invalid"),
);

export const twoFactorCodeSchema = z.object({ code: oneTimeCode });

/** Re-verification by a one-time code of an active sign-in method. */
export const verifyCodeSchema = z.object({ code: oneTimeCode, next: optionalNext });

export const recoveryCodeSchema = z.object({ code: recoveryCode });

/** Passkey names: the core sanitizes (NFKC, markup, invisible characters) and enforces 64. */
export const passkeyNameSchema = z.object({
  name: text("Give your passkey a name"), // the 64-character limit is the core's (INVALID_INPUT_LENGTH)
});

export const addPasskeySchema = z.object({
  name: passkeyNameSchema.shape.name,
  usage: z.enum(["first", "secondary"], { error: "Choose how you will use this passkey" }),
});

export const renamePasskeySchema = z.object({ id: wellFormedString().check(z.maxLength(64)), name: passkeyNameSchema.shape.name });

/** The browser's answer to a ceremony: the opaque state from step 1 and the credential (checked in the core). */
export const ceremonyAnswerSchema = z.object({
  state: wellFormedString().check(z.minLength(1), z.maxLength(128)),
  credential: z.unknown(),
});

export const passkeySignInSchema = z.object({
  state: ceremonyAnswerSchema.shape.state,
  credential: z.unknown(),
  remember: checkbox,
  next: optionalNext,
});

export type LoginInput = z.input<typeof loginSchema>;
export type SendCodeInput = z.input<typeof sendCodeSchema>;
export type AddPasskeyInput = z.input<typeof addPasskeySchema>;
export type RenamePasskeyInput = z.input<typeof renamePasskeySchema>;
export type CeremonyAnswer = z.input<typeof ceremonyAnswerSchema>;
export type PasskeySignInInput = z.input<typeof passkeySignInSchema>;
export type RegisterPasswordlessInput = z.input<typeof registerPasswordlessSchema>;
export type EmailOnlyInput = z.input<typeof emailOnlySchema>;
export type ChangeUsernameInput = z.input<typeof changeUsernameSchema>;
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export type VerifyInput = z.input<typeof verifySchema>;
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeSchema>;
export type VerifyCodeInput = z.input<typeof verifyCodeSchema>;
export type RecoveryCodeInput = z.input<typeof recoveryCodeSchema>;
export type TwoFactorSetupInput = z.input<typeof twoFactorSetupSchema>;
export type CodeSetupConfirmInput = z.input<typeof codeSetupConfirmSchema>;

/** A validation error's issues, from zod or zod/mini. */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** zod issues → `{ field: [messages] }`, the shape forms and the JSON API both use. */
export function fieldErrorsFrom(error: IssueList): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Mirrors config's unified code methods (config is server-only; this file is shared with forms). */
const signInCodeMethod = z.enum(["email", "authenticator", "sms"], { error: "Requested method is not valid" });

/** Step 1 of adding a sign-in method: which one, and the phone for text messages. */
export const signInMethodSetupSchema = z
  .object({
    method: signInCodeMethod,
    phone: z.optional(wellFormedString().check(z.maxLength(64, "Phone number not valid e.g. missing country code"))),
  })
  .check(z.refine((v) => v.method !== "sms" || (v.phone ?? "").trim().length > 0, { path: ["phone"], message: "Phone number not provided" }));

/** Step 2: the code that proves the new method works, against the server-issued setup token (as for two-factor). */

export const signInMethodRemoveSchema = z.object({ method: signInCodeMethod });

/** A first password for a password-less account: no current password to ask for (the session is fresh instead). */
export const setPasswordSchema = z.object({ newPassword, newPasswordConfirm: confirmation }).check(matches("newPassword", "newPasswordConfirm"));

export type SignInMethodSetupInput = z.input<typeof signInMethodSetupSchema>;
export type SignInMethodRemoveInput = z.input<typeof signInMethodRemoveSchema>;
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

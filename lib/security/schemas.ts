import { z } from "zod";

/**
 * Input shapes shared by the client forms (react-hook-form resolver) and the server actions.
 * They check shape and size only; the server-side policy (common passwords, breaches, existing
 * accounts) lives in the core. Generous upper bounds stop huge inputs before any hashing.
 */
const INPUT_MAX = 1024;

const text = (required: string) =>
  z.string({ error: required }).max(INPUT_MAX, "Value entered is too long").refine((v) => v.trim().length > 0, required);

export const emailField = z
  .string({ error: "Email not provided" })
  .trim()
  .min(1, "Email not provided")
  // abort: the pattern below backtracks quadratically on long input, so it must never see any.
  .max(254, { message: "Invalid email address", abort: true })
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Invalid email address");

/** Passwords are never trimmed (whitespace is significant) and capped at 128 code points by policy. */
const password = (required: string) =>
  z.string({ error: required }).min(1, required).max(INPUT_MAX, "Password must be between 8 and 128 characters");

const newPassword = z
  .string({ error: "Password not provided" })
  .min(1, "Password not provided")
  .max(INPUT_MAX, "Password must be between 8 and 128 characters")
  .refine((v) => [...v.normalize("NFKD")].length >= 8, "Password must be at least 8 characters")
  .refine((v) => [...v.normalize("NFKD")].length <= 128, "Password must be at most 128 characters");

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const optionalNext = z.string().max(2048).optional();

export const loginSchema = z.object({
  identity: text("Email not provided"),
  password: password("Password not provided"),
  remember: checkbox,
  next: optionalNext,
});

export const registerSchema = z
  .object({
    email: emailField,
    username: z.string().max(INPUT_MAX).optional(),
    password: newPassword,
    passwordConfirm: z.string({ error: "Passwords do not match" }).max(INPUT_MAX),
    next: optionalNext,
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "Passwords do not match" });

export const emailOnlySchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string().max(256),
    password: newPassword,
    passwordConfirm: z.string({ error: "Passwords do not match" }).max(INPUT_MAX),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "Passwords do not match" });

export const changePasswordSchema = z
  .object({
    password: password("Current password not provided"),
    newPassword,
    newPasswordConfirm: z.string({ error: "Passwords do not match" }).max(INPUT_MAX),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "Passwords do not match" })
  .refine((v) => v.newPassword !== v.password, {
    path: ["newPassword"],
    message: "Your new password must be different than your previous password.",
  });

export const verifySchema = z.object({ password: password("Password not provided"), next: optionalNext });

/** Mirrors config's TWO_FACTOR_METHODS (config is server-only; this file is shared with forms). */
const twoFactorMethod = z.enum(["authenticator", "email", "sms"], { error: "Choose a two-factor method" });

export const twoFactorSetupSchema = z
  .object({ method: twoFactorMethod, phone: z.string().max(64, "Phone number not valid e.g. missing country code").optional() })
  .refine((v) => v.method !== "sms" || (v.phone ?? "").trim().length > 0, { path: ["phone"], message: "Phone number not provided" });

/** Six digits; people may type spaces or a dash between the groups. */
const oneTimeCode = z
  .string({ error: "Code not provided" })
  .max(32, "Invalid code")
  .refine((v) => v.trim().length > 0, { message: "Code not provided", abort: true })
  .refine((v) => /^\d{6}$/.test(v.replace(/[\s-]/g, "")), "Invalid code");

export const twoFactorConfirmSetupSchema = z.object({ setupToken: z.string().min(1).max(256), code: oneTimeCode });

/** Recovery codes as people type or paste them ("1a2b-3c4d-5e6f"); the core normalises and checks them. */
const recoveryCode = z
  .string({ error: "Recovery code not provided" })
  .trim()
  .min(1, "Recovery code not provided")
  .max(64, "Recovery code invalid");

export const twoFactorCodeSchema = z.object({ code: oneTimeCode });

export const recoveryCodeSchema = z.object({ code: recoveryCode });

export type LoginInput = z.input<typeof loginSchema>;
export type RegisterInput = z.input<typeof registerSchema>;
export type EmailOnlyInput = z.input<typeof emailOnlySchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export type VerifyInput = z.input<typeof verifySchema>;
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeSchema>;
export type RecoveryCodeInput = z.input<typeof recoveryCodeSchema>;
export type TwoFactorSetupInput = z.input<typeof twoFactorSetupSchema>;
export type TwoFactorConfirmSetupInput = z.input<typeof twoFactorConfirmSetupSchema>;

/** zod issues → `{ field: [messages] }`, the shape forms and the JSON API both use. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

import { z } from "zod";
import { parseDuration } from "./duration";

/** Environment values as zod schemas: each gives the documented default when the variable is unset. */

export const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v)));

export const duration = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const seconds = parseDuration(v ?? fallback);
      if (seconds === null) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a duration (e.g. 90s, 30m, 12h, 2d)` });
        return z.NEVER;
      }
      return seconds;
    });

/** "10/1h": at most `limit` events per `windowSeconds` (budgets an operator tunes, e.g. SMS). */
export const rate = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const match = /^\s*(\d+)\s*\/\s*(\S+)\s*$/.exec(v ?? fallback);
      const windowSeconds = match?.[2] ? parseDuration(match[2]) : null;
      if (!match || windowSeconds === null || windowSeconds < 1) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a rate (e.g. 10/1h: ten per hour)` });
        return z.NEVER;
      }
      return { limit: Number(match[1]), windowSeconds };
    });

export const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(max)
    .optional()
    .transform((v) => v ?? fallback);

/** A comma-separated list of `allowed` values, de-duplicated; `explicit` says whether it was set. */
export const listOf = <T extends string>(allowed: readonly T[], fallback: T[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items =
        v === undefined
          ? fallback
          : v
              .split(",")
              .map((m) => m.trim())
              .filter(Boolean);
      const bad = items.filter((m) => !(allowed as readonly string[]).includes(m));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `unknown value(s) ${bad.join(", ")}; use a list of ${allowed.join(", ")}` });
        return z.NEVER;
      }
      return { items: [...new Set(items)] as T[], explicit: v !== undefined };
    });

/**
 * The admin console's permissions (issue #14), listed here so that SECURITY_ADMIN_ROLE_PERMISSIONS
 * can be checked against them; core/console-permissions.ts names each for the code that checks it.
 */
export const CONSOLE_PERMISSION_NAMES = ["users:read", "users:write", "roles:write", "users:impersonate"] as const;

export const TWO_FACTOR_METHODS = ["authenticator", "email", "sms"] as const;
export type TwoFactorMethod = (typeof TWO_FACTOR_METHODS)[number];

export const PASSKEY_USAGES = ["first", "secondary"] as const;
/** A passkey registered to sign in on its own ("first") or only as a second factor. */
export type PasskeyUsage = (typeof PASSKEY_USAGES)[number];

export const US_METHODS = ["password", "email", "authenticator", "sms"] as const;
/** What a unified sign-in passcode can be: the password, or a code of one of these methods. */
export type UnifiedMethod = (typeof US_METHODS)[number];
/** The code methods of unified sign-in (each with its own secret). */
export type CodeMethod = Exclude<UnifiedMethod, "password">;
export const CODE_METHODS = ["email", "authenticator", "sms"] as const satisfies readonly CodeMethod[];

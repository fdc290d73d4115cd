import { getConfig } from "../config";
import { messageFor, type ErrorCode } from "../core/errors";
import { utility } from "../core/plugins";

/** RFC 5321: a forward path holds at most 254 characters. */
export const EMAIL_MAX_LENGTH = 254;
// \p{C} (control, format such as bidi overrides, unpaired surrogates, private use) is refused
// as in Flask-Security's email_validator: such addresses render as, or get stored as, another.
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"\p{C}]+@[^\s@<>()[\]\\,;:"\p{C}_]+\.[^\s@<>()[\]\\,;:"\p{C}_]{2,}$/u;

/** Lower-cased NFKC form: the key for look-ups and uniqueness (emails are case-insensitive). */
const builtInNormalizeEmail = (email: string): string => email.trim().normalize("NFKC").toLowerCase();

/** The mail utility's normaliser (lib/security/plugins.ts), by default builtInNormalizeEmail. */
export function normalizeEmail(email: string): string {
  const custom = utility("mail").normalize;
  return custom ? custom(email, builtInNormalizeEmail) : builtInNormalizeEmail(email);
}

/** The mail utility's validator (lib/security/plugins.ts), by default builtInValidateEmail. */
export function validateEmail(email: string): ErrorCode | null {
  const custom = utility("mail").validate;
  return custom ? custom(email, builtInValidateEmail) : builtInValidateEmail(email);
}

function builtInValidateEmail(email: string): ErrorCode | null {
  const trimmed = email.trim().normalize("NFKC");
  if (!trimmed) return "EMAIL_NOT_PROVIDED";
  if (trimmed.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(trimmed)) return "INVALID_EMAIL_ADDRESS";
  const [local = "", domain = ""] = trimmed.split("@");
  if (local.length > 64 || domain.split(".").some((label) => !label || label.length > 63 || label.startsWith("-"))) {
    return "INVALID_EMAIL_ADDRESS";
  }
  return null;
}

const builtInNormalizeUsername = (username: string): string => username.trim().normalize("NFKD").toLowerCase();

/** The username utility's normaliser (lib/security/plugins.ts): the key for look-ups and uniqueness. */
export function normalizeUsername(username: string): string {
  const custom = utility("username").normalize;
  return custom ? custom(username, builtInNormalizeUsername) : builtInNormalizeUsername(username);
}

/** The username utility's validator (lib/security/plugins.ts), by default builtInValidateUsername. */
export function validateUsername(username: string): ErrorCode | null {
  const custom = utility("username").validate;
  return custom ? custom(username, builtInValidateUsername) : builtInValidateUsername(username);
}

// What an HTML sanitiser (Flask-Security runs nh3) would change: markup is refused, not stripped.
const MARKUP = /[<>&]/;

/**
 * Flask-Security's rules, in its order: markup → USERNAME_ILLEGAL_CHARACTERS; then letters and
 * digits only (combining marks belong to their letter after NFKD); then min–max length after NFKD.
 */
function builtInValidateUsername(username: string): ErrorCode | null {
  const { minLength, maxLength } = getConfig().username;
  const value = username.trim().normalize("NFKD");
  if (!value) return "USERNAME_NOT_PROVIDED";
  if (MARKUP.test(value)) return "USERNAME_ILLEGAL_CHARACTERS";
  if (!/^[\p{L}\p{N}\p{M}]+$/u.test(value)) return "USERNAME_DISALLOWED_CHARACTERS";
  const length = [...value].length;
  if (length < minLength || length > maxLength) return "USERNAME_INVALID_LENGTH";
  return null;
}

/** A username refusal in words, with the configured lengths filled in. */
export function usernameMessage(code: ErrorCode): string {
  const { minLength, maxLength } = getConfig().username;
  return messageFor(code, { min: minLength, max: maxLength });
}

/** Whether an identity typed into the login box looks like an email (else it is a username). */
export function looksLikeEmail(identity: string): boolean {
  return identity.includes("@");
}

/** A user id as PostgreSQL's uuid type reads it (anything else would be an error there, not "no such user"). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

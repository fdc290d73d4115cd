/**
 * The input checks' words (lib/security/core/schemas.ts, shared with the JSON API, which keeps
 * them as they are) in the product's words, keyed by the schema's text. Small on purpose: the
 * forms' client code reads it for the errors zod finds before anything is sent. A text that is
 * also a code's reference English says what that code says in WORDS (a unit test keeps them in step).
 */
export const SCHEMA_WORDS: Readonly<Record<string, string>> = {
  "Choose a two-factor method": "Choose a method.",
  "Choose how you will use this passkey": "Choose how you'll use this passkey.",
  "Code not provided": "Enter the code.",
  "Contains characters that are not valid text": "This contains characters we can't accept.",
  "Current password not provided": "Enter your current password.",
  "Email not provided": "Enter your email address.",
  "Give your passkey a name": "Give your passkey a name.",
  "Invalid code": "Enter the code as it's shown, like 123456.",
  "Invalid email address": "Enter a valid email address, like name@example.com.",
  "Password must be at least 8 characters": "Use at least 8 characters.",
  "Password must be at most 128 characters": "Use 128 characters or fewer.",
  "Password not provided": "Enter your password.",
  "Passwords do not match": "The passwords don't match.",
  "Phone number not provided": "Enter your phone number.",
  "Phone number not valid e.g. missing country code": "Enter a valid phone number, including the country code (for example +44).",
  "Recovery code invalid": "That recovery code isn't right, or it has been used already.",
  "Recovery code not provided": "Enter a recovery code.",
  "Requested method is not valid": "That sign-in method isn't available. Choose another one.",
  "Type your email address to confirm": "Type your email address to confirm.",
  "Value entered is too long": "This is too long.",
  "You must specify a valid identity to sign in": "Enter your email address or username.",
  "Your new password must be different than your previous password.": "Choose a password you haven't used here before.",
};

/** A check's message in the product's words; a text the table does not know stays as it is. */
export function plainSchemaText(text: string): string {
  return Object.hasOwn(SCHEMA_WORDS, text) ? SCHEMA_WORDS[text]! : text;
}

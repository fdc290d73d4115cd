/**
 * The input checks' words (lib/security/core/schemas.ts, shared with the JSON API, which keeps
 * them as they are): each check's reference text names a key of the catalogues' "schema" namespace.
 * Client-safe and small on purpose: a form's client code reads it for the errors zod finds before
 * anything is sent, with the words of the page's language that its server parent passed as a prop
 * (schemaWordsFor in lib/view/schema-words-server.ts); without them, English. A text that is also a
 * code's reference English says what that code says (a unit test keeps them in step).
 */
export const SCHEMA_KEYS = {
  "Choose a two-factor method": "chooseMethod",
  "Choose how you will use this passkey": "choosePasskeyUsage",
  "Code not provided": "codeMissing",
  "Contains characters that are not valid text": "invalidText",
  "Current password not provided": "currentPasswordMissing",
  "Email not provided": "emailMissing",
  "Give your passkey a name": "passkeyNameMissing",
  "Invalid code": "codeInvalid",
  "Invalid email address": "emailInvalid",
  "Password must be at least 8 characters": "passwordTooShort",
  "Password must be at most 128 characters": "passwordTooLong",
  "Password not provided": "passwordMissing",
  "Passwords do not match": "passwordsMismatch",
  "Phone number not provided": "phoneMissing",
  "Phone number not valid e.g. missing country code": "phoneInvalid",
  "Recovery code invalid": "recoveryCodeInvalid",
  "Recovery code not provided": "recoveryCodeMissing",
  "Requested method is not valid": "methodInvalid",
  "Type your email address to confirm": "confirmationMissing",
  "Value entered is too long": "tooLong",
  "You must specify a valid identity to sign in": "identityMissing",
  "Your new password must be different than your previous password.": "passwordIsTheSame",
} as const;

export type SchemaKey = (typeof SCHEMA_KEYS)[keyof typeof SCHEMA_KEYS];
export type SchemaWords = Readonly<Record<SchemaKey, string>>;

/** messages/en.json's "schema", for a form whose page passed no words (a unit test keeps the two equal). */
export const ENGLISH_SCHEMA_WORDS: SchemaWords = {
  chooseMethod: "Choose a method.",
  choosePasskeyUsage: "Choose how you'll use this passkey.",
  codeMissing: "Enter the code.",
  invalidText: "This contains characters we can't accept.",
  currentPasswordMissing: "Enter your current password.",
  emailMissing: "Enter your email address.",
  passkeyNameMissing: "Give your passkey a name.",
  codeInvalid: "Enter the code as it's shown, like 123456.",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  passwordTooShort: "Use at least 8 characters.",
  passwordTooLong: "Use 128 characters or fewer.",
  passwordMissing: "Enter your password.",
  passwordsMismatch: "The passwords don't match.",
  phoneMissing: "Enter your phone number.",
  phoneInvalid: "Enter a valid phone number, including the country code (for example +44).",
  recoveryCodeInvalid: "That recovery code isn't right, or it has been used already.",
  recoveryCodeMissing: "Enter a recovery code.",
  methodInvalid: "That sign-in method isn't available. Choose another one.",
  confirmationMissing: "Type your email address to confirm.",
  tooLong: "This is too long.",
  identityMissing: "Enter your email address or username.",
  passwordIsTheSame: "Choose a password you haven't used here before.",
};

/** A check's message in the product's words; a text no check has stays as it is. */
export function plainSchemaText(text: string, words: SchemaWords = ENGLISH_SCHEMA_WORDS): string {
  return Object.hasOwn(SCHEMA_KEYS, text) ? words[SCHEMA_KEYS[text as keyof typeof SCHEMA_KEYS]] : text;
}

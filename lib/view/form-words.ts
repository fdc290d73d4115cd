import type { SchemaWords } from "./schema-words";

/** The show/hide button of a password field (components/ui/text-field.tsx). */
export interface PasswordToggleWords {
  show: string;
  hide: string;
}

export const ENGLISH_PASSWORD_TOGGLE: PasswordToggleWords = { show: "Show password", hide: "Hide password" };

/**
 * The words every client form needs besides its own: the input checks' (said before anything is
 * sent) and the password field's button. A server parent reads them in the page's language
 * (formWords in lib/view/form-words-server.ts) and passes them as a prop; without them, English.
 */
export interface FormWords {
  schema: SchemaWords;
  passwordToggle: PasswordToggleWords;
}

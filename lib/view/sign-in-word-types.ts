import type { SchemaWords } from "./schema-words";
/**
 * The shapes of the words the shared sign-in components take as props (lib/view/sign-in-words.ts
 * reads them from the page's catalogue). Types only, so client components and the server share them.
 */

/** The failures the browser reports itself (components/passkeys/ceremony.ts names them by code). */
export type PasskeyErrorWords = Readonly<Record<"WEBAUTHN_CANCELLED" | "WEBAUTHN_SECURITY" | "WEBAUTHN_BROWSER", string>>;

export interface AuthenticatorWords {
  qrAlt: string;
  cantScan: string;
  onPhone: string;
  openInApp: string;
}

export interface MethodFieldsWords {
  current: string;
  phone: string;
  phoneHint: string;
}

export interface ProveMethodWords {
  /** The input checks' words in the page's language (schemaWordsFor). */
  schema: SchemaWords;
  scanTitle: string;
  sentTitle: string;
  scanThen: string;
  /** With `{destination}`, filled in the browser: the address or masked phone arrives with the set-up. */
  sentTo: string;
  sentToYou: string;
  code: string;
  authenticator: AuthenticatorWords;
}

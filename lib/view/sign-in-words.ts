import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import type { TwoFactorMethod } from "@/lib/security/config";
import type { SchemaKey, SchemaWords } from "./schema-words";
import type { AuthenticatorWords, MethodFieldsWords, PasskeyErrorWords, ProveMethodWords } from "./sign-in-word-types";
import { schemaWordsFor } from "./schema-words-server";
import { methodOptions } from "./two-factor-enrollment";
import type { MethodOption } from "./two-factor-types";
import { formWords } from "./form-words-server";

/**
 * Words the shared sign-in components (passkey button, two-factor set-up) take as props, read from
 * the page's catalogue on the server: client components get strings, never a catalogue.
 */

/** The browser-side passkey failures (components/passkeys/ceremony.ts names them by code). */
export async function passkeyErrorWords(): Promise<PasskeyErrorWords> {
  const t = await getTranslations("signIn.passkey");
  return { WEBAUTHN_CANCELLED: t("cancelled"), WEBAUTHN_SECURITY: t("insecure"), WEBAUTHN_BROWSER: t("browser") };
}

/** Some of the input checks' words: a client form that can fail only these gets only these. */
export async function schemaWordsOnly<K extends SchemaKey>(keys: readonly K[]): Promise<Pick<SchemaWords, K>> {
  const locale = await getLocale();
  const all = schemaWordsFor(isLocale(locale) ? locale : "en");
  return Object.fromEntries(keys.map((key) => [key, all[key]])) as Pick<SchemaWords, K>;
}

export async function authenticatorWords(): Promise<AuthenticatorWords> {
  const t = await getTranslations("signIn.twoFactor.authenticator");
  return { qrAlt: t("qrAlt"), cantScan: t("cantScan"), onPhone: t("onPhone"), openInApp: t("openInApp") };
}

export async function methodFieldsWords(): Promise<MethodFieldsWords> {
  const t = await getTranslations("signIn.twoFactor.methodFields");
  return { current: t("current"), phone: t("phone"), phoneHint: t("phoneHint") };
}

/** ProveMethodForm's words; `sentTo` keeps its `{destination}`, filled in the browser. */
export async function proveMethodWords(): Promise<ProveMethodWords> {
  const [t, authenticator, fields] = await Promise.all([getTranslations("signIn.twoFactor.prove"), authenticatorWords(), formWords()]);
  return {
    schema: fields.schema,
    scanTitle: t("scanTitle"),
    sentTitle: t("sentTitle"),
    scanThen: t("scanThen"),
    sentTo: t.raw("sentTo") as string,
    sentToYou: t("sentToYou"),
    code: t("code"),
    authenticator,
  };
}

/** The method picker's options in the page's language (twoFactor.choices; methodOptions keeps English). */
export async function methodOptionsInWords(methods: readonly TwoFactorMethod[]): Promise<MethodOption[]> {
  const t = await getTranslations("twoFactor.choices");
  return methodOptions(methods).map((option) => ({ ...option, label: t(`${option.value}.label`), description: t(`${option.value}.description`) }));
}

import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { AUTHN_METHODS } from "@/lib/security/core/authn-methods";
import type { NetworkWords } from "./network";

/**
 * The words the account pages pass to view helpers that are pure (lib/view/network.ts, activity.ts,
 * labels' describeAuthnVia): read once per request from the page's catalogue, so the helpers stay
 * testable without a request and English stays their default.
 */
export async function accountWords() {
  const [locale, network, via] = await Promise.all([getLocale(), getTranslations("account.sessions.network"), getTranslations("twoFactor.via")]);
  const networkWords: NetworkWords = { unknown: network("unknown"), loopback: network("loopback"), private: network.raw("private") as string };
  const viaWords: Record<string, string> = Object.fromEntries(VIA_KEYS.map((key) => [key, via(key)]));
  return { locale, network: networkWords, via: viaWords };
}

/**
 * A zone name or address inside a translated sentence keeps its own direction (U+2068 … U+2069,
 * first-strong isolate), so "Europe/Paris." does not become ".Europe/Paris" in Arabic. English text
 * stays exactly as it was.
 */
export function isolate(text: string, locale: string): string {
  return locale === "en" ? text : `\u2068${text}\u2069`;
}

/** Every stored proof has words in `twoFactor.via`, except "verify", a re-verification marker never shown. */
const VIA_KEYS = AUTHN_METHODS.filter((method) => method !== "verify");

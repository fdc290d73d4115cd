"use client";
import type { FormState } from "@/lib/view/form-state";
import type { AssertionStart, RegistrationStart } from "@/lib/view/passkey-ceremony";

/** The browser helper, loaded on first use: it stays out of the sign-in page's first-load JavaScript. */
export const loadWebAuthn = () => import("@simplewebauthn/browser");

/** The two halves of a ceremony as server actions: options out, the browser's answer back. */
export interface CeremonyActions<S> {
  start: () => Promise<S>;
  finish: (answer: { state: string; credential: unknown }) => Promise<FormState>;
}

/** Browser-side failures in words a person can act on; null when the request was superseded. */
export function describeWebAuthnError(error: unknown): FormState | null {
  const name = error instanceof Error ? error.name : "";
  // WebAuthnError (from the lazily loaded helper) carries a code naming the cause.
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  if (name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") return null;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return { tone: "error", code: "WEBAUTHN_CREDENTIAL_ID_INUSE", message: "This device already has a passkey for your account." };
  }
  if (name === "NotAllowedError") {
    return { tone: "error", code: "WEBAUTHN_CANCELLED", message: "The passkey request was cancelled or timed out. Please try again." };
  }
  if (name === "SecurityError" || code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID") {
    return { tone: "error", code: "WEBAUTHN_SECURITY", message: "Passkeys are not available on this address." };
  }
  return { tone: "error", code: "WEBAUTHN_BROWSER", message: "Your browser could not use a passkey. Please try again." };
}

/** Adds a passkey: server options → navigator.credentials.create() → server verification. */
export async function runRegistration(actions: CeremonyActions<RegistrationStart>): Promise<FormState> {
  const started = await actions.start();
  if (!started.ok) return started.error;
  let credential: unknown;
  try {
    const { startRegistration } = await loadWebAuthn();
    credential = await startRegistration({ optionsJSON: started.options });
  } catch (error) {
    return describeWebAuthnError(error);
  }
  return actions.finish({ state: started.state, credential });
}

/**
 * Uses a passkey: server options → navigator.credentials.get() → server verification. With
 * `autofill` the request waits in the username field's suggestions (conditional mediation).
 */
export async function runAssertion(actions: CeremonyActions<AssertionStart>, autofill = false): Promise<FormState> {
  const started = await actions.start();
  if (!started.ok) return started.error;
  let credential: unknown;
  try {
    const { startAuthentication } = await loadWebAuthn();
    credential = await startAuthentication({ optionsJSON: started.options, useBrowserAutofill: autofill });
  } catch (error) {
    return describeWebAuthnError(error);
  }
  return actions.finish({ state: started.state, credential });
}

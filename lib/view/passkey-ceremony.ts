import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import type { Failure } from "@/lib/security/core/errors";

/**
 * What a "start a passkey ceremony" server action returns to the browser: the options for
 * navigator.credentials and the opaque state to send back with the answer, or an error.
 */
export type CeremonyStart<O> = { ok: true; options: O; state: string } | { ok: false; error: FormState };
export type RegistrationStart = CeremonyStart<PublicKeyCredentialCreationOptionsJSON>;
export type AssertionStart = CeremonyStart<PublicKeyCredentialRequestOptionsJSON>;

export function ceremonyFailure(failure: Failure): { ok: false; error: FormState } {
  return { ok: false, error: stateFromFailure(failure) };
}

import "server-only";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import type { Failure, Result } from "@/lib/security/core/errors";

/**
 * What a "start a passkey ceremony" server action returns to the browser: the options for
 * navigator.credentials and the opaque state to send back with the answer, or an error.
 */
export type CeremonyStart<O> = { ok: true; options: O; state: string } | { ok: false; error: FormState };
export type RegistrationStart = CeremonyStart<PublicKeyCredentialCreationOptionsJSON>;
export type AssertionStart = CeremonyStart<PublicKeyCredentialRequestOptionsJSON>;

/**
 * A core "begin a ceremony" result as a server action hands it to the browser. Only the options
 * and the state are copied: whatever else the core's result carries is never serialised out.
 */
export async function ceremonyStart<O>(started: Result<{ options: O; state: string }>): Promise<CeremonyStart<O>> {
  return started.ok ? { ok: true, options: started.options, state: started.state } : await ceremonyFailure(started);
}

function ceremonyFailure(failure: Failure): Promise<{ ok: false; error: FormState }> {
  return stateFromFailure(failure).then((error) => ({ ok: false, error }));
}

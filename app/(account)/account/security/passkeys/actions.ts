"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { ceremonyStart, type RegistrationStart } from "@/lib/view/passkey-ceremony";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { deletePasskey, renamePasskey } from "@/lib/security/passkeys/manage";
import { finishPasskeyRegistrationForm, startPasskeyRegistrationForm } from "@/lib/security/passkeys/registration";
import { renamePasskeySchema, type AddPasskeyInput, type CeremonyAnswer, type RenamePasskeyInput } from "@/lib/security/core/schemas";

const PAGE = SECURITY_PAGES.passkeys;

/** Step 1 of adding a passkey: the name and usage are checked before the browser is asked. */
export async function startAddPasskeyAction(input: AddPasskeyInput): Promise<RegistrationStart> {
  const { user, session } = await requireUser();
  return ceremonyStart(await startPasskeyRegistrationForm(user, session, input));
}

export async function finishAddPasskeyAction(input: CeremonyAnswer): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const result = await finishPasskeyRegistrationForm(user, session, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${PAGE}?notice=WEBAUTHN_REGISTER_SUCCESSFUL`);
}

export async function renamePasskeyAction(input: RenamePasskeyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = renamePasskeySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await renamePasskey(user, parsed.data.id, parsed.data.name, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${PAGE}?notice=WEBAUTHN_CREDENTIAL_RENAMED`);
}

export async function deletePasskeyAction(input: { id: string }): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, authorization } = await requireUser();
  const id = typeof input?.id === "string" ? input.id : "";
  const result = await deletePasskey(user, authorization.roles, id, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${PAGE}?notice=WEBAUTHN_CREDENTIAL_DELETED`);
}

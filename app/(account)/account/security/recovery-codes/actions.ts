"use server";
import { revalidatePath } from "next/cache";
import { pageLocale } from "@/lib/view/page-locale";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { textFor } from "@/lib/view/text";
import { regenerateRecoveryCodes } from "@/lib/security/recovery-codes/store";

export type GenerateState = FormState | { tone: "success"; message?: string; codes: string[] };

/** Replaces the user's codes and hands the new ones back: the only time they are ever shown. */
export async function generateRecoveryCodesAction(): Promise<GenerateState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const result = await regenerateRecoveryCodes(user.id, ctx);
  if (!result.ok) return stateFromFailure(result);
  // The status above the codes ("5 of 5 left") comes from the server component.
  revalidatePath(SECURITY_PAGES.recoveryCodes);
  return { tone: "success", codes: result.codes, ...(result.replaced ? { message: textFor("RECOVERY_CODES_GENERATED", undefined, await pageLocale()) } : {}) };
}

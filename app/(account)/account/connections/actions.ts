"use server";
import { redirect } from "next/navigation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { unlinkProvider } from "@/lib/security/oauth/links";
import { formText } from "@/lib/view/form-state";

/** Unlink a provider (never the last way to sign in); back to the page with the outcome as a notice. */
export async function unlinkProviderAction(formData: unknown): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  // Anyone can call an action with any arguments: formText() is null for anything but a form's text.
  const provider = formText(formData, "provider", 32) ?? "";
  const result = await unlinkProvider(user, provider, ctx);
  const params = new URLSearchParams({ notice: result.ok ? "OAUTH_UNLINKED" : result.code, provider });
  redirect(`/account/connections?${params}`);
}

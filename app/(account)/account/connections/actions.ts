"use server";
import { redirect } from "next/navigation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { unlinkProvider } from "@/lib/security/oauth/links";

/** Unlink a provider (never the last way to sign in); back to the page with the outcome as a notice. */
export async function unlinkProviderAction(formData: FormData): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const value = formData.get("provider");
  const provider = typeof value === "string" ? value.slice(0, 32) : "";
  const result = await unlinkProvider(user, provider, ctx);
  const params = new URLSearchParams({ notice: result.ok ? "OAUTH_UNLINKED" : result.code, provider });
  redirect(`/account/connections?${params}`);
}

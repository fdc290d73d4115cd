"use server";
import { redirect } from "next/navigation";
import { formFields, keepingFields, stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { getOrSetMagicLinkBrowserNonce, rememberedDeviceCookie } from "@/lib/security/sessions/cookies";
import { continueAfterFirstFactor } from "@/lib/security/sign-in/continue";
import { pageWords } from "@/lib/view/words";
import { postLoginRedirect } from "@/lib/security/core/redirects";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";
import { redeemMagicLink, requestMagicLink } from "@/lib/security/sign-in/magic-link";

/** Emails a single-use sign-in link (bound to this browser when configured). */
export async function requestMagicLinkAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await requestMagicLink({ email: parsed.data.email, browserNonce: await getOrSetMagicLinkBrowserNonce() }, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).LOGIN_EMAIL_SENT);
}

// Failures that may be shown on /login as a notice; anything else reads as an invalid link.
const LINK_NOTICES = new Set(["INVALID_LOGIN_TOKEN", "LOGIN_EXPIRED", "LOGIN_OTHER_BROWSER"]);

/** The "Sign in" button of an emailed link (a POST, so mail scanners that follow links cannot use it up). */
export async function redeemMagicLinkAction(token: string): Promise<void> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const result = await redeemMagicLink(
    // The browser's binding value, created if it has none: an expired link then mails a fresh one bound to this browser.
    { token: typeof token === "string" ? token : "", browserNonce: await getOrSetMagicLinkBrowserNonce(), deviceCookie: await rememberedDeviceCookie() },
    ctx,
  );
  if (!result.ok) redirect(`/login?notice=${LINK_NOTICES.has(result.code) ? result.code : "INVALID_LOGIN_TOKEN"}`);
  redirect(await continueAfterFirstFactor(result.outcome, postLoginRedirect(null)));
}

/** requestMagicLinkAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function requestMagicLinkPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await requestMagicLinkAction(fields as EmailOnlyInput), fields, ["email"]);
}

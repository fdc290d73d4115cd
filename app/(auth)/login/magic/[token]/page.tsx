import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { redeemMagicLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer" };

/**
 * The page an emailed sign-in link opens. Signing in takes a click (a POST): link scanners in
 * mail systems fetch links, and a GET that signed in would let them use up the link.
 */
export default async function MagicLinkLandingPage({ params }: { params: Promise<{ token: string }> }) {
  await requireAnonymous();
  const { token } = await params;
  return (
    <AuthShell appName={getConfig().appName} title="Sign in" description="You opened a sign-in link. Continue to sign in on this device.">
      <LinkActionForm action={redeemMagicLinkAction.bind(null, token)} label="Sign in" />
    </AuthShell>
  );
}

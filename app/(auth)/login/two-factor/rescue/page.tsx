import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { SECOND_FACTOR_NAMES } from "@/lib/view/labels";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RescueForm } from "./rescue-form";

export const metadata: Metadata = { title: "Trouble with two-factor" };

/** The ways around a lost second factor; an emailed code only when the first factor did not come by email. */
export default async function TwoFactorRescuePage() {
  const found = await requirePendingLogin("ready", "select");
  const { pending } = found;
  const options = await secondFactorOptions(found);
  const method = pending.method;
  return (
    <AuthShell
      appName={getConfig().appName}
      title={method ? `Can't use your ${SECOND_FACTOR_NAMES[method]}?` : "Trouble signing in?"}
      description="Choose another way to finish signing in."
      footer={
        <>
          <p>
            <Link href={secondFactorUrl(pending.state, pending.method)}>
              {method === "passkey" ? "Back to your passkey" : method ? "Back to the code page" : "Back"}
            </Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RescueForm byEmail={options.rescueByEmail} recoveryCodes={options.recoveryCodes} />
    </AuthShell>
  );
}

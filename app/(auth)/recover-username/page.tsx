import { notFound } from "next/navigation";
import { staticPageSettings } from "@/lib/view/static-settings";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { RecoverUsernameView, recoverUsernameMetadata } from "./recover-username-view";

export async function generateMetadata() {
  return recoverUsernameMetadata();
}

/** /recover-username rendered per request: the visitor has a session cookie (proxy.ts; decision 067). */
export default async function RecoverUsernamePage() {
  if (!staticPageSettings().features.usernameRecovery) notFound();
  await requireAnonymous();
  return <RecoverUsernameView />;
}

import { RecoverUsernameView, recoverUsernameMetadata } from "@/app/(auth)/recover-username/recover-username-view";

export const metadata = recoverUsernameMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /recover-username with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedRecoverUsernamePage() {
  return <RecoverUsernameView />;
}

import { ConfirmView, confirmMetadata } from "@/app/(auth)/confirm/confirm-view";

export const metadata = confirmMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /confirm with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedConfirmPage() {
  return <ConfirmView />;
}

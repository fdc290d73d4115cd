import { MagicLinkView, magicLinkMetadata } from "@/app/(auth)/login/magic/magic-link-view";

export const metadata = magicLinkMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** /login/magic with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedLoginMagicPage() {
  return <MagicLinkView />;
}

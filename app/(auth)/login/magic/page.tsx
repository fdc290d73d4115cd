import { notFound } from "next/navigation";
import { staticPageSettings } from "@/lib/view/static-settings";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { MagicLinkView, magicLinkMetadata } from "./magic-link-view";

export const generateMetadata = () => magicLinkMetadata();

/** /login/magic rendered per request: the visitor has a session cookie (proxy.ts; decision 067). */
export default async function MagicLinkPage() {
  if (!staticPageSettings().magicLink.enabled) notFound();
  await requireAnonymous();
  return <MagicLinkView />;
}

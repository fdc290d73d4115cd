import { notFound } from "next/navigation";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { staticPageSettings } from "@/lib/view/static-settings";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { safeRedirectTarget } from "@/lib/security/core/redirects";
import { RegisterView, registerMetadata } from "./register-view";

export async function generateMetadata() {
  return registerMetadata();
}

/** /register rendered per request: with a `next` or a session cookie (proxy.ts; decision 067). */
export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  if (!staticPageSettings().features.registerable) notFound();
  await requireAnonymous();
  return <RegisterView next={safeRedirectTarget(firstParam((await searchParams).next)) ?? undefined} />;
}

import { firstParam, noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getLocale } from "next-intl/server";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { safeRedirectTarget } from "@/lib/security/core/redirects";
import { LoginView, loginMetadata } from "./login-view";

export const generateMetadata = () => loginMetadata();

/** /login rendered per request: with a `next`, a notice, or a session cookie (proxy.ts; decision 067). */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAnonymous();
  const params = await searchParams;
  return <LoginView next={safeRedirectTarget(firstParam(params.next)) ?? undefined} notice={noticeFrom(params.notice, params.provider, await getLocale())} />;
}

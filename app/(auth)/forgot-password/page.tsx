import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getLocale } from "next-intl/server";
import { getSession } from "@/lib/security/sessions/current";
import { ForgotPasswordView, forgotPasswordMetadata } from "./forgot-password-view";

export async function generateMetadata() {
  return forgotPasswordMetadata();
}

/** /forgot-password rendered per request: with a notice or a session cookie (proxy.ts; decision 067). */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Open to signed-in users too (prefilled), as in Flask-Security.
  const current = await getSession();
  return <ForgotPasswordView email={current?.user.email ?? ""} notice={noticeFrom(params.notice, undefined, await getLocale())} />;
}

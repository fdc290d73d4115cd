import { ForgotPasswordView, forgotPasswordMetadata } from "@/app/(auth)/forgot-password/forgot-password-view";

export const metadata = forgotPasswordMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /forgot-password with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedForgotPasswordPage() {
  return <ForgotPasswordView />;
}

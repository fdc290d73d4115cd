import { LoginView, loginMetadata } from "@/app/(auth)/login/login-view";

export const metadata = loginMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /login with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedLoginPage() {
  return <LoginView />;
}

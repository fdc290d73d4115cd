import { RegisterView, registerMetadata } from "@/app/(auth)/register/register-view";

export const metadata = registerMetadata;
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /register with no session cookie, from the prerendered cache (proxy.ts rewrites here). */
export default function PrerenderedRegisterPage() {
  return <RegisterView />;
}

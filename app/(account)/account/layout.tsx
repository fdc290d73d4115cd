import type { ReactNode } from "react";
import { AccountNav } from "@/components/account-nav";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <div className="page-width grid gap-6 py-8 md:grid-cols-[200px_1fr] md:gap-10 md:py-12">
      <AccountNav connections={getConfig().oauth.providers.length > 0} />
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}

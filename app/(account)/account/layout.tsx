import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AccountNav } from "@/components/account-nav";
import { TimeZoneReporter } from "@/components/time-zone-reporter";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const [{ user, session }, t] = await Promise.all([requireUser(), getTranslations("account.nav")]);
  const words = {
    label: t("label"),
    overview: t("overview"),
    password: t("password"),
    security: t("security"),
    sessions: t("sessions"),
    activity: t("activity"),
    connections: t("connections"),
  };
  return (
    <div className="page-width grid gap-6 py-8 md:grid-cols-[200px_1fr] md:gap-10 md:py-12">
      <AccountNav connections={getConfig().oauth.providers.length > 0} words={words} />
      {/* Not while an administrator views the app as the user: their browser's zone is not the user's. */}
      {session.impersonatorId ? null : <TimeZoneReporter stored={user.timeZone} />}
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}

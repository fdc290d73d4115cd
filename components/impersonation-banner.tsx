import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";

/**
 * On every page while an administrator views the app as someone (decision 042), and once more
 * after that session ended (signed out, or timed out) while their own session is still kept aside.
 */
export async function ImpersonationBanner({
  locale,
  viewing,
  returnAction,
}: {
  locale: Locale;
  viewing: { email: string; until: string } | null;
  returnAction: () => Promise<void>;
}) {
  const t = await getTranslations({ locale, namespace: "impersonation" });
  return (
    <div
      role="region"
      aria-label={t("region")}
      data-testid="impersonation-banner"
      className="border-b border-warning-border bg-warning-strong text-warning-strong-foreground"
    >
      <div className="page-width flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2 text-sm">
        <p>
          {viewing
            ? t.rich("viewing", {
                email: viewing.email,
                until: viewing.until,
                strong: (chunks) => (
                  <strong>
                    <bdi>{chunks}</bdi>
                  </strong>
                ),
              })
            : t("ended")}
        </p>
        <form action={returnAction}>
          <Button type="submit" size="sm" variant="secondary">
            {t("return")}
          </Button>
        </form>
      </div>
    </div>
  );
}

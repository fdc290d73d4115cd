import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { isolate } from "@/lib/view/account-words";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { pageWords } from "@/lib/view/words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register.checkEmail"))("title") };
}

/** Shown after registering — the same page whether or not the address already had an account. */
export default async function CheckEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const email = firstParam((await searchParams).email)?.slice(0, 254);
  const [t, locale, words] = await Promise.all([getTranslations("register.checkEmail"), getLocale(), pageWords()]);
  return (
    <AuthShell appName={getConfig().appName} title={t("title")} description={email ? t("sentTo", { email: isolate(email, locale) }) : undefined}>
      <Alert tone="info" testId="notice">
        {words.CONFIRM_REGISTRATION}
      </Alert>
      <p className="mt-4 text-sm text-muted">
        {t.rich("nothingArrived", {
          link: (chunks) => (
            <Link href={email ? `/confirm?email=${encodeURIComponent(email)}` : "/confirm"} className="link">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </AuthShell>
  );
}

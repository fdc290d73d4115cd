import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { isolate } from "@/lib/view/account-words";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.delete"))("title") };
}

export default async function DeleteAccountPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.deleteAccount) notFound();
  const [t, locale] = await Promise.all([getTranslations("account.delete"), pageLocale()]);
  const words = {
    form: t("title"),
    label: t("confirmLabel", { email: isolate(user.email, locale) }),
    button: t("button"),
    schema: schemaWordsFor(locale),
  };
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("warning")}</p>
      </div>
      <Card>
        <CardHeader title={t("cardTitle")} description={config.keepEventsOfDeletedUsers ? t("bodyKeepLog") : t("bodyDeleteLog")} />
        <CardBody>
          <DeleteAccountForm words={words} />
        </CardBody>
      </Card>
    </>
  );
}

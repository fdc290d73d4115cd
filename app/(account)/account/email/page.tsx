import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { localizeDuration } from "@/lib/i18n/duration";
import { getConfig } from "@/lib/security/config";
import { humanizeDuration } from "@/lib/security/config/duration";
import { requireUser } from "@/lib/security/sessions/guards";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { ChangeEmailForm } from "./change-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.email"))("title") };
}

export default async function EmailPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.changeEmail) notFound();
  const [t, locale] = await Promise.all([getTranslations("account.email"), pageLocale()]);
  // The lifetime in the page's language, as the change-email mail says it.
  const within = localizeDuration(humanizeDuration(config.within.changeEmail), locale);
  const words = { form: t("change"), label: t("newLabel"), send: t("send"), schema: schemaWordsFor(locale) };
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro", { within })}</p>
      </div>
      <Card>
        <CardHeader title={t("current")} />
        <CardBody>
          <p className="text-sm">
            <bdi className="break-all font-medium">{user.email}</bdi>{" "}
            {user.confirmedAt ? <Badge tone="success">{t("confirmed")}</Badge> : <Badge tone="warning">{t("unconfirmed")}</Badge>}
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("change")} />
        <CardBody>
          <ChangeEmailForm words={words} />
        </CardBody>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { ChangeUsernameForm } from "./change-username-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.username"))("title") };
}

export default async function UsernamePage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.changeUsername) notFound();
  const [t, locale] = await Promise.all([getTranslations("account.username"), pageLocale()]);
  const { minLength: min, maxLength: max, required } = config.username;
  const words = {
    form: t("change"),
    label: t("label"),
    hint: required ? t("hint", { min, max }) : t("hintOptional", { min, max }),
    save: t("save"),
    schema: schemaWordsFor(locale),
  };
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={user.username ? t("change") : t("choose")} />
        <CardBody>
          <ChangeUsernameForm username={user.username ?? ""} words={words} />
        </CardBody>
      </Card>
    </>
  );
}

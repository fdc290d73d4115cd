import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { buttonVariants } from "./ui/button";
import { Card, CardBody, CardHeader } from "./ui/card";
import { inputClasses } from "./ui/input-classes";

/**
 * The language setting of /account. Each language is named in itself (a reader lost in a language
 * they do not read still finds their own) and marked with its `lang`, so a screen reader says it right.
 */
export async function LanguageSetting({ current, action }: { current: Locale; action: (form: FormData) => Promise<void> }) {
  const t = await getTranslations("language");
  return (
    <Card id="language">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form action={action} className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1 space-y-1.5">
            <label htmlFor="locale" className="text-sm font-medium text-foreground">
              {t("label")}
            </label>
            <select id="locale" name="locale" defaultValue={current} className={inputClasses} autoComplete="language">
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            {t("save")}
          </button>
        </form>
      </CardBody>
    </Card>
  );
}

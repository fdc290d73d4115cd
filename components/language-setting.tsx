import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { buttonVariants } from "./ui/button";
import { Card, CardBody, CardHeader } from "./ui/card";
import { inputClasses } from "./ui/input-classes";

/** The language setting of /account, in the page's language. */
export async function LanguageSetting({ current, action }: { current: Locale; action: (form: FormData) => Promise<void> }) {
  const t = await getTranslations("language");
  return (
    <LanguageSettingView words={{ title: t("title"), description: t("description"), label: t("label"), save: t("save") }} current={current} action={action} />
  );
}

export type LanguageSettingWords = { title: string; description: string; label: string; save: string };

/**
 * The card itself, from its words (the bench's floor draws it with constant ones and a URL for an
 * action; a server action brings its own method, which React refuses to have set). Each language is
 * named in itself (a reader lost in a language they do not read still finds their own) and marked
 * with its `lang`, so a screen reader says it right.
 */
export function LanguageSettingView(props: { words: LanguageSettingWords; current: Locale; action: string | ((form: FormData) => Promise<void>) }) {
  const { words, current, action } = props;
  return (
    <Card id="language">
      <CardHeader title={words.title} description={words.description} />
      <CardBody>
        <form action={action} method={typeof action === "string" ? "post" : undefined} className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1 space-y-1.5">
            <label htmlFor="locale" className="text-sm font-medium text-foreground">
              {words.label}
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
            {words.save}
          </button>
        </form>
      </CardBody>
    </Card>
  );
}

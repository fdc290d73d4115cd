import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

/** The password is a way to sign in too; it is managed on its own page. */
export async function PasswordRow({ hasPassword }: { hasPassword: boolean }) {
  const t = await getTranslations("account.security");
  return (
    <li className="flex items-start justify-between gap-3 py-4 first:pt-0 last:pb-0" data-testid="sign-in-method-password">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span>{t("password")}</span>
          {hasPassword ? <Badge tone="success">{t("passwordSet")}</Badge> : <Badge tone="neutral">{t("passwordNotSet")}</Badge>}
        </p>
        <p className="text-sm text-muted">{hasPassword ? t("passwordOn") : t("passwordOff")}</p>
      </div>
      <Link href="/account/password" className="link shrink-0 py-1 text-sm">
        {hasPassword ? t("changePassword") : t("setPassword")}
      </Link>
    </li>
  );
}

import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

/** The set-up pages sit under Sign-in & security: one step back to the overview. */
export async function BackToSecurity() {
  const t = await getTranslations("account.security");
  return (
    <Link href={SECURITY_PAGES.overview} className="link inline-flex items-center gap-1 text-sm">
      <ChevronLeft aria-hidden="true" className="size-4 rtl:rotate-180" />
      {t("back")}
    </Link>
  );
}

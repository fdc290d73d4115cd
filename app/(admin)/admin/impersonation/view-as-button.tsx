import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { startImpersonationAction } from "./actions";

/**
 * "View as" for one account, for any console page that lists users (the rescue queue, the user
 * page). The caller shows it only to admins with users:impersonate; the action checks again.
 */
export async function ViewAsButton({ userId, email }: { userId: string; email: string }) {
  const t = await getTranslations("admin.viewAs");
  return (
    <ActionForm
      action={startImpersonationAction}
      submitLabel={t("submit")}
      variant="secondary"
      label={t("label", { email })}
      hidden={{ user: userId }}
      className="flex flex-col gap-2"
    />
  );
}

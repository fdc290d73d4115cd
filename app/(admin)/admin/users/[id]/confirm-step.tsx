import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input-classes";
import type { AdminAction } from "@/lib/security/lifecycle/admin-actions";
import { adminUserAction } from "./actions";

/** The actions that ask first (DESTRUCTIVE_ACTIONS): each has a question and a "Yes, …" in admin.user.confirm. */
type Confirmed =
  | "deactivate"
  | "reset-access"
  | "reset-two-factor"
  | "reset-passkeys"
  | "reset-sign-in-methods"
  | "set-password"
  | "delete"
  | "revoke-all-sessions"
  | "revoke-all-tokens";

/** The second step of a destructive action: the question, and the form that carries `confirmed=yes`. */
export async function ConfirmStep({ userId, action, item }: { userId: string; action: AdminAction; item?: string }) {
  const t = await getTranslations("admin.user.confirm");
  const key = action as Confirmed;
  return (
    <Card id="confirm" tone="danger">
      <CardHeader title={t("title")} description={t(`${key}.question`)} />
      <CardBody>
        <form action={adminUserAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="confirmed" value="yes" />
          {item ? <input type="hidden" name="item" value={item} /> : null}
          {action === "set-password" ? (
            <div className="min-w-[16rem] flex-1">
              <label htmlFor="admin-new-password" className="mb-1 block text-sm font-medium">
                {t("newPassword")}
              </label>
              <input id="admin-new-password" name="password" type="password" autoComplete="new-password" required className={inputClasses} />
            </div>
          ) : null}
          <Button type="submit" variant="danger" size="sm">
            {t(`${key}.yes`)}
          </Button>
          <Link href={`/admin/users/${userId}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            {t("cancel")}
          </Link>
        </form>
      </CardBody>
    </Card>
  );
}

import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input-classes";
import type { AdminAction } from "@/lib/security/lifecycle/admin-actions";
import { adminUserAction } from "./actions";
import { CONFIRM } from "./words";

/** The second step of a destructive action: the question, and the form that carries `confirmed=yes`. */
export function ConfirmStep({ userId, action, item }: { userId: string; action: AdminAction; item?: string }) {
  return (
    <Card id="confirm" tone="danger">
      <CardHeader title="Please confirm" description={CONFIRM[action]} />
      <CardBody>
        <form action={adminUserAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="confirmed" value="yes" />
          {item ? <input type="hidden" name="item" value={item} /> : null}
          {action === "set-password" ? (
            <div className="min-w-[16rem] flex-1">
              <label htmlFor="admin-new-password" className="mb-1 block text-sm font-medium">
                New password
              </label>
              <input id="admin-new-password" name="password" type="password" autoComplete="new-password" required className={inputClasses} />
            </div>
          ) : null}
          <Button type="submit" variant="danger" size="sm">
            Yes, {action.replace(/-/g, " ")}
          </Button>
          <Link href={`/admin/users/${userId}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            Cancel
          </Link>
        </form>
      </CardBody>
    </Card>
  );
}

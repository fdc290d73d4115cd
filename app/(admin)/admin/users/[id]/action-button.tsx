import { Link } from "@/components/ui/link";
import { Button, buttonVariants, type ButtonVariant } from "@/components/ui/button";
import { DESTRUCTIVE_ACTIONS, type AdminAction } from "@/lib/security/lifecycle/admin-actions";
import { adminUserAction } from "./actions";

/**
 * One action of a user's page. A destructive one is first a link to this page's confirmation step
 * (`?confirm=action`, no JavaScript needed); the others post at once. `item` names a session or token.
 */
export function ActionButton({
  userId,
  action,
  label,
  item,
  role,
  variant = "secondary",
}: {
  userId: string;
  action: AdminAction;
  label: string;
  item?: string;
  role?: string;
  variant?: ButtonVariant;
}) {
  if (DESTRUCTIVE_ACTIONS.has(action)) {
    const params = new URLSearchParams({ confirm: action, ...(item ? { item } : {}) });
    return (
      <Link href={`/admin/users/${userId}?${params.toString()}#confirm`} className={buttonVariants({ variant, size: "sm" })}>
        {label}
      </Link>
    );
  }
  return (
    <form action={adminUserAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="action" value={action} />
      {item ? <input type="hidden" name="item" value={item} /> : null}
      {role ? <input type="hidden" name="role" value={role} /> : null}
      <Button type="submit" size="sm" variant={variant}>
        {label}
      </Button>
    </form>
  );
}

import { ActionForm } from "@/components/forms/action-form";
import { startImpersonationAction } from "./actions";

/**
 * "View as" for one account, for any console page that lists users (the rescue queue, the user
 * page). The caller shows it only to admins with users:impersonate; the action checks again.
 */
export function ViewAsButton({ userId, email }: { userId: string; email: string }) {
  return (
    <ActionForm
      action={startImpersonationAction}
      submitLabel="View as"
      variant="secondary"
      label={`View the app as ${email}`}
      hidden={{ user: userId }}
      className="flex flex-col gap-2"
    />
  );
}

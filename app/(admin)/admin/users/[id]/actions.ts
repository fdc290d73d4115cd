"use server";
import { redirect } from "next/navigation";
import { formText } from "@/lib/view/form-state";
import { USERS_WRITE } from "@/lib/security/core/console-permissions";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { isUuid } from "@/lib/security/accounts/identity";
import { ADMIN_ACTIONS, runAdminAction } from "@/lib/security/lifecycle/admin-actions";

/**
 * Every action of a user's page: users:write and a fresh session, checked here (a stale one goes to
 * /verify and comes back to this page), then again by runAdminAction. The result is a notice on the
 * page it came from; a deleted account's is on the list.
 */
export async function adminUserAction(formData: FormData): Promise<void> {
  // The route table's rule for the page (users:read), then the writes' own: users:write and fresh.
  const { user } = await requireUser({ permissions: [USERS_WRITE], fresh: true });
  const id = formText(formData, "userId", 64) ?? "";
  const here = isUuid(id) ? `/admin/users/${id}` : "/admin/users";
  const ctx = await currentRequestContext();
  const action = ADMIN_ACTIONS.find((a) => a === formText(formData, "action", 64));
  if (!action) redirect(`${here}?failed=INVALID_INPUT`);
  const result = await runAdminAction({ id: user.id, ctx }, id, action, {
    role: formText(formData, "role", 64) ?? undefined,
    password: formText(formData, "password", 1024) ?? undefined,
    item: formText(formData, "item", 64) ?? undefined,
    confirmed: formText(formData, "confirmed", 8) === "yes",
  });
  if (!result.ok) redirect(`${here}?failed=${result.code}`);
  redirect(action === "delete" ? `/admin/users?done=delete` : `${here}?done=${action}`);
}

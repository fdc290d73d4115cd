import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/view/format";
import type { ListedUser } from "@/lib/security/accounts/user-search";

/** On phones two columns: the email (with roles and last sign-in under it) and the status; the rest needs a wider screen. */
const COLUMNS = [
  { name: "email", phone: true },
  { name: "username", phone: false },
  { name: "status", phone: true },
  { name: "roles", phone: false },
  { name: "created", phone: false },
  { name: "lastSignIn", phone: false },
] as const;
const WIDE_ONLY = "max-sm:hidden";

/** Times are in the viewer's time zone (`zone`, the administrator's own; null: UTC) and language. */
export async function UsersTable({ users, caption, zone, locale }: { users: ListedUser[]; caption: string; zone: string | null; locale: string }) {
  const t = await getTranslations("admin.users.table");
  const at = (d: Date): string => formatDateTime(d, zone, locale);
  return (
    // Still wider than a small phone: a scroll region of its own, reachable from the keyboard.
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-start text-sm sm:min-w-[640px]" data-testid="users-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted">
          <tr>
            {COLUMNS.map(({ name, phone }) => (
              <th key={name} scope="col" className={phone ? "px-2 py-2 font-medium" : `px-2 py-2 font-medium ${WIDE_ONLY}`}>
                {t(`columns.${name}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="max-w-[14rem] truncate px-2 py-2 font-medium sm:max-w-[18rem]">
                <Link href={`/admin/users/${u.id}`} className="underline-offset-2 hover:underline">
                  <bdi>{u.email}</bdi>
                </Link>
                <span className="block truncate text-xs font-normal text-muted sm:hidden">
                  {[u.roles.join(", "), u.lastLoginAt ? t("lastSignInAt", { at: at(u.lastLoginAt) }) : t("neverSignedIn")].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td className={`max-w-[10rem] truncate px-2 py-2 ${WIDE_ONLY}`}>{u.username ?? "—"}</td>
              <td className="px-2 py-2">
                {!u.active ? (
                  <Badge tone="danger">{t("disabled")}</Badge>
                ) : u.confirmedAt ? (
                  <Badge tone="success">{t("active")}</Badge>
                ) : (
                  <Badge tone="warning">{t("unconfirmed")}</Badge>
                )}
              </td>
              <td className={`px-2 py-2 ${WIDE_ONLY}`}>{u.roles.length ? u.roles.join(", ") : "—"}</td>
              <td className={`px-2 py-2 whitespace-nowrap ${WIDE_ONLY}`}>{at(u.createdAt)}</td>
              <td className={`px-2 py-2 whitespace-nowrap ${WIDE_ONLY}`}>{u.lastLoginAt ? at(u.lastLoginAt) : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

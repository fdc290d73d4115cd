import Link from "next/link";
import { Badge } from "@/components/ui/badge";

/** The password is a way to sign in too; it is managed on its own page. */
export function PasswordRow({ hasPassword }: { hasPassword: boolean }) {
  return (
    <li className="flex items-start justify-between gap-3 py-4 first:pt-0 last:pb-0" data-testid="sign-in-method-password">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span>Password</span>
          {hasPassword ? <Badge tone="success">Set</Badge> : <Badge tone="neutral">Not set</Badge>}
        </p>
        <p className="text-sm text-muted">{hasPassword ? "You can sign in with your password." : "Add one to sign in without waiting for a code."}</p>
      </div>
      <Link href="/account/password" className="link shrink-0 py-1 text-sm">
        {hasPassword ? "Change password" : "Set a password"}
      </Link>
    </li>
  );
}

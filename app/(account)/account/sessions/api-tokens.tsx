import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { describeAuthnVia } from "@/lib/view/labels";
import type { ListedAuthToken, ListedRefreshFamily } from "@/lib/security/sessions/api-credentials";
import { revokeAuthTokenAction, revokeRefreshFamilyAction } from "./actions";

interface Row {
  id: string;
  title: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  authnVia: string[];
}

/** The account's JSON API credentials: auth tokens and refresh-token families, each revocable. */
export function ApiTokens({ tokens, families, zone }: { tokens: ListedAuthToken[]; families: ListedRefreshFamily[]; zone: string }) {
  if (!tokens.length && !families.length) return null;
  return (
    <Card>
      <CardHeader title="Apps and API tokens" description="Signed-in apps using the JSON API. Revoking one signs that app out." />
      <CardBody>
        <ul className="divide-y divide-border" data-testid="token-list">
          {families.map((f) => (
            <TokenRow key={f.id} row={{ ...f, title: "Refresh token" }} action={revokeRefreshFamilyAction} zone={zone} />
          ))}
          {tokens.map((t) => (
            <TokenRow
              key={t.id}
              row={{ ...t, title: t.fromRefresh ? "Auth token (from a refresh token)" : "Auth token" }}
              action={revokeAuthTokenAction}
              zone={zone}
            />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function TokenRow({ row, action, zone }: { row: Row; action: (formData: FormData) => Promise<void>; zone: string }) {
  const via = describeAuthnVia(row.authnVia);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="token-item">
      <div className="min-w-0">
        <p className="font-medium">{row.title}</p>
        <p className="text-muted">
          created {formatDateTime(row.createdAt, zone)}
          {via ? ` with ${via}` : ""} · last used {formatDateTime(row.lastUsedAt, zone)} · expires {formatDateTime(row.expiresAt, zone)}
        </p>
      </div>
      <form action={action}>
        <input type="hidden" name="id" value={row.id} />
        <Button variant="ghost" size="sm" type="submit" aria-label={`Revoke ${row.title.toLowerCase()} created ${formatDateTime(row.createdAt, zone)}`}>
          Revoke
        </Button>
      </form>
    </li>
  );
}

import { getTranslations } from "next-intl/server";
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
export async function ApiTokens(props: {
  tokens: ListedAuthToken[];
  families: ListedRefreshFamily[];
  zone: string;
  locale: string;
  via: Readonly<Record<string, string>>;
}) {
  const { tokens, families, zone, locale, via } = props;
  if (!tokens.length && !families.length) return null;
  const t = await getTranslations("account.sessions.tokens");
  const when = (date: Date) => formatDateTime(date, zone, locale);
  const words: TokenWords = {
    line: (row) => {
      const how = describeAuthnVia(row.authnVia, via);
      const created = how ? t("createdWith", { when: when(row.createdAt), via: how }) : t("created", { when: when(row.createdAt) });
      return `${created} · ${t("lastUsed", { when: when(row.lastUsedAt) })} · ${t("expires", { when: when(row.expiresAt) })}`;
    },
    revoke: t("revoke"),
    revokeAria: (row) => t("revokeAria", { title: locale === "en" ? row.title.toLowerCase() : row.title, when: when(row.createdAt) }),
  };
  return (
    <Card>
      <CardHeader title={t("title")} description={t("intro")} />
      <CardBody>
        <ul className="divide-y divide-border" data-testid="token-list">
          {families.map((f) => (
            <TokenRow key={f.id} row={{ ...f, title: t("refresh") }} action={revokeRefreshFamilyAction} words={words} />
          ))}
          {tokens.map((token) => (
            <TokenRow
              key={token.id}
              row={{ ...token, title: token.fromRefresh ? t("authFromRefresh") : t("auth") }}
              action={revokeAuthTokenAction}
              words={words}
            />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

interface TokenWords {
  line: (row: Row) => string;
  revoke: string;
  revokeAria: (row: Row) => string;
}

function TokenRow({ row, action, words }: { row: Row; action: (formData: FormData) => Promise<void>; words: TokenWords }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="token-item">
      <div className="min-w-0">
        <p className="font-medium">{row.title}</p>
        <p className="text-muted">{words.line(row)}</p>
      </div>
      <form action={action}>
        <input type="hidden" name="id" value={row.id} />
        <Button variant="ghost" size="sm" type="submit" aria-label={words.revokeAria(row)}>
          {words.revoke}
        </Button>
      </form>
    </li>
  );
}

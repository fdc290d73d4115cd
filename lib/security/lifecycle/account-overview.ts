import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedFor, tables } from "@/lib/db";
import { getConfig } from "../config";
import { rulesFor } from "../codes/purposes";
import type { TwoFactorRow, SignInMethodRow } from "../codes/store";

/**
 * What the account overview (/account) shows of the user's factors: counts and method names only,
 * never a secret. Read in one round trip — the page's other one is the session lookup (DESIGN.md
 * principle 12; decision 068): four separate reads were four round trips per view.
 */
export interface AccountOverview {
  twoFactorMethod: TwoFactorRow["method"] | null;
  recoveryCodes: { total: number; remaining: number };
  passkeys: number;
  /** The sign-in methods unified sign-in offers now (a method switched off since is not counted). */
  signInMethods: SignInMethodRow["method"][];
}

// One statement per database handle (lib/db/prepared.ts): built and planned once, not per view.
// The subqueries name their tables and columns in full: in a select without a join drizzle writes
// a column as a bare name, and a bare "id" inside a subquery would mean the inner table's own id.
const overviewStatement = preparedFor((db) =>
  db
    .select({
      twoFactorMethod: sql<TwoFactorRow["method"] | null>`(select tf.method from two_factor tf where tf.user_id = "users"."id")`,
      codesTotal: sql<number>`(select count(*)::int from recovery_codes rc where rc.user_id = "users"."id")`,
      codesRemaining: sql<number>`(select count(*)::int from recovery_codes rc where rc.user_id = "users"."id" and rc.used_at is null)`,
      passkeys: sql<number>`(select count(*)::int from webauthn_credentials wc where wc.user_id = "users"."id")`,
      signInMethods: sql<
        SignInMethodRow["method"][]
      >`coalesce((select array_agg(sm.method order by sm.method) from sign_in_methods sm where sm.user_id = "users"."id"), '{}')`,
    })
    .from(tables.users)
    .where(eq(tables.users.id, sql.placeholder("userId")))
    .prepare("account_overview"),
);

export async function loadAccountOverview(userId: string): Promise<AccountOverview> {
  const [row] = await overviewStatement(await getDb()).execute({ userId });
  const config = getConfig();
  const rules = rulesFor("sign-in");
  return {
    twoFactorMethod: row?.twoFactorMethod ?? null,
    recoveryCodes: { total: Number(row?.codesTotal ?? 0), remaining: Number(row?.codesRemaining ?? 0) },
    passkeys: config.webauthn.enabled ? Number(row?.passkeys ?? 0) : 0,
    signInMethods: config.unified.enabled ? (row?.signInMethods ?? []).filter((m) => rules.isEnabled(m)) : [],
  };
}

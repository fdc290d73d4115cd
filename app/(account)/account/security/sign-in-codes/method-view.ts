import "server-only";
import type { MethodOption } from "@/lib/view/two-factor-types";
import type { CodeMethod, UnifiedMethod } from "@/lib/security/config";
import { maskPhone } from "@/lib/security/accounts/phone";
import type { SignInMethodRow } from "@/lib/security/codes/store";
import { SIGN_IN_WITH } from "@/lib/view/labels";
import { methodOptions } from "@/lib/view/two-factor-enrollment";

/** One offered code method as the row shows it: nothing secret crosses to the client. */
export interface SignInMethodView extends MethodOption {
  value: CodeMethod;
  active: boolean;
  /** Where codes go (the address, a masked phone), when that helps the owner recognise it. */
  detail: string | null;
  /** In a sentence: "sign in with email codes / an authenticator app". */
  phrase: string;
}

export function toMethodViews(offered: readonly UnifiedMethod[], rows: readonly SignInMethodRow[], email: string): SignInMethodView[] {
  const codeMethods = offered.filter((m): m is CodeMethod => m !== "password");
  return methodOptions(codeMethods).map((option) => {
    const row = rows.find((r) => r.method === option.value);
    const value = option.value as CodeMethod;
    const detail = value === "email" ? `Codes go to ${email}` : value === "sms" && row?.phone ? `Codes go to ${maskPhone(row.phone)}` : null;
    return { ...option, value, active: Boolean(row), detail, phrase: SIGN_IN_WITH[value] };
  });
}

/**
 * Changes whenever a method is added or removed: rows keyed by it start again in their view
 * mode after the redirect back here (Next keeps client state across same-route navigations).
 */
export function methodsSignature(rows: readonly SignInMethodRow[]): string {
  return rows
    .map((r) => `${r.method}@${r.createdAt.getTime()}`)
    .sort()
    .join(",");
}

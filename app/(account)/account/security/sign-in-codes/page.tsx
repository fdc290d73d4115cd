import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listSignInMethods } from "@/lib/security/codes/store";
import { MethodRow } from "./method-row";
import { methodsSignature, toMethodViews } from "./method-view";
import { PasswordRow } from "./password-row";
import { BackToSecurity } from "../back-link";
import { proveMethodWords } from "@/lib/view/sign-in-words";

export const metadata: Metadata = { title: "Sign in with a code" };

export default async function SignInMethodsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.unified.enabled) notFound();
  const [rows, params, prove] = await Promise.all([listSignInMethods(user.id), searchParams, proveMethodWords()]);
  const methods = toMethodViews(config.unified.methods, rows, user.email);
  const signature = methodsSignature(rows);
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Sign in with a code</h1>
        <p className="mt-1 text-sm text-muted">
          Sign in with a one-time code instead of a password. Codes are sent to you, or shown by your authenticator app.
        </p>
      </div>
      <Card>
        <CardHeader title="Ways to sign in" description="Set up as many as you like. You always keep at least one." />
        <CardBody>
          <ul className="divide-y divide-border text-sm" data-testid="sign-in-methods">
            {methods.map((method) => (
              // Keyed by every method's state: after a change and the redirect back, each row starts over.
              <MethodRow key={`${method.value}:${signature}`} method={method} proveWords={prove} />
            ))}
            <PasswordRow hasPassword={Boolean(user.passwordHash)} />
          </ul>
        </CardBody>
      </Card>
    </>
  );
}

import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { OAuthButtons, type OAuthButtonProvider } from "@/components/oauth-buttons";
import { buttonVariants } from "@/components/ui/button";

interface OtherWaysProps {
  next?: string;
  providers: readonly OAuthButtonProvider[];
  magicLink: boolean;
  canReset: boolean;
  /** Usernames identify accounts and may be recovered by email (/recover-username). */
  canRecoverUsername: boolean;
  canResendConfirmation: boolean;
}

/**
 * What "Other ways to sign in" holds besides the one-time code (login-form.tsx): a sign-in link
 * by email, the OAuth providers and the ways back into an account. Rendered on the server, so
 * none of it is JavaScript; the OAuth buttons and links work before hydration too.
 */
export async function OtherWays({ next, providers, magicLink, canReset, canRecoverUsername, canResendConfirmation }: OtherWaysProps) {
  const [t, oauth] = await Promise.all([getTranslations("signIn.login"), getTranslations("signIn.oauth")]);
  const help = [
    canReset ? { href: "/forgot-password", label: t("forgotPassword") } : null,
    canRecoverUsername ? { href: "/recover-username", label: t("forgotUsername") } : null,
    canResendConfirmation ? { href: "/confirm", label: t("resendConfirmation") } : null,
  ].filter((item) => item !== null);
  return (
    <>
      {magicLink ? (
        <Link href="/login/magic" className={buttonVariants({ variant: "secondary", className: "w-full" })}>
          {t("magicLink")}
        </Link>
      ) : null}
      <OAuthButtons providers={providers} intent="login" next={next} label={(provider) => oauth("continueWith", { provider })} />
      {help.length ? (
        <ul className="space-y-1.5 text-center text-sm">
          {help.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="link">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

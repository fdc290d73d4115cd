import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SecondFactorMethod, SecondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { CancelSignIn } from "./cancel-sign-in";

/** The footer of every second-step page: only the ways that can still finish this sign-in. */
export async function SecondStepLinks({ options, current }: { options: SecondFactorOptions; current: SecondFactorMethod | null }) {
  const t = await getTranslations("signIn.twoFactor.links");
  const others = options.usable.filter((m) => m !== current);
  return (
    <>
      {current ? (
        <p>
          <Link href="/login/two-factor/rescue">{t(`cantUse.${current}`)}</Link>
        </p>
      ) : null}
      {others.length ? (
        <p>
          <Link href="/login/two-factor/select">{t("another")}</Link>
        </p>
      ) : null}
      {options.recoveryCodes ? (
        <p>
          <Link href="/login/two-factor/recovery">{t("recovery")}</Link>
        </p>
      ) : null}
      <CancelSignIn />
    </>
  );
}

import Link from "next/link";
import type { SecondFactorMethod, SecondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { SECOND_FACTOR_NAMES } from "@/lib/view/labels";
import { CancelSignIn } from "./cancel-sign-in";

/** The footer of every second-step page: only the ways that can still finish this sign-in. */
export function SecondStepLinks({ options, current }: { options: SecondFactorOptions; current: SecondFactorMethod | null }) {
  const others = options.usable.filter((m) => m !== current);
  return (
    <>
      {current ? (
        <p>
          <Link href="/login/two-factor/rescue">Can&apos;t use your {SECOND_FACTOR_NAMES[current]}?</Link>
        </p>
      ) : null}
      {others.length ? (
        <p>
          <Link href="/login/two-factor/select">Use another method</Link>
        </p>
      ) : null}
      {options.recoveryCodes ? (
        <p>
          <Link href="/login/two-factor/recovery">Use a recovery code</Link>
        </p>
      ) : null}
      <CancelSignIn />
    </>
  );
}

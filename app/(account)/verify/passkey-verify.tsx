"use client";
import { OrDivider } from "@/components/ui/or-divider";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { finishPasskeyVerifyAction, startPasskeyVerifyAction } from "./actions";

/** "Use a passkey" on the re-verification page (only the signed-in user's passkeys count). */
export function PasskeyVerify({ next, divider }: { next?: string; divider: boolean }) {
  return (
    <>
      {divider ? <OrDivider /> : null}
      <PasskeyButton
        start={startPasskeyVerifyAction}
        finish={(answer) => finishPasskeyVerifyAction({ ...answer, next })}
        variant={divider ? "secondary" : "primary"}
      >
        Use a passkey
      </PasskeyButton>
    </>
  );
}

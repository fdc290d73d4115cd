"use client";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { finishPasskeyVerifyAction, startPasskeyVerifyAction } from "./actions";

/** "Use a passkey" on the re-verification page (only the signed-in user's passkeys count). */
export function PasskeyVerify({ next, primary }: { next?: string; primary: boolean }) {
  return (
    <PasskeyButton
      start={startPasskeyVerifyAction}
      finish={(answer) => finishPasskeyVerifyAction({ ...answer, next })}
      variant={primary ? "primary" : "secondary"}
    >
      Use a passkey
    </PasskeyButton>
  );
}

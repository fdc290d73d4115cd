"use client";
import { PasskeyButton, type PasskeyErrorWords } from "@/components/passkeys/passkey-button";
import { finishPasskeyVerifyAction, startPasskeyVerifyAction } from "./actions";

/** "Use a passkey" on the re-verification page (only the signed-in user's passkeys count). */
export function PasskeyVerify({ next, primary, label, errors }: { next?: string; primary: boolean; label: string; errors: PasskeyErrorWords }) {
  return (
    <PasskeyButton
      start={startPasskeyVerifyAction}
      finish={(answer) => finishPasskeyVerifyAction({ ...answer, next })}
      variant={primary ? "primary" : "secondary"}
      errors={errors}
    >
      {label}
    </PasskeyButton>
  );
}

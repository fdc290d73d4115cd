"use client";
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/view/form-state";
import type { AssertionStart } from "@/lib/view/passkey-ceremony";
import { loadWebAuthn, runAssertion, type CeremonyActions } from "./ceremony";

/**
 * Re-arm the autofill request before the server's challenge (SECURITY_WAN_SIGNIN_WITHIN, 60 s)
 * runs out, so a passkey picked after a long pause still verifies.
 */
const REARM_MS = 50_000;

/**
 * Passkey autofill (conditional mediation): while the sign-in page is open, the browser offers
 * this site's passkeys in the username field's suggestions. Picking one signs in; failures go
 * to `onResult` and the request is armed again.
 */
export function usePasskeyAutofill(actions: CeremonyActions<AssertionStart>, onResult: (state: FormState) => void, enabled = true): void {
  // Latest callbacks without re-running the effect (which would restart the browser request).
  const latest = useRef({ actions, onResult });
  useEffect(() => {
    latest.current = { actions, onResult };
  });

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = async () => {
      if (stopped) return;
      clearTimeout(timer);
      // Starting a new request aborts the previous one (WebAuthnAbortService), which resolves to null.
      timer = setTimeout(arm, REARM_MS);
      const result = await runAssertion(
        {
          start: () => latest.current.actions.start(),
          finish: (answer) => {
            clearTimeout(timer);
            return latest.current.actions.finish(answer);
          },
        },
        true,
      );
      if (stopped || result === null) return;
      latest.current.onResult(result);
      void arm();
    };
    void loadWebAuthn()
      .then(({ browserSupportsWebAuthnAutofill }) => browserSupportsWebAuthnAutofill())
      .then((supported) => {
        if (supported && !stopped) void arm();
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      void loadWebAuthn().then(({ WebAuthnAbortService }) => WebAuthnAbortService.cancelCeremony());
    };
  }, [enabled]);
}

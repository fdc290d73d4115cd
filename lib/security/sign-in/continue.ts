import "server-only";
import { postLoginRedirect } from "../core/redirects";
import { clearPendingLoginCookie, pendingLoginToken, setPendingLoginCookie, setRememberedDeviceCookie } from "../sessions/cookies";
import { issueSessionCookie } from "../sessions/current";
import { rememberDeviceValue } from "./remember-device";
import type { FirstFactorOutcome, SecondFactorSuccess } from "./second-factor";

/**
 * Turns a first-factor outcome into cookies and the next URL: a session (go to `next`) or a
 * pending login (go to the second-factor page).
 */
export async function continueAfterFirstFactor(outcome: FirstFactorOutcome, next: string): Promise<string> {
  if (outcome.status === "signed-in") {
    // A half-finished earlier sign-in in this browser is over.
    if (await pendingLoginToken()) await clearPendingLoginCookie();
    await issueSessionCookie(outcome.session);
    return next;
  }
  await setPendingLoginCookie(outcome.pendingToken, outcome.expiresAt);
  return secondFactorUrl(outcome.state, outcome.method);
}

/** The page that asks for a pending login's second factor. */
export function secondFactorUrl(state: string, method: string | null): string {
  if (state === "setup") return "/login/two-factor/setup";
  if (state === "select") return "/login/two-factor/select";
  return method === "passkey" ? "/login/two-factor/passkey" : "/login/two-factor";
}

/** A completed second factor: session cookie, optional remembered device, pending cookie gone. */
export async function finishSecondFactor(done: SecondFactorSuccess): Promise<string> {
  await clearPendingLoginCookie();
  await issueSessionCookie(done.session);
  if (done.rememberDevice) {
    const { value, expires } = rememberDeviceValue(done.rememberDevice);
    await setRememberedDeviceCookie(value, expires);
  }
  return postLoginRedirect(done.next);
}

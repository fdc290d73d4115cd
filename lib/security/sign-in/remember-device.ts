import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "../config";
import { constantTimeEqual } from "../core/crypto";
import type { UserRecord } from "../accounts/users";

/**
 * "Remember this device" for two-factor (Flask-Security's tf_validity cookie): a value signed over
 * the user id, the user's current uniquifier and an expiry. A password reset or an admin reset
 * rotates the uniquifier, so every remembered device must pass the second factor again.
 */
function sign(userId: string, uniquifier: string, expires: number): string {
  const key = Buffer.from(hkdfSync("sha256", getConfig().authSecret, "gatehouse", "remember-device", 32));
  return createHmac("sha256", key).update(`${userId}|${uniquifier}|${expires}`).digest("base64url");
}

export function rememberDeviceValue(user: Pick<UserRecord, "id" | "uniquifier">): { value: string; expires: Date } {
  const expires = Math.floor(Date.now() / 1000) + getConfig().twoFactor.rememberDeviceFor;
  return { value: `${user.id}.${expires}.${sign(user.id, user.uniquifier, expires)}`, expires: new Date(expires * 1000) };
}

/** Whether the cookie value vouches for this user's second factor right now. */
export function isRememberedDevice(value: string | undefined, user: Pick<UserRecord, "id" | "uniquifier">): boolean {
  if (!value || value.length > 200) return false;
  const [userId, expiresText, signature] = value.split(".");
  const expires = Number(expiresText);
  if (userId !== user.id || !Number.isInteger(expires) || expires * 1000 <= Date.now() || !signature) return false;
  return constantTimeEqual(signature, sign(user.id, user.uniquifier, expires));
}

"use server";
import QRCode from "qrcode";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import type { TwoFactorMethod } from "@/lib/security/config";
import { currentRequestContext, requireUser } from "@/lib/security/current-user";
import {
  twoFactorConfirmSetupSchema,
  twoFactorSetupSchema,
  type TwoFactorConfirmSetupInput,
  type TwoFactorSetupInput,
} from "@/lib/security/schemas";
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup } from "@/lib/security/two-factor";

/** What step 2 of the setup form needs: the proposed method, proven by the next code. */
export interface SetupStep {
  /** Opaque, server-issued, bound to this user; round-trips in a hidden field. */
  setupToken: string;
  method: TwoFactorMethod;
  /** Authenticator only. */
  qrDataUrl: string | null;
  keyGroups: string | null;
  uri: string | null;
  /** Email / sms only: where the code went (masked for phones). */
  sentTo: string | null;
}

export type StartSetupState = FormState | { tone: "info"; setup: SetupStep };

/** Size that authenticator apps scan reliably from a laptop screen; margin 1 keeps the quiet zone. */
const QR_OPTIONS = { margin: 1, width: 220 } as const;

export async function startTwoFactorSetupAction(input: TwoFactorSetupInput): Promise<StartSetupState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser({ fresh: true });
  const parsed = twoFactorSetupSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await startTwoFactorSetup(user, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  const { setupToken, method, secret, uri, phoneMasked } = result;
  return {
    tone: "info",
    setup: {
      setupToken,
      method,
      qrDataUrl: uri ? await QRCode.toDataURL(uri, QR_OPTIONS) : null,
      keyGroups: secret ? secret.match(/.{1,4}/g)!.join(" ") : null,
      uri,
      sentTo: method === "email" ? user.email : phoneMasked,
    },
  };
}

export async function confirmTwoFactorSetupAction(input: TwoFactorConfirmSetupInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser({ fresh: true });
  const parsed = twoFactorConfirmSetupSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await confirmTwoFactorSetup(user, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`/account/two-factor?notice=${result.changed ? "TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL" : "TWO_FACTOR_ENABLED"}`);
}

export async function disableTwoFactorAction(): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, authorization } = await requireUser({ fresh: true });
  const result = await disableTwoFactor(user, authorization.roles, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect("/account/two-factor?notice=TWO_FACTOR_DISABLED");
}

import type { AuthenticatorEnrollment, SetupMethod } from "@/lib/view/two-factor-types";
import type { FormState } from "@/lib/view/form-state";

/** What step 2 of the setup shows: the authenticator enrollment, or where the code went. */
export interface SetupDetails {
  method: SetupMethod;
  enrollment: AuthenticatorEnrollment | null;
  /** Masked phone number for SMS. */
  sentTo: string | null;
}

/** FormState plus, on success, the setup details. */
export type SetupStartState = (NonNullable<FormState> & { setup?: SetupDetails }) | null;

import "server-only";
import type { Queryable } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig, type CodeMethod, type TwoFactorMethod } from "../config";
import { CODE_METHODS } from "../config/values";
import { humanizeDuration } from "../config/duration";
import { fail, messageFor, type ErrorCode, type Failure } from "../core/errors";
import type { SecurityEventType } from "../core/events";
import type { UserRecord } from "../accounts/users";
import { SECURITY_PAGES } from "../core/account-pages";

/**
 * A code method (authenticator app, emailed or texted code) serves one of two purposes: the
 * second step of two-factor (one method per user, the `two_factor` table; Flask-Security's
 * tf_* views) or a first factor of unified sign-in (several per user, `sign_in_methods`;
 * Flask-Security's us_* views). Everything else about them is the same, so it is written once
 * in this folder and parameterised by the purpose; what differs lives in this table.
 */
export type CodePurpose = "two-factor" | "sign-in";

/** The methods are the same three for both purposes. */
export type AnyCodeMethod = TwoFactorMethod & CodeMethod;

export function isCodeMethod(method: string): method is AnyCodeMethod {
  return (CODE_METHODS as readonly string[]).includes(method);
}

export interface PurposeRules {
  /** Offered here (enabled, and for sign-in a code method of SECURITY_US_ENABLED_METHODS). */
  isEnabled(method: string): method is AnyCodeMethod;
  /** How long a code stays valid, in seconds either side of now. */
  window(method: AnyCodeMethod): number;
  /** The set-up token's purpose and lifetime (tf-setup: TWO_FACTOR setup; us-setup: US_SETUP_WITHIN). */
  setupToken: "tf-setup" | "us-setup";
  setupWithin: number;
  notAvailable: ErrorCode;
  setupExpired: ErrorCode;
  /** A wrong code while confirming a set-up (the field's message is the same for both). */
  wrongSetupCode(): Failure;
  sentEvent: SecurityEventType;
  /** What the sent event records: a sign-in code's email may carry a link as well. */
  sentEventData(method: AnyCodeMethod, withLink: boolean): Record<string, unknown>;
  changedEvent: SecurityEventType;
  /** What the changed event records when a set-up is confirmed (a sign-in method is one of several: "added"). */
  setupEventData: Record<string, unknown>;
  /** The email that carries a code (sign-in codes may carry a sign-in link too). */
  queueCodeEmail(user: Pick<UserRecord, "email">, code: string, loginLink: string | null, db: Queryable): Promise<void>;
  /** The email that tells the owner a method was added, changed or removed (in the change's transaction). */
  queueChangeEmail(user: Pick<UserRecord, "email">, change: MethodChange, method: AnyCodeMethod | null, db: Queryable): Promise<void>;
}

/** What happened to a method: set up for the first time, replaced by a new one, or turned off. */
export type MethodChange = "enabled" | "changed" | "disabled";

const wrongCode = (code: ErrorCode): Failure => fail(code, { code: [messageFor("TWO_FACTOR_INVALID_TOKEN")] });

export function rulesFor(purpose: CodePurpose): PurposeRules {
  const config = getConfig();
  if (purpose === "two-factor") {
    return {
      isEnabled: (method): method is AnyCodeMethod => config.twoFactor.enabled && (config.twoFactor.methods as string[]).includes(method),
      window: (method) => config.twoFactor.validity[method],
      setupToken: "tf-setup",
      setupWithin: config.twoFactor.setupWithin,
      notAvailable: "TWO_FACTOR_METHOD_NOT_AVAILABLE",
      setupExpired: "TWO_FACTOR_SETUP_EXPIRED",
      wrongSetupCode: () => wrongCode("TWO_FACTOR_INVALID_TOKEN"),
      sentEvent: "tf_security_token_sent",
      sentEventData: (method) => ({ method }),
      changedEvent: "tf_profile_changed",
      setupEventData: {},
      queueCodeEmail: (user, code, _link, db) =>
        queueEmail(
          "two_factor_instructions",
          user.email,
          { appName: config.appName, email: user.email, code, within: humanizeDuration(config.twoFactor.validity.email) },
          db,
        ),
      queueChangeEmail: (user, change, method, db) =>
        queueEmail(
          "two_factor_changed",
          user.email,
          {
            appName: config.appName,
            email: user.email,
            change,
            // The method's key: the template says it in words (lib/view/labels.ts).
            method,
            securityLink: `${config.appUrl}${SECURITY_PAGES.overview}`,
          },
          db,
        ),
    };
  }
  return {
    isEnabled: (method): method is AnyCodeMethod => config.unified.enabled && method !== "password" && (config.unified.methods as string[]).includes(method),
    // Emailed and texted codes live US_TOKEN_VALIDITY; an app's code its own window.
    window: (method) => (method === "authenticator" ? config.twoFactor.validity.authenticator : config.unified.codeValidity),
    setupToken: "us-setup",
    setupWithin: config.unified.setupWithin,
    notAvailable: "US_METHOD_NOT_AVAILABLE",
    setupExpired: "US_SETUP_EXPIRED",
    wrongSetupCode: () => wrongCode("INVALID_PASSWORD_CODE"),
    sentEvent: "us_security_token_sent",
    sentEventData: (method, withLink) => ({ method, link: withLink }),
    changedEvent: "us_profile_changed",
    setupEventData: { change: "added" },
    queueCodeEmail: (user, code, loginLink, db) =>
      queueEmail(
        "us_instructions",
        user.email,
        { appName: config.appName, email: user.email, code, loginLink, within: humanizeDuration(config.unified.codeValidity) },
        db,
      ),
    queueChangeEmail: (user, change, method, db) =>
      queueEmail(
        "sign_in_methods_changed",
        user.email,
        {
          appName: config.appName,
          email: user.email,
          // A sign-in method is one of several: its email says added or removed.
          change: change === "disabled" ? "removed" : "added",
          method: method ?? "email",
          methodsLink: `${config.appUrl}${SECURITY_PAGES.overview}`,
        },
        db,
      ),
  };
}

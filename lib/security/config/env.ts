import type { z } from "zod";
import { smsTransportOf, webauthnSettings } from "./derived";
import { envVariables } from "./env-variables";
import { oauthConfigIssues } from "./env-oauth";
import { postConfirmViewIssue } from "./env-views";

/** The variables (env-variables.ts) and the checks across them. */
export const envSchema = envVariables.superRefine((env, ctx) => {
  // `next build` runs with NODE_ENV=production but needs no runtime secrets.
  const production = env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build";
  if (production && !env.AUTH_SECRET) {
    ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production (openssl rand -base64 32)" });
  }
  if (production && env.APP_URL.startsWith("http://") && !env.SECURITY_ALLOW_INSECURE_APP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message: `must be the public https:// URL in production (got ${env.APP_URL}): over http cookies are not Secure and there is no HSTS. SECURITY_ALLOW_INSECURE_APP_URL=true allows http on a private network or a test deployment`,
    });
  }
  if (production && !env.DATABASE_URL && !env.SECURITY_ALLOW_PGLITE_IN_PRODUCTION) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message:
        "is required in production: without it Gatehouse falls back to PGlite, a development database in a local folder that only one process can open (no second instance, no managed backups). SECURITY_ALLOW_PGLITE_IN_PRODUCTION=true allows it for a throwaway test deployment",
    });
  }
  if (env.MAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY) {
    ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "MAIL_TRANSPORT=resend needs RESEND_API_KEY" });
  }
  if (production && !env.RESEND_API_KEY && env.MAIL_TRANSPORT !== "outbox") {
    ctx.addIssue({
      code: "custom",
      path: ["RESEND_API_KEY"],
      message:
        "No mail transport in production: set RESEND_API_KEY (or MAIL_TRANSPORT=outbox for a staging/test deployment; SECURITY_DEV_MAILBOX=true then shows the mail at /dev/mailbox to admins)",
    });
  }
  for (const issue of oauthConfigIssues(env)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  const smsTransport = smsTransportOf(env);
  if (smsTransport === "twilio" && !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM)) {
    ctx.addIssue({ code: "custom", path: ["TWILIO_ACCOUNT_SID"], message: "SMS through Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM" });
  }
  // Asking for sms explicitly in production without a way to send it is an error; by default
  // sms is simply not offered until Twilio is configured (see toConfig).
  const { items: methods, explicit } = env.SECURITY_TWO_FACTOR_ENABLED_METHODS;
  if (production && explicit && methods.includes("sms") && smsTransport === "outbox" && env.MAIL_TRANSPORT !== "outbox") {
    ctx.addIssue({
      code: "custom",
      path: ["SECURITY_TWO_FACTOR_ENABLED_METHODS"],
      message: "sms is enabled but no SMS transport is configured: set TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN/TWILIO_FROM or remove sms",
    });
  }
  if (
    env.SECURITY_ENCRYPTION_KEYS !== undefined &&
    !/^\s*[A-Za-z0-9]{1,16}:[A-Za-z0-9+/_-]{43,44}=?\s*(,\s*[A-Za-z0-9]{1,16}:[A-Za-z0-9+/_-]{43,44}=?\s*)*$/.test(env.SECURITY_ENCRYPTION_KEYS)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["SECURITY_ENCRYPTION_KEYS"],
      message: "expected id:base64key[,id:base64key…] with 32-byte keys, newest first (openssl rand -base64 32)",
    });
  }
  const webauthn = webauthnSettings(env);
  if (typeof webauthn === "string") ctx.addIssue({ code: "custom", path: ["WEBAUTHN_ORIGINS"], message: webauthn });
  if (!env.SECURITY_PASSWORD_REQUIRED && !(env.SECURITY_UNIFIED_SIGNIN || env.SECURITY_PASSWORDLESS)) {
    ctx.addIssue({
      code: "custom",
      path: ["SECURITY_PASSWORD_REQUIRED"],
      message: "password-less accounts need SECURITY_UNIFIED_SIGNIN or SECURITY_PASSWORDLESS to sign in",
    });
  }
  const postConfirm = postConfirmViewIssue(env.SECURITY_POST_CONFIRM_VIEW, env.SECURITY_REDIRECT_BEHAVIOR === "spa");
  if (postConfirm) ctx.addIssue({ code: "custom", path: ["SECURITY_POST_CONFIRM_VIEW"], message: postConfirm });
  if (env.SECURITY_USERNAME_MIN_LENGTH > env.SECURITY_USERNAME_MAX_LENGTH) {
    ctx.addIssue({ code: "custom", path: ["SECURITY_USERNAME_MIN_LENGTH"], message: "must not exceed SECURITY_USERNAME_MAX_LENGTH" });
  }
});

export type Env = z.output<typeof envSchema>;

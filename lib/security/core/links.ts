import { getConfig } from "../config";

const spa = (): boolean => getConfig().api.spa.enabled;

/** Absolute links for emails, always on the configured APP_URL (never the request's Host header). */
export const links = {
  // SECURITY_REDIRECT_BEHAVIOR=spa: the JSON API's link, which redirects to the single-page app's views.
  confirm: (token: string) => `${getConfig().appUrl}${spa() ? "/api/security/confirm/" : "/confirm/"}${token}`,
  resetPassword: (token: string) => `${getConfig().appUrl}${spa() ? "/api/security/reset/" : "/reset-password/"}${token}`,
  forgotPassword: () => `${getConfig().appUrl}/forgot-password`,
  sessions: () => `${getConfig().appUrl}/account/sessions`,
  login: () => `${getConfig().appUrl}/login`,
  magic: (token: string) => `${getConfig().appUrl}/login/magic/${token}`,
  unlock: (token: string) => `${getConfig().appUrl}/unlock/${token}`,
  changeEmail: (token: string) => `${getConfig().appUrl}/change-email/${token}`,
  cancelEmailChange: (token: string) => `${getConfig().appUrl}/change-email/cancel/${token}`,
};

import { getConfig } from "../config";

/** Absolute links for emails, always on the configured APP_URL (never the request's Host header). */
export const links = {
  confirm: (token: string) => `${getConfig().appUrl}/confirm/${token}`,
  resetPassword: (token: string) => `${getConfig().appUrl}/reset-password/${token}`,
  forgotPassword: () => `${getConfig().appUrl}/forgot-password`,
  login: () => `${getConfig().appUrl}/login`,
  magic: (token: string) => `${getConfig().appUrl}/login/magic/${token}`,
  unlock: (token: string) => `${getConfig().appUrl}/unlock/${token}`,
  changeEmail: (token: string) => `${getConfig().appUrl}/change-email/${token}`,
  cancelEmailChange: (token: string) => `${getConfig().appUrl}/change-email/cancel/${token}`,
};

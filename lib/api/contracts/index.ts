import { changeEmailGet, changeEmailPost, changeUsernameGet, changeUsernamePost, recoverUsernamePost } from "./lifecycle";
import {
  changeGet,
  changePost,
  confirmPost,
  confirmTokenGet,
  confirmTokenPost,
  registerPost,
  resetPost,
  resetTokenGet,
  resetTokenPost,
  verifyGet,
  verifyPost,
} from "./account";
import { loginGet, loginPost, logoutPost, meGet, oauthStartPost, refreshTokenPost } from "./login";
import { mfRecoveryCodesGet, mfRecoveryCodesPost, mfRecoveryPost } from "./recovery-codes";
import type { Contract } from "./shared";
import {
  usSetupGet,
  usSetupPost,
  usSetupTokenPost,
  usSigninGet,
  usSigninPost,
  usSigninSendCode,
  usVerifyGet,
  usVerifyPost,
  usVerifySendCode,
} from "./unified-signin";
import { wanDeletePost, wanRegisterFinish, wanRegisterGet, wanRegisterPost, wanSigninFinish, wanSigninPost, wanVerifyFinish, wanVerifyPost } from "./webauthn";
import { tfRescueGet, tfRescuePost, tfSelectGet, tfSelectPost, tfSetupGet, tfSetupPost, tfSetupTokenPost, tfValidateGet, tfValidatePost } from "./two-factor";

/** Every endpoint of the JSON API, in the order the OpenAPI document lists them. */
export const CONTRACTS: readonly Contract[] = [
  loginGet,
  loginPost,
  logoutPost,
  meGet,
  // Password and account (lib/api/contracts/account.ts).
  ...[verifyGet, verifyPost, registerPost, confirmPost, confirmTokenGet, confirmTokenPost, resetPost, resetTokenGet, resetTokenPost, changeGet, changePost],
  // Two-factor and recovery codes (lib/api/contracts/two-factor.ts, recovery-codes.ts).
  ...[tfSetupGet, tfSetupPost, tfSetupTokenPost, tfValidateGet, tfValidatePost, tfRescueGet, tfRescuePost, tfSelectGet, tfSelectPost],
  ...[mfRecoveryCodesGet, mfRecoveryCodesPost, mfRecoveryPost],
  // Unified sign-in (lib/api/contracts/unified-signin.ts).
  ...[usSigninGet, usSigninPost, usSigninSendCode],
  ...[usVerifyGet, usVerifyPost, usVerifySendCode, usSetupGet, usSetupPost, usSetupTokenPost],
  // WebAuthn (lib/api/contracts/webauthn.ts).
  ...[wanSigninPost, wanSigninFinish],
  ...[wanRegisterGet, wanRegisterPost, wanRegisterFinish, wanDeletePost, wanVerifyPost, wanVerifyFinish],
  // The account lifecycle (lib/api/contracts/lifecycle.ts).
  ...[changeEmailGet, changeEmailPost, changeUsernameGet, changeUsernamePost, recoverUsernamePost],
  // Refresh tokens (lib/api/endpoints/refresh-token.ts).
  refreshTokenPost,
  // Signing in with a provider (lib/api/endpoints/oauth.ts).
  oauthStartPost,
];

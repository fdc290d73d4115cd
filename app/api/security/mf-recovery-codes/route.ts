import { apiRoute } from "@/lib/api/route";
import { mfRecoveryCodesGet, mfRecoveryCodesPost } from "@/lib/api/contracts/recovery-codes";
import { describeRecoveryCodes, newRecoveryCodes } from "@/lib/api/endpoints/recovery-codes";

export const GET = apiRoute(mfRecoveryCodesGet, describeRecoveryCodes);
export const POST = apiRoute(mfRecoveryCodesPost, newRecoveryCodes);

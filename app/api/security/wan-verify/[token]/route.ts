import { apiRoute } from "@/lib/api/route";
import { wanVerifyFinish as contract } from "@/lib/api/contracts/webauthn";
import { wanVerifyFinish } from "@/lib/api/endpoints/webauthn-account";

export const POST = apiRoute(contract, wanVerifyFinish);

import { apiRoute } from "@/lib/api/route";
import { wanSigninFinish as contract } from "@/lib/api/contracts/webauthn";
import { wanSigninFinish } from "@/lib/api/endpoints/webauthn";

export const POST = apiRoute(contract, wanSigninFinish);

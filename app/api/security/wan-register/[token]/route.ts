import { apiRoute } from "@/lib/api/route";
import { wanRegisterFinish as contract } from "@/lib/api/contracts/webauthn";
import { wanRegisterFinish } from "@/lib/api/endpoints/webauthn-account";

export const POST = apiRoute(contract, wanRegisterFinish);

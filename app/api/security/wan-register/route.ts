import { apiRoute } from "@/lib/api/route";
import { wanRegisterGet, wanRegisterPost } from "@/lib/api/contracts/webauthn";
import { describeWanRegister, wanRegister } from "@/lib/api/endpoints/webauthn-account";

export const GET = apiRoute(wanRegisterGet, describeWanRegister);
export const POST = apiRoute(wanRegisterPost, wanRegister);

import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { wanVerifyPost } from "@/lib/api/contracts/webauthn";
import { wanVerify } from "@/lib/api/endpoints/webauthn-account";

export const GET = methodNotAllowed("POST");
export const POST = apiRoute(wanVerifyPost, wanVerify);

import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { wanSigninPost } from "@/lib/api/contracts/webauthn";
import { wanSignin } from "@/lib/api/endpoints/webauthn";

export const GET = methodNotAllowed("POST");
export const POST = apiRoute(wanSigninPost, wanSignin);

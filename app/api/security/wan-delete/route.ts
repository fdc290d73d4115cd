import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { wanDeletePost } from "@/lib/api/contracts/webauthn";
import { wanDelete } from "@/lib/api/endpoints/webauthn-account";

export const GET = methodNotAllowed("POST");
export const POST = apiRoute(wanDeletePost, wanDelete);

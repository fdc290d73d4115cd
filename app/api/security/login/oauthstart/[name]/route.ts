import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { oauthStartPost } from "@/lib/api/contracts/login";
import { oauthStart } from "@/lib/api/endpoints/oauth";

export const POST = apiRoute(oauthStartPost, oauthStart);
export const GET = methodNotAllowed("POST");

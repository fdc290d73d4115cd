import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { recoverUsernamePost } from "@/lib/api/contracts/lifecycle";
import { recoverUsernameByApi } from "@/lib/api/endpoints/lifecycle";

export const POST = apiRoute(recoverUsernamePost, recoverUsernameByApi);
export const GET = methodNotAllowed("POST");

import { apiRoute } from "@/lib/api/route";
import { loginGet, loginPost } from "@/lib/api/contracts/login";
import { describeLogin, login } from "@/lib/api/endpoints/login";

export const GET = apiRoute(loginGet, describeLogin);
export const POST = apiRoute(loginPost, login);

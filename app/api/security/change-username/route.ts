import { apiRoute } from "@/lib/api/route";
import { changeUsernameGet, changeUsernamePost } from "@/lib/api/contracts/lifecycle";
import { changeUsernameByApi, describeUsernameChange } from "@/lib/api/endpoints/lifecycle";

export const GET = apiRoute(changeUsernameGet, describeUsernameChange);
export const POST = apiRoute(changeUsernamePost, changeUsernameByApi);

import { apiRoute } from "@/lib/api/route";
import { changeEmailGet, changeEmailPost } from "@/lib/api/contracts/lifecycle";
import { changeEmail, describeEmailChange } from "@/lib/api/endpoints/lifecycle";

export const GET = apiRoute(changeEmailGet, describeEmailChange);
export const POST = apiRoute(changeEmailPost, changeEmail);

import { apiRoute } from "@/lib/api/route";
import { changeGet, changePost } from "@/lib/api/contracts/account";
import { change, describeChange } from "@/lib/api/endpoints/account";

export const GET = apiRoute(changeGet, describeChange);
export const POST = apiRoute(changePost, change);

import { apiRoute } from "@/lib/api/route";
import { usSigninGet, usSigninPost } from "@/lib/api/contracts/unified-signin";
import { describeUsSignin, usSignin } from "@/lib/api/endpoints/unified-signin";

export const GET = apiRoute(usSigninGet, describeUsSignin);
export const POST = apiRoute(usSigninPost, usSignin);

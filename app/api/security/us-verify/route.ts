import { apiRoute } from "@/lib/api/route";
import { usVerifyGet, usVerifyPost } from "@/lib/api/contracts/unified-signin";
import { describeUsVerify, usVerify } from "@/lib/api/endpoints/unified-account";

export const GET = apiRoute(usVerifyGet, describeUsVerify);
export const POST = apiRoute(usVerifyPost, usVerify);

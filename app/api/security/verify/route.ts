import { apiRoute } from "@/lib/api/route";
import { verifyGet, verifyPost } from "@/lib/api/contracts/account";
import { describeVerify, verify } from "@/lib/api/endpoints/account";

export const GET = apiRoute(verifyGet, describeVerify);
export const POST = apiRoute(verifyPost, verify);

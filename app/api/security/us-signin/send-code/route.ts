import { apiRoute } from "@/lib/api/route";
import { usSigninSendCode as contract } from "@/lib/api/contracts/unified-signin";
import { usSigninSendCode } from "@/lib/api/endpoints/unified-signin";

export const POST = apiRoute(contract, usSigninSendCode);

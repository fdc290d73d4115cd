import { apiRoute } from "@/lib/api/route";
import { usVerifySendCode as contract } from "@/lib/api/contracts/unified-signin";
import { usVerifySendCode } from "@/lib/api/endpoints/unified-account";

export const POST = apiRoute(contract, usVerifySendCode);

import { apiRoute } from "@/lib/api/route";
import { tfValidateGet, tfValidatePost } from "@/lib/api/contracts/two-factor";
import { describeRecoveryOptions, validate } from "@/lib/api/endpoints/two-factor";

export const GET = apiRoute(tfValidateGet, describeRecoveryOptions);
export const POST = apiRoute(tfValidatePost, validate);

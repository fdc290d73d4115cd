import { apiRoute } from "@/lib/api/route";
import { tfValidateGet, tfValidatePost } from "@/lib/api/contracts/two-factor";
import { describeValidate, validate } from "@/lib/api/endpoints/two-factor";

export const GET = apiRoute(tfValidateGet, describeValidate);
export const POST = apiRoute(tfValidatePost, validate);

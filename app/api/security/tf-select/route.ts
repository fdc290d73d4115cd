import { apiRoute } from "@/lib/api/route";
import { tfSelectGet, tfSelectPost } from "@/lib/api/contracts/two-factor";
import { describeSelect, select } from "@/lib/api/endpoints/two-factor";

export const GET = apiRoute(tfSelectGet, describeSelect);
export const POST = apiRoute(tfSelectPost, select);

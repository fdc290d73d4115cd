import { apiRoute } from "@/lib/api/route";
import { tfRescueGet, tfRescuePost } from "@/lib/api/contracts/two-factor";
import { describeRescue, rescue } from "@/lib/api/endpoints/two-factor";

export const GET = apiRoute(tfRescueGet, describeRescue);
export const POST = apiRoute(tfRescuePost, rescue);

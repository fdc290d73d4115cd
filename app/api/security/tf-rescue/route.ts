import { apiRoute } from "@/lib/api/route";
import { tfRescueGet, tfRescuePost } from "@/lib/api/contracts/two-factor";
import { describeRecoveryOptions, rescue } from "@/lib/api/endpoints/two-factor";

export const GET = apiRoute(tfRescueGet, describeRecoveryOptions);
export const POST = apiRoute(tfRescuePost, rescue);

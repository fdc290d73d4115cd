import { apiRoute } from "@/lib/api/route";
import { tfSetupGet, tfSetupPost } from "@/lib/api/contracts/two-factor";
import { describeSetup, setup } from "@/lib/api/endpoints/two-factor-setup";

export const GET = apiRoute(tfSetupGet, describeSetup);
export const POST = apiRoute(tfSetupPost, setup);

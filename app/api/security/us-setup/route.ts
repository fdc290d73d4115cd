import { apiRoute } from "@/lib/api/route";
import { usSetupGet, usSetupPost } from "@/lib/api/contracts/unified-signin";
import { describeUsSetup, usSetup } from "@/lib/api/endpoints/unified-account";

export const GET = apiRoute(usSetupGet, describeUsSetup);
export const POST = apiRoute(usSetupPost, usSetup);

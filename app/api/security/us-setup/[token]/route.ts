import { apiRoute } from "@/lib/api/route";
import { usSetupTokenPost } from "@/lib/api/contracts/unified-signin";
import { usSetupConfirm } from "@/lib/api/endpoints/unified-account";

export const POST = apiRoute(usSetupTokenPost, usSetupConfirm);

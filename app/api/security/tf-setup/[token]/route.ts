import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { tfSetupTokenPost } from "@/lib/api/contracts/two-factor";
import { confirmSetup } from "@/lib/api/endpoints/two-factor-setup";

export const POST = apiRoute(tfSetupTokenPost, confirmSetup);
export const GET = methodNotAllowed("POST");

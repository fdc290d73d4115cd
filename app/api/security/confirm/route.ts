import { apiRoute } from "@/lib/api/route";
import { confirmPost } from "@/lib/api/contracts/account";
import { resendConfirmation } from "@/lib/api/endpoints/email-links";

export const POST = apiRoute(confirmPost, resendConfirmation);

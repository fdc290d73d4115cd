import { apiRoute } from "@/lib/api/route";
import { resetPost } from "@/lib/api/contracts/account";
import { forgotPassword } from "@/lib/api/endpoints/email-links";

export const POST = apiRoute(resetPost, forgotPassword);

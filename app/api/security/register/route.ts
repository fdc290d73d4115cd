import { apiRoute } from "@/lib/api/route";
import { registerPost } from "@/lib/api/contracts/account";
import { register } from "@/lib/api/endpoints/email-links";

export const POST = apiRoute(registerPost, register);

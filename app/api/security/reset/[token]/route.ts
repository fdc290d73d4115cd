import { apiRoute } from "@/lib/api/route";
import { resetTokenGet, resetTokenPost } from "@/lib/api/contracts/account";
import { openResetLink, resetPassword } from "@/lib/api/endpoints/email-links";

export const GET = apiRoute(resetTokenGet, openResetLink);
export const POST = apiRoute(resetTokenPost, resetPassword);

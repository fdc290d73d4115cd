import { apiRoute } from "@/lib/api/route";
import { confirmTokenGet, confirmTokenPost } from "@/lib/api/contracts/account";
import { confirmLink, openConfirmLink } from "@/lib/api/endpoints/email-links";

export const GET = apiRoute(confirmTokenGet, openConfirmLink);
export const POST = apiRoute(confirmTokenPost, confirmLink);

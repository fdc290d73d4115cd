import { apiRoute } from "@/lib/api/route";
import { meGet } from "@/lib/api/contracts/login";
import { me } from "@/lib/api/endpoints/login";

/** The signed-in user's public profile, by session or auth token (lib/security/core/routes.ts). */
export const GET = apiRoute(meGet, me);

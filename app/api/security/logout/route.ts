import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { logoutPost } from "@/lib/api/contracts/login";
import { logout } from "@/lib/api/endpoints/login";

export const POST = apiRoute(logoutPost, logout);
// Flask-Security's LOGOUT_METHODS: a GET (a link, an <img>) must not sign anyone out.
export const GET = methodNotAllowed("POST");

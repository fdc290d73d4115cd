import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { refreshTokenPost } from "@/lib/api/contracts/login";
import { refreshToken } from "@/lib/api/endpoints/refresh-token";

// Flask-Security's refresh-token is a JSON POST only.
export const POST = apiRoute(refreshTokenPost, refreshToken);
export const GET = methodNotAllowed("POST");

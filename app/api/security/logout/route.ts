import { apiRoute, methodNotAllowed } from "@/lib/api/route";
import { logoutPost } from "@/lib/api/contracts/login";
import { logout } from "@/lib/api/endpoints/login";
import { getConfig } from "@/lib/security/config";

const signOutCall = apiRoute(logoutPost, logout);

// Flask-Security's LOGOUT_METHODS (default POST): unless GET is listed, a GET (a link, an <img>) must not sign anyone out.
function allowing(method: "GET" | "POST"): (request: Request) => Promise<Response> {
  return async (request) => {
    const methods = getConfig().forms.logoutMethods;
    return methods.includes(method) ? signOutCall(request) : methodNotAllowed(methods.join(", "))();
  };
}

export const POST = allowing("POST");
export const GET = allowing("GET");

import "server-only";

/**
 * SECURITY_REDIRECT_BEHAVIOR=spa: an emailed link's GET ends on one of the single-page app's views,
 * with `error=`, `info=` or `success=` (the message) and, on success only, `email` and `identity`
 * (Flask-Security's parameters), on SECURITY_REDIRECT_HOST when set. The URL rule lives in the core
 * (lib/security/core/redirects.ts), where the provider sign-in's completion uses it too.
 */
export { spaUrl } from "@/lib/security/core/redirects";

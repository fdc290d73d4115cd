import "server-only";
import { getConfig } from "@/lib/security/config";

/**
 * SECURITY_REDIRECT_BEHAVIOR=spa: an emailed link's GET ends on one of the single-page app's views,
 * with `error=`, `info=` or `success=` (the message) and, on success only, `email` and `identity`
 * (Flask-Security's parameters), on SECURITY_REDIRECT_HOST when set.
 */
export type SpaView = keyof ReturnType<typeof getConfig>["api"]["spa"]["views"];

export function spaUrl(view: SpaView, params: Record<string, string>): string {
  const { appUrl, api } = getConfig();
  const url = new URL(api.spa.views[view], appUrl);
  if (api.spa.host) url.host = api.spa.host;
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * The route a request path belongs to, as a bounded label for logs and metrics: "/confirm/[token]",
 * never "/confirm/9f2c…" (a path can carry a link token; a label per token would also make a
 * metric series per request). Read from the build's routes manifest, so it follows the app.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export function routeLabeller(dir, buildDir = ".next") {
  let routes = [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, buildDir, "routes-manifest.json"), "utf8"));
    routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  } catch {
    // No build here (should not happen under `npm start`): every path is "unmatched".
  }
  // Most requests are to a few paths: each path's label is remembered (up to a bound, since paths
  // with tokens are unbounded) instead of trying every route's pattern again.
  const known = new Map();
  const KNOWN_MAX = 1000;
  const label = (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    for (const route of routes) if (route.regex.test(pathname)) return route.page;
    return "unmatched";
  };
  return (url) => {
    const pathname = (url ?? "/").split("?")[0];
    let found = known.get(pathname);
    if (found === undefined) {
      found = label(pathname);
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(pathname, found);
    }
    return found;
  };
}

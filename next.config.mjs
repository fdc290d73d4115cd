import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */

// Headers for every response, static files included. The CSP and HSTS are decided at run time
// from the instance's configuration (proxy.ts, lib/security/core/headers.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// `npm test` (scripts/test.sh) builds a tree its lint step has just type-checked, and on CI's clean
// clone the build cache is thrown away with it: the build's own TypeScript pass (~36 s on two cores)
// and cache write (~11 s) are work nobody uses there. Every other build keeps both.
const testBuild = process.env.GATEHOUSE_TEST_BUILD === "1";

// Flask-Security's SECURITY_URL_PREFIX: the JSON API also answers under this prefix, by a rewrite to
// /api/security. Rewrites are compiled into the build, so it is read when building. Each endpoint
// finds its rule from its own path (lib/api/route.ts), so the prefix cannot miss the route table.
// The test build serves /auth too, so the e2e suite proves it (e2e/api-url-prefix.spec.ts).
const apiUrlPrefix = urlPrefix(process.env.SECURITY_URL_PREFIX?.trim() || (testBuild ? "/auth" : ""));

function urlPrefix(value) {
  if (!value || value === "/api/security") return null;
  const prefix = value.replace(/\/+$/, "");
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) throw new Error(`SECURITY_URL_PREFIX must be a path such as /auth (got ${JSON.stringify(value)})`);
  return prefix;
}

// The account pages that became Sign-in & security (decision 064). Permanent, with the query passed
// on (`?notice=`, a flow's own parameters) and any deeper path; the destination carries the same
// route-table rule as the page it replaces (tests/unit/routes.old-account-urls-redirect.test.ts).
export const movedAccountPages = [
  { from: "/account/two-factor", to: "/account/security/two-step" },
  { from: "/account/sign-in-methods", to: "/account/security/sign-in-codes" },
  { from: "/account/passkeys", to: "/account/security/passkeys" },
  { from: "/account/recovery-codes", to: "/account/security/recovery-codes" },
];

// `npm run bench` (scripts/bench.sh) builds the app with its control routes (/bench/floor/…: files
// named page.bench.tsx / route.bench.ts; docs/decisions/068-bench-floor-and-the-account-overview.md)
// into a folder of its own. Every other build leaves those files out: with the default extensions a
// file named page.bench.tsx is no page, so a production build has no such route.
const benchRoutes = process.env.GATEHOUSE_BENCH_ROUTES === "1";
const DEFAULT_PAGE_EXTENSIONS = ["tsx", "ts", "jsx", "js"];

const nextConfig = {
  // `npm run build` also assembles .next/standalone (scripts/standalone.mjs): a folder with only the
  // files the server needs, run as `node server.js` (the Dockerfile's image).
  output: "standalone",
  ...(benchRoutes ? { distDir: ".next-bench", pageExtensions: [...DEFAULT_PAGE_EXTENSIONS, "bench.tsx", "bench.ts"] } : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "prom-client"],
  typescript: { ignoreBuildErrors: testBuild },
  experimental: {
    ...(testBuild && process.env.CI ? { turbopackFileSystemCacheForBuild: false } : {}),
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    // A 1 MB field must reach our validation (and get a clear 400-style error), not Next's limit.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async rewrites() {
    return apiUrlPrefix ? [{ source: `${apiUrlPrefix}/:path*`, destination: "/api/security/:path*" }] : [];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  async redirects() {
    return movedAccountPages.flatMap(({ from, to }) => [
      { source: from, destination: to, permanent: true },
      { source: `${from}/:rest*`, destination: `${to}/:rest*`, permanent: true },
    ]);
  },
};

// next-intl reads each request's language and catalogue from lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);

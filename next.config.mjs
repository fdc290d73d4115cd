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

const nextConfig = {
  // `npm run build` also assembles .next/standalone (scripts/standalone.mjs): a folder with only the
  // files the server needs, run as `node server.js` (the Dockerfile's image).
  output: "standalone",
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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

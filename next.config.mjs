/** @type {import('next').NextConfig} */

// Headers for every response, static files included. The CSP and HSTS are per request and
// decided at run time from the instance's configuration (proxy.ts, lib/security/core/headers.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = {
  // `npm run build` also assembles .next/standalone (scripts/standalone.mjs): a folder with only the
  // files the server needs, run as `node server.js` (the Dockerfile's image).
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "prom-client"],
  experimental: {
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

// The layers of the code, lowest first (docs/architecture.md draws them). A module may import from
// its own layer and the layers below it, never from a layer above: eslint.config.mjs turns this list
// into import/no-restricted-paths zones, and import/no-cycle forbids circles within a layer.
export const LAYERS = [
  { name: "config", paths: ["lib/security/config", "lib/i18n/locales.ts"] },
  // With the core: the counters and the request log it reports to (lib/observability's low half).
  {
    name: "core",
    paths: [
      "lib/security/core",
      // The product's replacements of the core's utilities: read by the core, so it may import nothing above it.
      "lib/security/plugins.ts",
      "lib/observability/metrics.ts",
      "lib/observability/request-log.ts",
      "lib/observability/request-store.ts",
      "lib/observability/logger.ts",
      "lib/observability/settings.ts",
      "lib/observability/security-events.ts",
    ],
  },
  // The email templates, and the words they share with the pages (plain data).
  { name: "templates", paths: ["emails", "lib/i18n", "lib/view/labels.ts"] },
  { name: "delivery", paths: ["lib/mail", "lib/sms", "lib/outbox"] },
  { name: "accounts and sessions", paths: ["lib/security/accounts", "lib/security/sessions"] },
  { name: "factors", paths: ["lib/security/passwords", "lib/security/passkeys", "lib/security/codes", "lib/security/recovery-codes", "lib/security/oauth"] },
  { name: "flows", paths: ["lib/security/sign-in", "lib/security/registration", "lib/security/re-verify", "lib/security/lifecycle"] },
  { name: "view, operations and start-up", paths: ["lib/view", "lib/api", "lib/observability", "lib/startup.ts"] },
  { name: "components", paths: ["components"] },
  { name: "app", paths: ["app", "proxy.ts"] },
];

/**
 * import/no-restricted-paths zones: each layer's files may not import any layer above it. A lower
 * layer may own a file inside a higher layer's folder (lib/view/labels.ts): it stays importable.
 */
export function layerZones() {
  return LAYERS.flatMap((layer, index) => {
    const allowed = LAYERS.slice(0, index + 1).flatMap((l) => l.paths);
    const above = LAYERS.slice(index + 1).flatMap((l) => l.paths);
    return layer.paths.flatMap((target) =>
      above.map((from) => {
        const except = allowed.filter((p) => p.startsWith(`${from}/`)).map((p) => `./${p.slice(from.length + 1)}`);
        return {
          target: `./${target}`,
          from: `./${from}`,
          ...(except.length ? { except } : {}),
          message: `${layer.name} sits below this module's layer: imports only go down (docs/architecture.md).`,
        };
      }),
    );
  });
}

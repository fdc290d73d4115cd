import type { Plugins } from "./core/plugins";

/**
 * The one place to replace a utility of the security core (decision 044, docs/core-api.md's
 * "Extendable classes"). Name a utility and the methods to change; the rest keep their defaults,
 * and each method is handed the default as its last argument. The interfaces, with what each
 * method does, are in lib/security/core/plugins.ts. This file sits in the core layer
 * (eslint.layers.mjs): it may import the config and the core, and its own packages, nothing above.
 *
 * @example
 * export const PLUGINS: Plugins = {
 *   // Usernames compare without dots: "j.doe" and "jdoe" are one account.
 *   username: { normalize: (name, builtIn) => builtIn(name).replaceAll(".", "") },
 *   // A company rule on top of the default policy.
 *   password: { validate: async (pw, context, builtIn) => (/acme/i.test(pw) ? "PASSWORD_TOO_COMMON" : builtIn(pw, context)) },
 * };
 */
export const PLUGINS: Plugins = {};

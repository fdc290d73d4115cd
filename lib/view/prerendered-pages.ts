import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";
import { staticSettingsFingerprint } from "./static-settings";

/**
 * Where scripts/prerendered-pages.mjs writes what it found in the build (read once per process): in
 * the build's folder, which is .next-bench for the bench's build (next.config.mjs).
 */
export const PRERENDERED_MANIFEST = path.join(process.env.GATEHOUSE_BENCH_ROUTES === "1" ? ".next-bench" : ".next", "gatehouse-prerendered.json");
/** The folder of app/(anonymous)/prerendered/[locale]/…: each page there serves the URL without both. */
export const PRERENDERED_PREFIX = "/prerendered";

interface PrerenderedPage {
  /** staticSettingsFingerprint() when the page was built. */
  fingerprint: string;
  /** CSP hash sources of every script in the page's HTML, inline ones and files alike. */
  scriptHashes: string[];
}

let pages: Map<string, PrerenderedPage> | undefined;
const refused = new Set<string>();

function load(): Map<string, PrerenderedPage> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), PRERENDERED_MANIFEST), "utf8")) as { pages: Record<string, PrerenderedPage> };
    return new Map(Object.entries(manifest.pages));
  } catch {
    // `next dev`, or a build that did not run the script: every page is rendered per request.
    return new Map();
  }
}

/**
 * The prerendered page for a URL path in a language, or null when there is none or it was built with other
 * settings than this server's (an image built once and configured at start, decision 067): then
 * the page is rendered per request, and the server says so once per page rather than serving
 * stale settings in silence.
 */
export function prerenderedPage(locale: Locale, pathname: string): PrerenderedPage | null {
  pages ??= load();
  const page = pages.get(`/${locale}${pathname}`);
  if (!page) return null;
  if (page.fingerprint === staticSettingsFingerprint()) return page;
  if (!refused.has(pathname)) {
    refused.add(pathname);
    console.warn(
      `[gatehouse] ${pathname} was prerendered with other SECURITY_* settings than this server's: rendering it per request (rebuild with this environment to serve it from the cache).`,
    );
  }
  return null;
}

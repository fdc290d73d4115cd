/**
 * What the hostile-input sweep aims at, read from a production build (`.next/`): every server
 * action with a page that hosts it, every route handler, and every page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ActionTarget {
  id: string;
  name: string;
  file: string;
  /** A page whose worker runs the action (a POST to it with `Next-Action: id` calls it). */
  page: string;
}

export interface Targets {
  actions: ActionTarget[];
  routes: string[];
  pages: string[];
}

interface ReferenceManifest {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
}

// A value for each dynamic segment, so a route can be requested at all (hostile values are added by the cases).
const SEGMENT_SAMPLES: Record<string, string> = {
  "[token]": "sweep-token",
  "[...nextauth]": "session",
};

function concrete(route: string): string {
  return route.replace(/\[[^\]]+\]/g, (segment) => SEGMENT_SAMPLES[segment] ?? "x");
}

export function readTargets(root: string): Targets {
  const dotNext = path.join(root, ".next");
  const references = JSON.parse(readFileSync(path.join(dotNext, "server/server-reference-manifest.json"), "utf8")) as ReferenceManifest;
  // "/(auth)/login/page" → "/login": the build's own map from app paths to URLs.
  const appPaths = JSON.parse(readFileSync(path.join(dotNext, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const urlOf = (worker: string): string | undefined => appPaths[worker.replace(/^app/, "")];

  const internal = (url: string): boolean => url.startsWith("/_");
  const pages = Object.entries(appPaths)
    .filter(([file, url]) => file.endsWith("/page") && !internal(url))
    .map(([, url]) => concrete(url));
  const routes = Object.entries(appPaths)
    .filter(([file]) => file.endsWith("/route"))
    .map(([, url]) => url);

  const actions: ActionTarget[] = [];
  for (const [id, entry] of Object.entries(references.node)) {
    const hosts = Object.keys(entry.workers)
      .map(urlOf)
      .filter((url): url is string => Boolean(url) && !internal(url!));
    // A static page when there is one: dynamic pages need a segment value that may 404 first.
    const page = hosts.find((url) => !url.includes("[")) ?? hosts[0];
    if (!page) continue;
    actions.push({ id, name: entry.exportedName ?? "(anonymous)", file: entry.filename ?? "?", page: concrete(page) });
  }
  actions.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
  return { actions, routes, pages };
}

export { concrete as concreteRoute };

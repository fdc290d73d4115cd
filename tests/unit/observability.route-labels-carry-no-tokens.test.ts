// Guarantee: logs and metrics name a request by its route pattern, never by its path: a path can
// carry a link token (/confirm/<token>), and a label per path would be a metric series per request.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript module of the server entry
import { routeLabeller } from "@/server/route-label.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "gatehouse-routes-"));
mkdirSync(path.join(dir, ".next"));
writeFileSync(
  path.join(dir, ".next", "routes-manifest.json"),
  JSON.stringify({
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/login", regex: "^/login(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/confirm/[token]", regex: "^/confirm/([^/]+?)(?:/)?$" },
      { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    ],
  }),
);
const label = (routeLabeller as (dir: string) => (url: string) => string)(dir);

describe("route labels", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("maps dynamic segments to the route's pattern", () => {
    expect(label("/confirm/Zk3v9f2cXyq0123456789abcdefABCDEF-_xyzzy00")).toBe("/confirm/[token]");
    expect(label("/api/auth/callback/github?code=secret")).toBe("/api/auth/[...nextauth]");
  });

  it("drops the query string and keeps static routes", () => {
    expect(label("/login?next=%2Faccount&notice=x")).toBe("/login");
    expect(label("/")).toBe("/");
  });

  it("groups assets and unknown paths into fixed labels", () => {
    expect(label("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(label("/wp-login.php")).toBe("unmatched");
  });
});

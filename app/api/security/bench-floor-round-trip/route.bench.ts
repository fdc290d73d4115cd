import { floorRoundTrip } from "@/app/bench/floor/round-trip";

/**
 * Bench-only (decision 074): the floor of a JSON route that makes one database round trip — a
 * bare route handler plus one indexed read through the app's pool, no auth. /api/me must make one
 * round trip (issue #12), so this route says how much of its gap to /api/health is the round trip
 * itself. It lives under api/security/ because the proxy skips that prefix, as it skips /api/me and
 * /api/health (proxy.ts's matcher is a literal, and an exemption for a path a production build
 * lacks would serve that path's 404 without the proxy's headers).
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  await floorRoundTrip();
  return Response.json({ ok: true });
}

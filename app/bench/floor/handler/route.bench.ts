/** Bench-only: a route handler that does nothing — the floor of a JSON route such as /api/me. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}

/**
 * The answer while the database cannot be reached: 503 with Retry-After, as JSON for clients that
 * asked for JSON (route handlers, fetches, server actions) and as a small page for browsers.
 * Written here, not by Next, because Next's own error page says 500 — "broken" — where the
 * truth is "try again in a few seconds".
 */
export const RETRY_AFTER_SECONDS = 5;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.5rem}</style>
</head><body><main><h1>Temporarily unavailable</h1>
<p>We can't reach our database right now. Nothing you sent was half-saved: please try again in a few seconds.</p>
<p><a href="">Try again</a></p></main></body></html>
`;

export function wantsJson(req) {
  const accept = req.headers.accept ?? "";
  return (
    accept.includes("application/json") ||
    (req.headers["content-type"] ?? "").includes("application/json") ||
    "next-action" in req.headers ||
    "rsc" in req.headers ||
    (req.url ?? "").startsWith("/api/")
  );
}

/** [status, headers, body] of the 503 for this request. */
export function unavailableResponse(req, requestId) {
  const json = wantsJson(req);
  const body = json
    ? `${JSON.stringify({ error: "SERVICE_UNAVAILABLE", message: "The service can't reach its database right now. Try again in a few seconds.", requestId })}\n`
    : PAGE;
  return [
    503,
    {
      "content-type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
      "retry-after": String(RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
      "content-length": String(Buffer.byteLength(body)),
      "x-request-id": requestId,
    },
    body,
  ];
}

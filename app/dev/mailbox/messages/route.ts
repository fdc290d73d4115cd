import { NextResponse, type NextRequest } from "next/server";
import { listOutbox } from "@/lib/mail/outbox";
import { devMailboxStatus } from "@/lib/security/sessions/dev-mailbox-access";

const REFUSED = { 401: "sign in as an administrator", 403: "forbidden", 404: "not found" } as const;

/**
 * JSON view of the outbox for e2e tests and scripts: GET /dev/mailbox/messages?to=…&kind=email|sms|all
 * (on a staging deployment: an admin session or the x-dev-mailbox-token header).
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const status = await devMailboxStatus(request.headers);
  if (status !== 200) return NextResponse.json({ error: REFUSED[status] }, { status, headers: { "cache-control": "no-store" } });
  const to = request.nextUrl.searchParams.get("to")?.slice(0, 254) || undefined;
  const kindParam = request.nextUrl.searchParams.get("kind");
  const kind = kindParam === "sms" || kindParam === "all" ? kindParam : "email";
  const messages = await listOutbox({ to, limit: 20, kind });
  return NextResponse.json(
    { messages: messages.map(({ id, to, subject, text, html, at }) => ({ id, to, subject, text, html, at })) },
    { headers: { "cache-control": "no-store" } },
  );
}

import { NextResponse, type NextRequest } from "next/server";
import { devMailboxEnabled } from "@/lib/mail/dev-mailbox";
import { listOutbox } from "@/lib/mail/outbox";

/** JSON view of the outbox for e2e tests and scripts: GET /dev/mailbox/messages?to=…&kind=email|sms|all */
export async function GET(request: NextRequest): Promise<NextResponse> {
  if (!devMailboxEnabled()) return NextResponse.json({ error: "not found" }, { status: 404 });
  const to = request.nextUrl.searchParams.get("to")?.slice(0, 254) || undefined;
  const kindParam = request.nextUrl.searchParams.get("kind");
  const kind = kindParam === "sms" || kindParam === "all" ? kindParam : "email";
  const messages = await listOutbox({ to, limit: 20, kind });
  return NextResponse.json(
    { messages: messages.map(({ id, to, subject, text, html, at }) => ({ id, to, subject, text, html, at })) },
    { headers: { "cache-control": "no-store" } },
  );
}

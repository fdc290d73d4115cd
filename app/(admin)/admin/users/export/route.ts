import type { NextRequest } from "next/server";
import { requireUser } from "@/lib/security/sessions/guards";
import { exportUsersCsv } from "@/lib/security/accounts/user-export";
import { readUserSearch } from "../search-params";

/**
 * GET /admin/users/export?…the list's own parameters…: the current search and filters as CSV,
 * streamed. users:read, as the list (the route table's /admin/users rule, checked by requireUser).
 */
export async function GET(request: NextRequest): Promise<Response> {
  await requireUser();
  const { search } = readUserSearch(Object.fromEntries(request.nextUrl.searchParams));
  const rows = exportUsersCsv({ ...search });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="users-${stamp}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}

import { firstParam, noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getLocale } from "next-intl/server";
import { ConfirmView, confirmMetadata } from "./confirm-view";

export async function generateMetadata() {
  return confirmMetadata();
}

/** /confirm rendered per request: with an email, a notice or a session cookie (proxy.ts; decision 067). */
export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return <ConfirmView email={firstParam(params.email)?.slice(0, 254) ?? ""} notice={noticeFrom(params.notice, undefined, await getLocale())} />;
}

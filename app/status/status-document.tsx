import { getConfig } from "@/lib/security/config";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";
import { StatusDocumentView, type StatusWords } from "@/app/status/status-view";

/**
 * The root's status pages draw their own document: the root layout has none (app/layout.tsx). They
 * answer a URL no route matches, or a layout that failed before its group's boundary could
 * (app/status/status-view.tsx draws them).
 */
export async function StatusDocument({ status }: { status: StatusWords }) {
  return <StatusDocumentView locale={await localeOfThisRequest()} appName={getConfig().appName} status={status} />;
}

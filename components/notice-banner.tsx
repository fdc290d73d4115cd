import { Alert } from "@/components/ui/alert";
import type { Notice } from "@/lib/view/notices";

/** The flash message of a redirect (see lib/view/notices.ts). */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <Alert tone={notice.tone} testId="notice" className="mb-5">
      {notice.message}
    </Alert>
  );
}

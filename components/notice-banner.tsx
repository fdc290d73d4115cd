"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { Notice } from "@/lib/view/notices";

const FORM_ERROR = "notice-banner:form-error";

/** Said by a form that shows a new error (components/form-message.tsx). */
export function announceFormError(): void {
  window.dispatchEvent(new Event(FORM_ERROR));
}

/**
 * The flash message of a redirect (see lib/view/notices.ts). It stays until a form on the page
 * shows an error: from then on it no longer applies, and two alerts would disagree.
 */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  // Which notice was cleared: a redirect to a new ?notice= keeps this component mounted, and the new one shows.
  const shown = notice ? `${notice.code} ${notice.message}` : null;
  const [cleared, setCleared] = useState<string | null>(null);
  useEffect(() => {
    const clear = () => setCleared(shown);
    window.addEventListener(FORM_ERROR, clear);
    return () => window.removeEventListener(FORM_ERROR, clear);
  }, [shown]);
  if (!notice || cleared === shown) return null;
  return (
    <Alert tone={notice.tone} testId="notice" className="mb-5">
      {notice.message}
    </Alert>
  );
}

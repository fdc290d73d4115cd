"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { Notice } from "@/lib/view/notices";

const FORM_ERROR = "gatehouse:form-error";

/** Said by a form that shows a new error (components/form-message.tsx). */
export function announceFormError(): void {
  window.dispatchEvent(new Event(FORM_ERROR));
}

/**
 * The flash message of a redirect (see lib/view/notices.ts). It stays until a form on the page
 * shows an error: from then on it no longer applies, and two alerts would disagree.
 */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    const clear = () => setCleared(true);
    window.addEventListener(FORM_ERROR, clear);
    return () => window.removeEventListener(FORM_ERROR, clear);
  }, []);
  if (!notice || cleared) return null;
  return (
    <Alert tone={notice.tone} testId="notice" className="mb-5">
      {notice.message}
    </Alert>
  );
}

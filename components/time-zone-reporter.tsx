"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Tells the server the browser's time zone when it differs from the one the account remembers
 * (decision 066), then re-renders the page so its times use it. Renders nothing. A refused report
 * (a view-as session, a zone the server does not know) leaves the page in the zone it has.
 */
export function TimeZoneReporter({ stored }: { stored: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === stored) return;
    void fetch("/account/time-zone", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ timeZone: zone }),
    }).then((response) => {
      if (response.ok) router.refresh();
    });
  }, [stored, router]);
  return null;
}

"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's link: next/link that prefetches on intent (pointer over it, keyboard focus, a touch),
 * not on sight. next/link prefetches every link that scrolls into view, and almost every page
 * here is rendered per request for its reader: one view of /account asked the server for ten
 * more pages (the account nav, the header, the cards), each a session lookup and a render,
 * measured at a fifth of the server's work in the e2e suite. A link the reader points at is
 * still fetched before the click lands. (Next.js documents this pattern as "prefetch on hover".)
 *
 * `prefetch` passed explicitly wins: `false` never prefetches, `true` prefetches on sight.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  const want = () => setIntent(true);
  return (
    <NextLink
      {...props}
      prefetch={prefetch ?? (intent ? null : false)}
      onMouseEnter={(event) => {
        want();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        want();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        want();
        onTouchStart?.(event);
      }}
    />
  );
}

import type { ReactNode } from "react";

// http(s) URLs in plain text, up to whitespace or a closing bracket; a final sentence mark stays text.
const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/g;

/**
 * Plain text with its web addresses as links that open in a new tab (the dev mailbox's text
 * bodies), so confirming an account is a click, not a copy and paste. Only http(s) becomes a link.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} href={match[0]} target="_blank" rel="noopener noreferrer" className="link break-all">
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

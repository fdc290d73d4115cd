import type { ReactNode } from "react";
import { SiteChrome } from "@/app/site-chrome";

/** Rendered per request: the header shows who is signed in (app/site-chrome.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}

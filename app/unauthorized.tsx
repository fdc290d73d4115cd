import { UnauthorizedContent } from "@/app/status/status-content";

/**
 * unauthorized()'s page (authInterrupts is on for forbidden()). Nothing calls unauthorized() —
 * guards redirect to /login — but Next puts this page into every page's RSC payload, once per
 * layout: this one is its words, where Next's default is over a kilobyte (decisions 068 and 075).
 */
export default UnauthorizedContent;

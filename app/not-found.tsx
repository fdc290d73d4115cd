import { notFoundWords } from "@/app/status/status-content";
import { StatusDocument } from "@/app/status/status-document";

/** A URL no route matches (each group that draws the site chrome has its own, lighter boundary). */
export default async function NotFound() {
  return <StatusDocument status={await notFoundWords()} />;
}

import { NotFoundContent } from "@/app/status/status-content";
import { StatusDocument } from "@/app/status/status-document";

/** A URL no route matches (each group that draws the site chrome has its own, lighter boundary). */
export default function NotFound() {
  return (
    <StatusDocument>
      <NotFoundContent />
    </StatusDocument>
  );
}

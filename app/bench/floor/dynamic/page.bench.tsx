import { headers } from "next/headers";
import { FloorChrome } from "../chrome";
import { FloorMarkup } from "../markup";

/**
 * Bench-only: rendered on every request (it reads the request's headers), no session, no database,
 * inside the signed-in chrome /account draws. The chrome is drawn here, not by a layout: a layout
 * only the bench build has would put a route into its generated types that `npm run build`'s lack.
 */
export default async function DynamicFloorPage() {
  const stamp = (await headers()).get("x-request-id") ?? "";
  return (
    <FloorChrome signedIn>
      <FloorMarkup stamp={stamp.slice(0, 8)} account />
    </FloorChrome>
  );
}

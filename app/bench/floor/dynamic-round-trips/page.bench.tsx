import { headers } from "next/headers";
import { FloorChrome } from "../chrome";
import { FloorMarkup } from "../markup";
import { floorRoundTrip } from "../round-trip";

/**
 * Bench-only (decision 075): the dynamic floor plus the two database round trips /account must
 * make (issue #19: the session lookup plus one), one after the other as /account's are. Next to the
 * dynamic floor it says what the round trips alone cost, in the app's CPU, in PostgreSQL's and,
 * with two processes on two cores, in scaling; next to /account, what Gatehouse's own work costs.
 */
export default async function DynamicRoundTripsFloorPage() {
  const stamp = (await headers()).get("x-request-id") ?? "";
  await floorRoundTrip();
  await floorRoundTrip();
  return (
    <FloorChrome signedIn>
      <FloorMarkup stamp={stamp.slice(0, 8)} account />
    </FloorChrome>
  );
}

import { headers } from "next/headers";
import { FloorMarkup } from "../markup";

/** Bench-only: rendered on every request (it reads the request's headers), no session, no database. */
export default async function DynamicFloorPage() {
  const stamp = (await headers()).get("x-request-id") ?? "";
  return <FloorMarkup stamp={stamp.slice(0, 8)} />;
}

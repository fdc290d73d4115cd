import { FloorMarkup } from "../markup";

/** Bench-only: prerendered at build time and served from the cache. */
export const dynamic = "force-static";

export default function StaticFloorPage() {
  return <FloorMarkup stamp="2026-01-01" />;
}

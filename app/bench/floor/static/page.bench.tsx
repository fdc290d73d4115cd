import { FloorChrome } from "../chrome";
import { FloorMarkup } from "../markup";

/** Bench-only: prerendered at build time and served from the cache, inside the prerendered pages' signed-out chrome. */
export const dynamic = "force-static";

export default function StaticFloorPage() {
  return (
    <FloorChrome signedIn={false}>
      <FloorMarkup stamp="2026-01-01" />
    </FloorChrome>
  );
}

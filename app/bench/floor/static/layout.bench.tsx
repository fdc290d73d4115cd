import type { ReactNode } from "react";
import { FloorChrome } from "../chrome";

/** Bench-only: the signed-out chrome of the prerendered /login, with constant words. */
export default function StaticFloorLayout({ children }: { children: ReactNode }) {
  return <FloorChrome signedIn={false}>{children}</FloorChrome>;
}

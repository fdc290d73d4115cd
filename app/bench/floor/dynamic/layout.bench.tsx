import type { ReactNode } from "react";
import { FloorChrome } from "../chrome";

/** Bench-only: the signed-in chrome of /account, with constant words. */
export default function DynamicFloorLayout({ children }: { children: ReactNode }) {
  return <FloorChrome signedIn>{children}</FloorChrome>;
}

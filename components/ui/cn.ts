import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, and when two set the same property the later wins (`cn("px-4", "px-2")` is
 * "px-2"), so a caller's `className` reliably overrides a component's own. For components that
 * render only on the server: tailwind-merge is ~7 kB gzipped, more than /login's whole JS budget
 * has left (DESIGN.md principle 12; decision 059). Components that ship to the browser join with
 * clsx and offer variants instead.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

"use client";

import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import type { Theme } from "@/lib/view/theme";

const OPTIONS: ReadonlyArray<{ value: Theme; icon: LucideIcon }> = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
];

export type ThemeSwitchWords = { group: string } & Record<Theme, string>;

/**
 * The switch's markup (components/theme-switch.tsx gives it its words). A client component only so
 * that the markup, three icons and their classes, is not written a second time into every page's
 * RSC payload: it has no state and no handler, and works as a plain form before hydration.
 */
export function ThemeSwitchView({ words, theme }: { words: ThemeSwitchWords; theme?: Theme }) {
  return (
    <form
      method="post"
      action="/theme"
      data-theme-switch=""
      role="group"
      aria-label={words.group}
      className="flex items-center gap-0.5 rounded-lg p-0.5 ring-1 ring-inset ring-border"
      data-testid="theme-switch"
    >
      {OPTIONS.map(({ value, icon: Icon }) => (
        <button
          key={value}
          type="submit"
          name="theme"
          value={value}
          // On a prerendered page the inline script presses the visitor's button before hydration.
          aria-pressed={(theme ?? "system") === value}
          suppressHydrationWarning
          aria-label={words[value]}
          title={words[value]}
          className="flex size-7 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-foreground aria-pressed:bg-subtle aria-pressed:text-foreground focus-visible:outline-offset-0"
        >
          <Icon aria-hidden="true" className="size-4" />
        </button>
      ))}
    </form>
  );
}

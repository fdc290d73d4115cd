"use client";
import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleCheck, X } from "lucide-react";
import { useState } from "react";

/** Long enough to read a short sentence twice; hovering or focusing the toast pauses it (Radix). */
const TOAST_DURATION_MS = 6_000;

/**
 * The result of an action, said once in a toast (Radix: a polite live region, swipe or Escape to
 * dismiss, F8 to reach it by keyboard). Rendered by the page the action redirected to; without
 * JavaScript the page shows the same words in its `<noscript>` alert instead, so they are never
 * on screen twice.
 */
export function ResultToast({
  message,
  dismissLabel = "Dismiss",
}: {
  message: string;
  /** The close button's name, in the page's language. */ dismissLabel?: string;
}) {
  const [open, setOpen] = useState(true);
  return (
    <ToastPrimitive.Provider duration={TOAST_DURATION_MS} swipeDirection="right">
      <ToastPrimitive.Root
        open={open}
        onOpenChange={setOpen}
        data-testid="toast"
        className="flex items-start gap-3 rounded-lg border border-success-border bg-surface p-3.5 text-sm text-foreground shadow-lg"
      >
        <CircleCheck aria-hidden="true" className="mt-px size-5 shrink-0 text-success-text" />
        <ToastPrimitive.Description className="flex-1">{message}</ToastPrimitive.Description>
        <ToastPrimitive.Close className="rounded-md p-0.5 text-muted hover:text-foreground" aria-label={dismissLabel}>
          <X aria-hidden="true" className="size-4" />
        </ToastPrimitive.Close>
      </ToastPrimitive.Root>
      <ToastPrimitive.Viewport className="fixed end-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}

"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { clsx } from "clsx";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

/**
 * A modal dialog, built the way shadcn/ui builds one: Radix does focus trapping, Escape, outside
 * clicks, scroll locking and the ARIA wiring; this file only gives it the design's looks. It is a
 * client component, so classes are joined, not merged (decision 059); none of it loads on /login.
 */
export const Dialog = DialogPrimitive.Root;
/** @public part of the kit: a dialog opened by its own button (ConfirmForm opens one from a submit instead). */
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

/** `closeLabel` names the corner ✕ for screen readers, in the page's language (English by default). */
export function DialogContent({
  className,
  children,
  closeLabel = "Close",
  ...rest
}: ComponentProps<typeof DialogPrimitive.Content> & { closeLabel?: string }) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-foreground/40 backdrop-blur-[1px]" />
      <DialogPrimitive.Content
        {...rest}
        className={clsx(
          "fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-xl border border-border bg-surface p-6 text-foreground shadow-lg focus:outline-none",
          className,
        )}
      >
        {children}
        <DialogPrimitive.Close className="absolute end-3 top-3 rounded-md p-1.5 text-muted hover:bg-subtle hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <X aria-hidden="true" className="size-4" />
          <span className="sr-only">{closeLabel}</span>
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="space-y-1.5 pe-6">
      <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
      {description ? <DialogPrimitive.Description className="text-sm text-muted">{description}</DialogPrimitive.Description> : null}
    </div>
  );
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}

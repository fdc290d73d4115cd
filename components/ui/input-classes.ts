import { cva } from "class-variance-authority";

// A module of its own, not text-field.tsx: a server component cannot import a value from a "use client" module.
export const inputVariants = cva(
  "block h-10 w-full rounded-lg border border-input bg-surface px-3 text-base text-foreground shadow-xs outline-none transition-[border-color,box-shadow] placeholder:text-muted focus:border-ring focus:ring-3 focus:ring-ring/25 disabled:cursor-not-allowed disabled:bg-subtle disabled:text-muted aria-invalid:border-danger-text aria-invalid:focus:ring-danger/25 sm:text-sm",
  {
    // Room at the end (the right, or the left in Arabic) for a button inside the field (show/hide password).
    variants: { trailingButton: { true: "pe-11", false: "" } },
    defaultVariants: { trailingButton: false },
  },
);

export const inputClasses = inputVariants();

"use client";
import type { ComponentProps } from "react";
import { TextField } from "@/components/ui/text-field";

/** A 6-digit code field: numeric keypad on phones, SMS/email code autofill, no spellcheck. The label comes in the page's language. */
export function OneTimeCodeField(props: ComponentProps<typeof TextField>) {
  return (
    <TextField
      dir="ltr"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 -]*"
      maxLength={12}
      spellCheck={false}
      autoCapitalize="none"
      {...props}
    />
  );
}

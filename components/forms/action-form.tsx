"use client";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A console form: a plain <form> posting to its server action (it works before JavaScript loads),
 * with the action's answer shown above the fields and the button pending meanwhile. Field errors
 * come back by name; `children` receive them. `noValidate`: the browser's own checks (`required`)
 * would answer first, in its words and a bubble of its own; the action answers in the product's
 * (lib/view/words.ts through stateFromFailure), under the field, with or without JavaScript.
 */
export function ActionForm({
  action,
  submitLabel,
  variant = "primary",
  label,
  className,
  hidden,
  children,
}: {
  action: FormAction;
  submitLabel: string;
  variant?: ButtonVariant;
  /** The form's accessible name (several forms share a page). */
  label: string;
  className?: string;
  hidden?: Record<string, string>;
  children?: (fieldErrors: Record<string, string[]>) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} noValidate className={className ?? "space-y-4"}>
      <FormMessage state={state} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state?.fieldErrors ?? {})}
      <Button type="submit" variant={variant} size="sm" pending={pending} className="justify-self-start">
        {submitLabel}
      </Button>
    </form>
  );
}

"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import type { FormState } from "@/lib/view/form-state";
import { chooseMethodAction } from "./actions";

interface Option {
  value: string;
  title: string;
  detail: string;
}

/** One button per method: a single click chooses and continues (no radio + submit round). */
export function MethodChoice({ options, label }: { options: Option[]; label: string }) {
  const [state, action, pending] = useActionState((_: FormState, data: FormData) => chooseMethodAction(data), null);
  return (
    <form action={action} className="space-y-3" aria-label={label}>
      <FormMessage state={state} />
      {options.map((o) => (
        <button
          key={o.value}
          type="submit"
          name="method"
          value={o.value}
          disabled={pending}
          className="block w-full rounded-lg border border-border p-4 text-start transition-colors hover:border-primary hover:bg-primary-soft focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25 disabled:opacity-60"
        >
          <span className="block text-sm font-medium">{o.title}</span>
          <span className="mt-0.5 block text-sm text-muted">{o.detail}</span>
        </button>
      ))}
    </form>
  );
}

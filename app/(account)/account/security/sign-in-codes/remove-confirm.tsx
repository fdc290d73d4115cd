"use client";
import { useState } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { removeSignInMethodAction } from "./actions";
import type { SignInMethodView } from "./method-view";

/** "Remove X? [Remove] [Cancel]": removal takes effect at once, so it asks once more. */
export function RemoveConfirm({ method, words, onCancel }: { method: SignInMethodView; words: { remove: string; cancel: string }; onCancel: () => void }) {
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<FormState>(null);
  const onConfirm = async () => {
    setPending(true);
    try {
      // Success redirects (the promise never settles); a refusal such as the last way to sign in comes back here.
      setState(await removeSignInMethodAction({ method: method.value }));
    } finally {
      setPending(false);
    }
  };
  const [before, after] = method.removeText;
  return (
    <div role="group" aria-label={method.removeQuestion} className="space-y-3 rounded-lg border border-danger-border bg-danger-soft p-4">
      <FormMessage state={state} />
      <p className="text-sm">
        {before}
        <span className="font-medium">{method.name}</span>
        {after}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" size="sm" pending={pending} onClick={onConfirm} autoFocus>
          {words.remove}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          {words.cancel}
        </Button>
      </div>
    </div>
  );
}

"use client";
import { useState } from "react";
import { FormMessage } from "@/components/form-message";
import { useServerForm } from "@/components/forms/use-server-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/view/form-state";
import { renamePasskeySchema } from "@/lib/security/core/schemas";
import { deletePasskeyAction, renamePasskeyAction } from "./actions";
import type { PasskeyView } from "./passkey-view";

type Mode = "view" | "rename" | "delete";

/** One passkey: its details, and rename / remove (removal asks for confirmation). */
export function PasskeyItem({ passkey }: { passkey: PasskeyView }) {
  const [mode, setMode] = useState<Mode>("view");
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="passkey-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium break-words">
            <span data-testid="passkey-name">{passkey.name}</span>
            <Badge tone={passkey.usage === "first" ? "accent" : "neutral"}>{passkey.usage === "first" ? "Sign in" : "Second step"}</Badge>
            {passkey.synced ? <Badge tone="success">Synced</Badge> : null}
          </p>
          <p className="text-sm text-muted">
            Added {passkey.createdAt} · {passkey.lastUsedAt ? `last used ${passkey.lastUsedAt}` : "never used"}
          </p>
          <p className="text-sm text-muted">
            {passkey.deviceType} · via {passkey.transports}
          </p>
        </div>
        {mode === "view" ? (
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={() => setMode("rename")} aria-label={`Rename ${passkey.name}`}>
              Rename
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setMode("delete")} aria-label={`Remove ${passkey.name}`}>
              Remove
            </Button>
          </div>
        ) : null}
      </div>
      {mode === "rename" ? <RenameForm passkey={passkey} onCancel={() => setMode("view")} /> : null}
      {mode === "delete" ? <ConfirmDelete passkey={passkey} onCancel={() => setMode("view")} /> : null}
    </li>
  );
}

function RenameForm({ passkey, onCancel }: { passkey: PasskeyView; onCancel: () => void }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(renamePasskeySchema, renamePasskeyAction, { id: passkey.id, name: passkey.name });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Rename ${passkey.name}`}>
      <FormMessage state={state} />
      <TextField label="New name" autoComplete="off" maxLength={64} autoFocus error={errorOf("name")} {...form.register("name")} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending}>
          Save name
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ConfirmDelete({ passkey, onCancel }: { passkey: PasskeyView; onCancel: () => void }) {
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<FormState>(null);
  const onConfirm = async () => {
    setPending(true);
    try {
      setState(await deletePasskeyAction({ id: passkey.id }));
    } finally {
      setPending(false);
    }
  };
  return (
    <div role="group" aria-label={`Remove ${passkey.name}?`} className="space-y-3 rounded-lg border border-danger-border bg-danger-soft p-4">
      <FormMessage state={state} />
      <p className="text-sm">
        Remove <span className="font-medium break-words">{passkey.name}</span>? You won&apos;t be able to use it to sign in any more. Also delete it from the
        device or password manager that holds it.
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="danger" size="sm" pending={pending} onClick={onConfirm} autoFocus>
          Remove passkey
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

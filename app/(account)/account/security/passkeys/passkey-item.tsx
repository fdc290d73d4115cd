"use client";
import { useState } from "react";
import { FormMessage } from "@/components/form-message";
import { useServerForm } from "@/components/forms/use-server-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/view/form-state";
import { aroundPlaceholder, fillWords } from "@/lib/i18n/fill";
import type { SchemaWords } from "@/lib/view/schema-words";
import { renamePasskeySchema } from "@/lib/security/core/schemas";
import { deletePasskeyAction, renamePasskeyAction } from "./actions";
import type { PasskeyView } from "./passkey-view";

/** account.passkeys in the page's language; templates keep their {name}/{date} for the browser to fill. */
export interface PasskeyItemWords {
  signIn: string;
  secondStep: string;
  synced: string;
  added: string;
  lastUsed: string;
  neverUsed: string;
  kind: string;
  rename: string;
  renameAria: string;
  remove: string;
  removeAria: string;
  newName: string;
  saveName: string;
  cancel: string;
  removeQuestion: string;
  removeBody: string;
  removePasskey: string;
  schema: SchemaWords;
}

type Mode = "view" | "rename" | "delete";

/** One passkey: its details, and rename / remove (removal asks for confirmation). */
export function PasskeyItem({ passkey, words }: { passkey: PasskeyView; words: PasskeyItemWords }) {
  const [mode, setMode] = useState<Mode>("view");
  const name = { name: passkey.name };
  const lastUsed = passkey.lastUsedAt ? fillWords(words.lastUsed, { date: passkey.lastUsedAt }) : words.neverUsed;
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="passkey-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium break-words">
            <bdi data-testid="passkey-name">{passkey.name}</bdi>
            <Badge tone={passkey.usage === "first" ? "accent" : "neutral"}>{passkey.usage === "first" ? words.signIn : words.secondStep}</Badge>
            {passkey.synced ? <Badge tone="success">{words.synced}</Badge> : null}
          </p>
          <p className="text-sm text-muted">
            {fillWords(words.added, { date: passkey.createdAt })} · {lastUsed}
          </p>
          <p className="text-sm text-muted">{fillWords(words.kind, { device: passkey.deviceType, transports: passkey.transports })}</p>
        </div>
        {mode === "view" ? (
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={() => setMode("rename")} aria-label={fillWords(words.renameAria, name)}>
              {words.rename}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setMode("delete")} aria-label={fillWords(words.removeAria, name)}>
              {words.remove}
            </Button>
          </div>
        ) : null}
      </div>
      {mode === "rename" ? <RenameForm passkey={passkey} words={words} onCancel={() => setMode("view")} /> : null}
      {mode === "delete" ? <ConfirmDelete passkey={passkey} words={words} onCancel={() => setMode("view")} /> : null}
    </li>
  );
}

interface PartProps {
  passkey: PasskeyView;
  words: PasskeyItemWords;
  onCancel: () => void;
}

function RenameForm({ passkey, words, onCancel }: PartProps) {
  const { field, state, formProps, errorOf, pending } = useServerForm(
    renamePasskeySchema,
    renamePasskeyAction,
    { id: passkey.id, name: passkey.name },
    words.schema,
  );
  return (
    <form {...formProps} className="space-y-3" aria-label={fillWords(words.renameAria, { name: passkey.name })}>
      <FormMessage state={state} />
      <TextField label={words.newName} autoComplete="off" maxLength={64} autoFocus error={errorOf("name")} {...field("name")} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending}>
          {words.saveName}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {words.cancel}
        </Button>
      </div>
    </form>
  );
}

function ConfirmDelete({ passkey, words, onCancel }: PartProps) {
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
  const [before, after] = aroundPlaceholder(words.removeBody, "name");
  return (
    <div
      role="group"
      aria-label={fillWords(words.removeQuestion, { name: passkey.name })}
      className="space-y-3 rounded-lg border border-danger-border bg-danger-soft p-4"
    >
      <FormMessage state={state} />
      <p className="text-sm">
        {before}
        <bdi className="font-medium break-words">{passkey.name}</bdi>
        {after}
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="danger" size="sm" pending={pending} onClick={onConfirm} autoFocus>
          {words.removePasskey}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {words.cancel}
        </Button>
      </div>
    </div>
  );
}

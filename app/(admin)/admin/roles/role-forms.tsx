"use client";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { addPermissionsAction, createRoleAction, describeRoleAction, renameRoleAction } from "./actions";

/** The roles editor's words (admin.roles.forms), translated by the server page. */
export interface RoleFormWords {
  name: string;
  description: string;
  permissions: string;
  permissionsHint: string;
  create: string;
  createLabel: string;
  rename: string;
  renameLabel: string;
  saveDescription: string;
  describeLabel: string;
  add: string;
  addLabel: string;
}

export function CreateRoleForm({ words }: { words: RoleFormWords }) {
  return (
    <ActionForm action={createRoleAction} submitLabel={words.create} label={words.createLabel} className="grid max-w-xl gap-4">
      {(errors) => (
        <>
          <TextField label={words.name} name="name" required autoComplete="off" spellCheck={false} maxLength={64} error={errors.name?.[0]} />
          <TextField label={words.description} name="description" autoComplete="off" maxLength={500} error={errors.description?.[0]} />
          <TextField
            label={words.permissions}
            name="permissions"
            autoComplete="off"
            spellCheck={false}
            hint={words.permissionsHint}
            error={errors.permissions?.[0]}
          />
        </>
      )}
    </ActionForm>
  );
}

export function RenameRoleForm({ role, words }: { role: string; words: RoleFormWords }) {
  return (
    <ActionForm
      action={renameRoleAction}
      submitLabel={words.rename}
      variant="secondary"
      label={words.renameLabel}
      hidden={{ role }}
      className="grid max-w-md gap-3"
    >
      {(errors) => (
        <TextField label={words.name} name="name" defaultValue={role} required autoComplete="off" spellCheck={false} maxLength={64} error={errors.name?.[0]} />
      )}
    </ActionForm>
  );
}

export function DescribeRoleForm({ role, description, words }: { role: string; description: string; words: RoleFormWords }) {
  return (
    <ActionForm
      action={describeRoleAction}
      submitLabel={words.saveDescription}
      variant="secondary"
      label={words.describeLabel}
      hidden={{ role }}
      className="grid max-w-md gap-3"
    >
      {(errors) => (
        <TextField label={words.description} name="description" defaultValue={description} autoComplete="off" maxLength={500} error={errors.description?.[0]} />
      )}
    </ActionForm>
  );
}

export function AddPermissionsForm({ role, words }: { role: string; words: RoleFormWords }) {
  return (
    <ActionForm
      action={addPermissionsAction}
      submitLabel={words.add}
      variant="secondary"
      label={words.addLabel}
      hidden={{ role }}
      className="grid max-w-md gap-3"
    >
      {(errors) => (
        <TextField
          label={words.addLabel}
          name="permissions"
          required
          autoComplete="off"
          spellCheck={false}
          hint={words.permissionsHint}
          error={errors.permissions?.[0]}
        />
      )}
    </ActionForm>
  );
}

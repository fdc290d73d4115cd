"use client";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { addPermissionsAction, createRoleAction, describeRoleAction, renameRoleAction } from "./actions";

const PERMISSIONS_HINT = "resource:action, e.g. posts:read or posts:* — separate several with commas or spaces.";

export function CreateRoleForm() {
  return (
    <ActionForm action={createRoleAction} submitLabel="Create role" label="Create a role" className="grid max-w-xl gap-4">
      {(errors) => (
        <>
          <TextField label="Name" name="name" required autoComplete="off" spellCheck={false} maxLength={64} error={errors.name?.[0]} />
          <TextField label="Description" name="description" autoComplete="off" maxLength={500} error={errors.description?.[0]} />
          <TextField label="Permissions" name="permissions" autoComplete="off" spellCheck={false} hint={PERMISSIONS_HINT} error={errors.permissions?.[0]} />
        </>
      )}
    </ActionForm>
  );
}

export function RenameRoleForm({ role }: { role: string }) {
  return (
    <ActionForm action={renameRoleAction} submitLabel="Rename" variant="secondary" label="Rename the role" hidden={{ role }} className="grid max-w-md gap-3">
      {(errors) => (
        <TextField label="Name" name="name" defaultValue={role} required autoComplete="off" spellCheck={false} maxLength={64} error={errors.name?.[0]} />
      )}
    </ActionForm>
  );
}

export function DescribeRoleForm({ role, description }: { role: string; description: string }) {
  return (
    <ActionForm
      action={describeRoleAction}
      submitLabel="Save description"
      variant="secondary"
      label="Describe the role"
      hidden={{ role }}
      className="grid max-w-md gap-3"
    >
      {(errors) => (
        <TextField label="Description" name="description" defaultValue={description} autoComplete="off" maxLength={500} error={errors.description?.[0]} />
      )}
    </ActionForm>
  );
}

export function AddPermissionsForm({ role }: { role: string }) {
  return (
    <ActionForm action={addPermissionsAction} submitLabel="Add" variant="secondary" label="Add permissions" hidden={{ role }} className="grid max-w-md gap-3">
      {(errors) => (
        <TextField
          label="Add permissions"
          name="permissions"
          required
          autoComplete="off"
          spellCheck={false}
          hint={PERMISSIONS_HINT}
          error={errors.permissions?.[0]}
        />
      )}
    </ActionForm>
  );
}

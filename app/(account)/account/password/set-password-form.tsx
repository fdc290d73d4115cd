"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { NewPasswordFields, type NewPasswordFieldsWords } from "@/components/forms/new-password-fields";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { setPasswordSchema } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { setPasswordAction, setPasswordPosted } from "./actions";

/** The password forms' words, in the page's language (the hint has the minimum length filled in). */
export interface PasswordWords extends NewPasswordFieldsWords {
  change: string;
  set: string;
  current: string;
  setButton: string;
  schema: SchemaWords;
}

/** For accounts created without a password: no current password to ask for. */
export function SetPasswordForm({ words }: { words: PasswordWords }) {
  const { form, state, formProps, errorOf, pending } = useServerForm(
    setPasswordSchema,
    setPasswordAction,
    { newPassword: "", newPasswordConfirm: "" },
    words.schema,
    setPasswordPosted,
  );
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-label={words.set}>
      <FormMessage state={state} />
      <NewPasswordFields
        words={words}
        password={form.register("newPassword")}
        confirm={form.register("newPasswordConfirm")}
        errors={{ password: errorOf("newPassword"), confirm: errorOf("newPasswordConfirm") }}
      />
      <Button type="submit" pending={pending}>
        {words.setButton}
      </Button>
    </form>
  );
}

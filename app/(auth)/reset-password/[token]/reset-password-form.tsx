"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import type { FormWords } from "@/lib/view/form-words";
import { resetPasswordSchema } from "@/lib/security/core/schemas";
import { resetPasswordAction, resetPasswordPosted } from "./actions";

/** The form's words in the page's language (the hint already names the minimum length). */
export interface ResetPasswordWords {
  label: string;
  newPassword: string;
  hint: string;
  confirm: string;
  submit: string;
}

export function ResetPasswordForm({ token, words, formWords }: { token: string; words: ResetPasswordWords; formWords: FormWords }) {
  const { form, field, state, formProps, errorOf, pending } = useServerForm(
    resetPasswordSchema,
    resetPasswordAction,
    {
      token,
      password: "",
      passwordConfirm: "",
    },
    formWords.schema,
    resetPasswordPosted,
  );
  return (
    <form {...formProps} className="space-y-5" aria-label={words.label}>
      <FormMessage state={state} />
      {/* Lets password managers attach the new password to the right account. */}
      <input type="hidden" {...field("token")} />
      <NewPasswordFields
        words={{ new: words.newPassword, confirm: words.confirm, hint: words.hint, passwordToggle: formWords.passwordToggle }}
        password={form.register("password")}
        confirm={form.register("passwordConfirm")}
        errors={{ password: errorOf("password"), confirm: errorOf("passwordConfirm") }}
        autoFocus
      />
      <Button type="submit" className="w-full" pending={pending}>
        {words.submit}
      </Button>
    </form>
  );
}

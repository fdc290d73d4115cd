"use client";
import { Link } from "@/components/ui/link";
import { useState, useTransition, type FormEvent } from "react";
import { FormMessage } from "@/components/form-message";
import { Button, buttonVariants } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { askForHelpAction, rescueByEmailAction } from "./actions";

type Choice = "email" | "help";

interface RescueFormProps {
  words: { byEmail: string; recovery: string; askHelp: string };
  /** SECURITY_TWO_FACTOR_RESCUE_EMAIL */
  byEmail: boolean;
  /** SECURITY_MULTI_FACTOR_RECOVERY_CODES */
  recoveryCodes: boolean;
}

/** The other ways to finish a sign-in, each its own small POST form. */
export function RescueForm({ byEmail, recoveryCodes, words }: RescueFormProps) {
  const [state, setState] = useState<FormState>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [busy, startTransition] = useTransition();

  const submit =
    (which: Choice, action: () => Promise<FormState>) =>
    (event: FormEvent<HTMLFormElement>): void => {
      event.preventDefault();
      setState(null);
      setChoice(which);
      startTransition(async () => {
        // The email choice redirects on success, so only failures (and the help request) come back.
        setState(await action());
      });
    };

  const wide = "w-full";
  return (
    <div className="space-y-3">
      <FormMessage state={state} className="mb-5" />
      {byEmail ? (
        <form onSubmit={submit("email", rescueByEmailAction)}>
          <Button type="submit" variant="secondary" className={wide} pending={busy && choice === "email"} disabled={busy}>
            {words.byEmail}
          </Button>
        </form>
      ) : null}
      {recoveryCodes ? (
        <Link href="/login/two-factor/recovery" className={buttonVariants({ variant: "secondary", className: wide })}>
          {words.recovery}
        </Link>
      ) : null}
      <form onSubmit={submit("help", askForHelpAction)}>
        <Button type="submit" variant="secondary" className={wide} pending={busy && choice === "help"} disabled={busy}>
          {words.askHelp}
        </Button>
      </form>
    </div>
  );
}

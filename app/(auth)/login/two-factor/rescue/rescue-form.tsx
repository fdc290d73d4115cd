"use client";
import { Link } from "@/components/ui/link";
import { useActionState, useState } from "react";
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

/**
 * The other ways to finish a sign-in, each its own small POST form: a server action the browser
 * posts itself before hydration or without JavaScript, and React posts once hydrated.
 */
export function RescueForm({ byEmail, recoveryCodes, words }: RescueFormProps) {
  // The email choice redirects on success, so only failures (and the help request) come back.
  const [emailed, emailAction, emailing] = useActionState<FormState>(rescueByEmailAction, null);
  const [helped, helpAction, helping] = useActionState<FormState>(askForHelpAction, null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const state = choice === "email" ? emailed : choice === "help" ? helped : (emailed ?? helped);
  const busy = emailing || helping;

  const wide = "w-full";
  return (
    <div className="space-y-3">
      <FormMessage state={state} className="mb-5" />
      {byEmail ? (
        <form action={emailAction} onSubmit={() => setChoice("email")}>
          <Button type="submit" variant="secondary" className={wide} pending={emailing} disabled={busy}>
            {words.byEmail}
          </Button>
        </form>
      ) : null}
      {recoveryCodes ? (
        <Link href="/login/two-factor/recovery" className={buttonVariants({ variant: "secondary", className: wide })}>
          {words.recovery}
        </Link>
      ) : null}
      <form action={helpAction} onSubmit={() => setChoice("help")}>
        <Button type="submit" variant="secondary" className={wide} pending={helping} disabled={busy}>
          {words.askHelp}
        </Button>
      </form>
    </div>
  );
}

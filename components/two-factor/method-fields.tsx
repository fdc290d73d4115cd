"use client";
import type { UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import type { TwoFactorSetupInput } from "@/lib/security/core/schemas";
import type { MethodFieldsWords } from "../../lib/view/sign-in-word-types";
import type { MethodOption, SetupMethod } from "../../lib/view/two-factor-types";

export type { MethodFieldsWords };

interface MethodFieldsProps {
  /** In the page's language (lib/view/sign-in-words.ts). */
  words: MethodFieldsWords;
  methods: MethodOption[];
  register: UseFormRegister<TwoFactorSetupInput>;
  /** The method selected when the form is drawn (the phone field follows the checked radio by CSS). */
  selected: SetupMethod | undefined;
  /** The number the form is drawn with (a refused post's, FormState.values), in the page's HTML too. */
  phone?: string;
  /** The user's saved method, marked "(current)". */
  current?: SetupMethod | null;
  legend: string;
  autoFocus?: boolean;
  methodError?: string;
  phoneError?: string;
}

/** The method radio group (and the phone number for text messages) of both set-up forms. */
export function MethodFields({ words, methods, register, selected, phone, current, legend, autoFocus, methodError, phoneError }: MethodFieldsProps) {
  return (
    <>
      <fieldset aria-describedby={methodError ? "method-error" : undefined} className="peer">
        <legend className="mb-3 text-sm font-medium text-foreground">{legend}</legend>
        <div className="grid gap-2">
          {methods.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-input p-3.5 text-sm transition-colors hover:bg-subtle has-checked:border-primary has-checked:bg-primary-soft has-checked:ring-1 has-checked:ring-primary"
            >
              <input
                type="radio"
                value={option.value}
                autoFocus={autoFocus && option.value === selected}
                // Checked in the page's HTML too, so a form posted before hydration has a method.
                defaultChecked={option.value === selected}
                aria-describedby={`method-${option.value}-description`}
                className="mt-0.5 size-4 shrink-0 cursor-pointer accent-primary"
                {...register("method")}
              />
              <span className="min-w-0">
                <span className="block font-medium text-foreground">
                  {option.label}
                  {option.value === current ? <span className="ms-2 text-xs font-normal text-muted">{words.current}</span> : null}
                </span>
                <span id={`method-${option.value}-description`} className="block text-muted">
                  {option.description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {methodError ? (
          <p id="method-error" data-testid="method-error" className="mt-1.5 text-sm text-danger-text">
            {methodError}
          </p>
        ) : null}
      </fieldset>
      {methods.some((option) => option.value === "sms") ? (
        // Shown by CSS while "text message" is checked, so it also appears before hydration and without JavaScript.
        <div className="hidden peer-has-[input[value=sms]:checked]:block">
          <TextField
            label={words.phone}
            type="tel"
            dir="ltr"
            autoComplete="tel"
            hint={words.phoneHint}
            error={phoneError}
            {...register("phone")}
            defaultValue={phone}
          />
        </div>
      ) : null}
    </>
  );
}

"use client";

import { clsx } from "clsx";
import { useId } from "react";
import type { InputHTMLAttributes, ReactNode, Ref } from "react";

export type CheckboxProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type">;

export function Checkbox({ label, hint, error, ref, id, name, className, "aria-describedby": describedBy, ...rest }: CheckboxProps) {
  const autoId = useId();
  const fieldId = id ?? name ?? autoId;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedByIds = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={clsx("flex gap-3", className)}>
      <div className="flex h-5 items-center">
        <input
          {...rest}
          ref={ref}
          id={fieldId}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds}
          className="size-4 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed"
        />
      </div>
      <div className="text-sm leading-5">
        <label htmlFor={fieldId} className="cursor-pointer font-medium text-foreground">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-muted">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} data-testid={`${name ?? fieldId}-error`} className="text-danger-text">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { CircleAlert, Eye, EyeOff } from "lucide-react";
import { ENGLISH_PASSWORD_TOGGLE, type PasswordToggleWords } from "@/lib/view/form-words";
import { inputVariants } from "./input-classes";

export type TextFieldProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
  /** A password field's show/hide button, in the page's language (English when not given). */
  passwordToggle?: PasswordToggleWords;
} & InputHTMLAttributes<HTMLInputElement>;

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

export function TextField({
  label,
  error,
  hint,
  ref,
  passwordToggle = ENGLISH_PASSWORD_TOGGLE,
  id,
  name,
  type = "text",
  className,
  required,
  "aria-describedby": describedBy,
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const fieldId = id ?? name ?? autoId;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const isPassword = type === "password";
  const [visible, setVisible] = useState(false);
  const inner = useRef<HTMLInputElement | null>(null);

  const setRef = useCallback(
    (node: HTMLInputElement | null) => {
      inner.current = node;
      assignRef(ref, node);
    },
    [ref],
  );

  // Mask the password again on submit so the browser never records it as plain text.
  useEffect(() => {
    const form = inner.current?.form;
    if (!isPassword || !form) return;
    const hide = (): void => setVisible(false);
    form.addEventListener("submit", hide);
    return () => form.removeEventListener("submit", hide);
  }, [isPassword]);

  const describedByIds = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-foreground">
        {label}
        {required ? (
          <span className="ms-0.5 text-muted" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <div className="relative mt-1.5">
        <input
          {...rest}
          ref={setRef}
          id={fieldId}
          name={name}
          type={isPassword && visible ? "text" : type}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds}
          className={inputVariants({ trailingButton: isPassword })}
        />
        {isPassword ? (
          <button
            type="button"
            aria-label={visible ? passwordToggle.hide : passwordToggle.show}
            aria-pressed={visible}
            aria-controls={fieldId}
            // Keep focus (and the caret) in the input when toggled with a pointer.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setVisible((v) => !v)}
            disabled={rest.disabled}
            className="absolute inset-y-1 end-1 flex w-9 items-center justify-center rounded-md focus-visible:outline-offset-0 text-muted hover:bg-subtle hover:text-foreground disabled:opacity-50"
          >
            {visible ? <EyeOff aria-hidden="true" className="size-5" strokeWidth={1.75} /> : <Eye aria-hidden="true" className="size-5" strokeWidth={1.75} />}
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} data-testid={`${name ?? fieldId}-error`} className="mt-1.5 flex items-start gap-1.5 text-sm text-danger-text">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

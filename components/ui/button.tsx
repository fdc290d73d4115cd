import type { ButtonHTMLAttributes, Ref } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner next to the (unchanged) label. */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

const base =
  "inline-flex shrink-0 select-none items-center justify-center gap-2 whitespace-nowrap rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:not-aria-busy:opacity-50 aria-busy:cursor-wait aria-busy:opacity-85";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover active:bg-primary-hover disabled:hover:bg-primary",
  secondary: "bg-surface text-foreground shadow-sm ring-1 ring-inset ring-input hover:bg-subtle active:bg-subtle",
  ghost: "text-foreground hover:bg-subtle active:bg-subtle",
  danger: "bg-danger text-danger-foreground shadow-sm hover:bg-danger-hover active:bg-danger-hover disabled:hover:bg-danger",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
};

/** Classes for anything that should look like a button, e.g. a `<Link>`. */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return `${base} ${variants[variant]} ${sizes[size]}`;
}

export function Spinner({ className = "size-4" }: { className?: string }) {
  return (
    <svg className={`animate-spin ${className}`} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export function Button({ variant = "primary", size = "md", pending = false, disabled, className, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={className ? `${buttonClasses(variant, size)} ${className}` : buttonClasses(variant, size)}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}

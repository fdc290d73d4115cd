import { cva, type VariantProps } from "class-variance-authority";
import { LoaderCircle } from "lucide-react";
import type { ButtonHTMLAttributes, Ref } from "react";

/**
 * The button's looks, for anything that should look like one (a `<Link>`, a `<summary>`).
 * Ships to the browser with every form, so className is joined, not merged (decision 059): to
 * change a color or size pass `variant` / `size`; className adds layout (width, margins).
 */
export const buttonVariants = cva(
  // The shape, states and spacing every button shares (app/globals.css): one name, not a dozen on each.
  "btn",
  {
    variants: {
      variant: {
        primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover disabled:hover:bg-primary",
        secondary: "bg-surface text-foreground shadow-sm ring-1 ring-inset ring-input hover:bg-subtle",
        ghost: "text-foreground hover:bg-subtle",
        danger: "bg-danger text-danger-foreground shadow-sm hover:bg-danger-hover disabled:hover:bg-danger",
      },
      size: { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

type Variants = Required<VariantProps<typeof buttonVariants>>;
export type ButtonVariant = NonNullable<Variants["variant"]>;
export type ButtonSize = NonNullable<Variants["size"]>;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner next to the (unchanged) label. */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

export function Spinner({ className = "size-4" }: { className?: string }) {
  return <LoaderCircle className={`animate-spin ${className}`} aria-hidden="true" />;
}

export function Button({ variant, size, pending = false, disabled, className, children, ...rest }: ButtonProps) {
  return (
    <button {...rest} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonVariants({ variant, size, className })}>
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}

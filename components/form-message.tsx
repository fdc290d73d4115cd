import { Alert } from "@/components/ui/alert";

export type FormMessageState =
  | {
      message?: string;
      tone?: "error" | "success" | "info";
    }
  | null
  | undefined;

/** Renders the form-level message from a server action's state (defaults to an error). */
export function FormMessage({ state, className }: { state: FormMessageState; className?: string }) {
  if (!state?.message) return null;
  return (
    <Alert tone={state.tone ?? "error"} testId="form-message" className={className}>
      {state.message}
    </Alert>
  );
}

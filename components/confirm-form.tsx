"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader } from "@/components/ui/dialog";

export type ConfirmFormProps = {
  action: (formData: FormData) => void | Promise<void>;
  /** Hidden fields the action reads (the session's id). */
  fields?: Record<string, string>;
  /** The button on the page, and its accessible name when the label alone is ambiguous. */
  label: ReactNode;
  ariaLabel?: string;
  variant?: ButtonVariant;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** The dialog's way back, in the page's language. */
  cancelLabel?: string;
  /** The dialog's ✕, for screen readers. */
  closeLabel?: string;
};

/**
 * A form whose button asks first. With JavaScript, submitting opens a dialog and only its confirm
 * button (which submits the same form, by the `form` attribute, from the dialog's portal) goes
 * through. Without JavaScript the button submits the form as it is: the action still works, it
 * just does not ask (decision 066).
 */
export function ConfirmForm({
  action,
  fields = {},
  label,
  ariaLabel,
  variant = "ghost",
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  closeLabel,
}: ConfirmFormProps) {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.dataset.confirmed === "true") return;
    event.preventDefault();
    setOpen(true);
  };
  return (
    <form id={formId} action={action} onSubmit={onSubmit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} size="sm" type="submit" aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel={closeLabel}>
          <DialogHeader title={title} description={description} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" type="button">
                {cancelLabel}
              </Button>
            </DialogClose>
            <Button variant="danger" type="submit" form={formId} data-confirmed="true">
              {confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
